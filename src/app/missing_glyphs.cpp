#include "app/missing_glyphs.hpp"

#include <algorithm>
#include <cstdio>

#include "input/text_origin.hpp"

namespace baocao::app {
namespace {

std::string code_point(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
  return buf;
}

void add_unique(std::vector<std::string>& list, const std::string& family) {
  if (std::find(list.begin(), list.end(), family) == list.end()) list.push_back(family);
}

std::string describe(const display::MissingCharacter& m, const input::TextOrigin& o) {
  std::string notes;
  auto note = [&](const std::string& n) { notes += (notes.empty() ? " (" : "; ") + n; };
  if (m.count > 1) note(std::to_string(m.count) + " times");
  if (o.places > 1) note("here first of " + std::to_string(o.places) + " values");
  if (o.places == 0) note("not in the report as written: from the template or generated text");
  return "no font can draw " + code_point(m.code) + " \"" + m.utf8 + "\"" +
         (notes.empty() ? "" : notes + ")");
}

} // namespace

std::vector<std::string> fonts_tried(const style::Style& style, const text::FontSystem& fonts) {
  std::vector<std::string> tried;
  for (const auto& [where, ts] : style::all_text_styles(style)) add_unique(tried, ts->font);
  for (const auto& f : style.fonts_fallback) add_unique(tried, f);
  for (const auto& f : fonts.families()) add_unique(tried, f);
  return tried;
}

core::InputError missing_glyphs_error(const std::vector<display::MissingCharacter>& missing,
                                      const std::string& input_file, std::string_view yaml,
                                      const std::vector<std::string>& tried) {
  size_t listed = std::min(missing.size(), kMaxListedCharacters);
  std::vector<char32_t> chars;
  for (size_t i = 0; i < listed; ++i) chars.push_back(missing[i].code);
  auto origins = yaml.empty() && input_file != "<stdin>"
                     ? input::locate_characters_in_file(input_file, chars)
                     : input::locate_characters(yaml, input_file, chars);
  // The first character is the error's own place; each other gets a line
  // of the same file:line:col: key: form, so an editor can jump to any.
  std::string problem = describe(missing[0], origins[0]);
  for (size_t i = 1; i < listed; ++i) {
    const auto& o = origins[i];
    problem += "\n" + o.where.to_string() + ": " + (o.key_path.empty() ? "" : o.key_path + ": ") +
               describe(missing[i], o);
  }
  if (missing.size() > listed)
    problem += "\n... and " + std::to_string(missing.size() - listed) +
               " more characters no font can draw";
  std::string names;
  for (const auto& f : tried) names += (names.empty() ? "" : ", ") + f;
  problem += "\nfonts tried: " + names;
  return core::InputError(origins[0].where, origins[0].key_path, problem,
                          "characters these fonts have: add a font that has them with "
                          "--font-dir (or to the template's fonts.fallback), or build with "
                          "--allow-missing-glyphs to draw them as empty boxes");
}

} // namespace baocao::app
