#pragma once
// Template labels and patterns carry {name} placeholders ("{place}, {date}",
// "vượt {percent}% so với chỉ tiêu", "{issuer} · {page}"); this fills them.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace baocao::core {

/// Replaces every "{name}" in `pattern` by its value. Values are not scanned
/// again, so a value containing braces is written as it is.
std::string fill_placeholders(std::string pattern,
                              const std::vector<std::pair<std::string_view, std::string>>& values);

} // namespace baocao::core
