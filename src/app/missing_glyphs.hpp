#pragma once
// The build's report of characters no font could draw: an error by default,
// a warning with --allow-missing-glyphs.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "display/missing_glyphs.hpp"
#include "style/style.hpp"
#include "text/font_system.hpp"

namespace baocao::app {

/// At most this many characters are listed; the rest are counted.
inline constexpr size_t kMaxListedCharacters = 10;

/// The families in the order Pango tries them: the template's text-style
/// families and its fonts.fallback chain, then every other family in the
/// font folders (fontconfig sorts them all in after the named ones).
std::vector<std::string> fonts_tried(const style::Style& style, const text::FontSystem& fonts);

/// One error naming every missing character (`U+1F600 "😀"`), the
/// file:line:col and key path where the input first has it, the fonts
/// tried and what to do. `yaml` is the report's text, or empty to read
/// `input_file` again.
core::InputError missing_glyphs_error(const std::vector<display::MissingCharacter>& missing,
                                      const std::string& input_file, std::string_view yaml,
                                      const std::vector<std::string>& tried);

} // namespace baocao::app
