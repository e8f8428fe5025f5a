#pragma once
// Small readers shared by the report's loaders (report_loader, table_reader
// and the other block readers): optional keys, ids, children.
#include <string>
#include <string_view>
#include <vector>

#include "input/yaml_reader.hpp"

namespace baocao::input {

/// Optional text: an absent key or an empty value (`key:`) gives "".
std::string optional_text(const Mapping& m, std::string_view key);
/// The pieces of `s` between each `sep` ("1.234" by '.': "1", "234").
std::vector<std::string_view> split(std::string_view s, char sep);

/// An optional list: absent or empty (`key:`) gives no items.
const std::vector<Tree>& optional_list(const Mapping& m, std::string_view key,
                                       const std::string& expected);

/// Letters, digits, `_` and `-`, at least one.
bool is_id(const std::string& s);

/// The value under key in a mapping already checked by a Mapping, or nullptr.
const Tree* child(const Tree& node, std::string_view key);

/// 110 or 112.5: numbers in messages are written as in the YAML, not the Vietnamese way.
std::string plain_number(double v);

} // namespace baocao::input
