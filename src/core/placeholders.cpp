#include "core/placeholders.hpp"

#include <algorithm>

namespace baocao::core {

std::string fill_placeholders(std::string pattern,
                              const std::vector<std::pair<std::string_view, std::string>>& values) {
  // One pass over the pattern: a value is copied, never searched again.
  std::string out;
  out.reserve(pattern.size());
  size_t at = 0;
  while (at < pattern.size()) {
    size_t open = pattern.find('{', at);
    size_t close = open == std::string::npos ? std::string::npos : pattern.find('}', open);
    if (close == std::string::npos) break;
    out.append(pattern, at, open - at);
    std::string_view name(pattern.data() + open + 1, close - open - 1);
    const std::string* value = nullptr;
    for (const auto& [key, v] : values) {
      if (key == name) value = &v;
    }
    if (value)
      out += *value;
    else
      out.append(pattern, open, close - open + 1);
    at = close + 1;
  }
  out.append(pattern, std::min(at, pattern.size()), std::string::npos);
  return out;
}

} // namespace baocao::core
