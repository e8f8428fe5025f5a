#include "input/loader_util.hpp"

#include <algorithm>
#include <cstdio>

namespace baocao::input {

/// Optional text: an absent key or an empty value (`key:`) gives "".
std::string optional_text(const Mapping& m, std::string_view key) {
  const Tree* t = m.find(key);
  if (!t || t->kind == Tree::Kind::null) return {};
  return text(*t, true);
}

/// An optional list: absent or empty (`key:`) gives no items.
const std::vector<Tree>& optional_list(const Mapping& m, std::string_view key,
                                       const std::string& expected) {
  static const std::vector<Tree> none;
  const Tree* t = m.find(key);
  if (!t || t->kind == Tree::Kind::null) return none;
  return list(*t, 0, expected);
}

bool is_id(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-';
  });
}

/// The value under key in a mapping already checked by a Mapping.
const Tree* child(const Tree& node, std::string_view key) {
  for (const auto& e : node.entries) {
    if (e.key == key) return &e.value;
  }
  return nullptr;
}

/// 110 or 112.5: numbers in messages are written as in the YAML, not the Vietnamese way.
std::string plain_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (std::size_t from = 0;;) {
    std::size_t at = s.find(sep, from);
    out.push_back(s.substr(from, at == s.npos ? s.npos : at - from));
    if (at == s.npos) return out;
    from = at + 1;
  }
}

} // namespace baocao::input
