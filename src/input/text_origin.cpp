#include "input/text_origin.hpp"

#include <glib.h>

#include "input/yaml_reader.hpp"

namespace baocao::input {
namespace {

bool holds(const std::string& s, char32_t c) {
  for (const char* p = s.c_str(); *p; p = g_utf8_next_char(p)) {
    gunichar u = g_utf8_get_char(p);
    if (u == c || g_unichar_toupper(u) == c) return true;
  }
  return false;
}

/// Depth-first in file order; the loader capped the nesting, so recursion is safe.
void visit(const Tree& t, const std::vector<char32_t>& chars, std::vector<TextOrigin>& out) {
  if (t.kind == Tree::Kind::scalar) {
    for (size_t i = 0; i < chars.size(); ++i) {
      if (!holds(t.scalar, chars[i])) continue;
      if (out[i].places++ == 0) {
        out[i].where = t.where;
        out[i].key_path = t.path;
      }
    }
  }
  for (const auto& item : t.items) visit(item, chars, out);
  for (const auto& e : t.entries) visit(e.value, chars, out);
}

} // namespace

std::vector<TextOrigin> locate_characters(std::string_view yaml, const std::string& file,
                                          const std::vector<char32_t>& chars) {
  std::vector<TextOrigin> out(chars.size());
  for (auto& o : out) o.where = {file, 0, 0};
  visit(parse_yaml(yaml, file), chars, out);
  return out;
}

std::vector<TextOrigin> locate_characters_in_file(const std::filesystem::path& file,
                                                  const std::vector<char32_t>& chars) {
  return locate_characters(read_file_capped(file), file.string(), chars);
}

} // namespace baocao::input
