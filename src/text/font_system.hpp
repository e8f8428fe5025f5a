#pragma once
// Fonts come only from the folders named here (the repo's fonts/ and the
// user's --font-dir), through a private fontconfig configuration: the system's
// fonts and fontconfig rules are never consulted, so the same input gives the
// same PDF on any machine.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/geometry.hpp"
#include "display/display_list.hpp"
#include "style/style.hpp"

namespace baocao::text {

/// A stretch of paragraph text with its own weight and slant.
struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
};

/// What to shape: text, the paragraph's style and the width to break at.
struct ParagraphSpec {
  std::vector<Span> spans;
  std::string font; ///< family
  double size = 12; ///< points
  bool bold = false;
  bool italic = false;
  core::Color color;
  style::TextAlign align = style::TextAlign::left;
  double first_line_indent = 0; ///< points
  double width = 0;             ///< points; <= 0 means no wrapping
  bool break_words = true;      ///< a word wider than the width breaks between letters
  style::Justify justify;
};

/// One broken line: glyph runs positioned with x from the paragraph's left edge
/// and the baseline at y = 0.
struct Line {
  double x = 0;       ///< left edge of the line's content (after alignment and indent)
  double ascent = 0;  ///< points above the baseline
  double descent = 0; ///< points below the baseline
  double width = 0;   ///< advance width of the line's content
  std::vector<display::GlyphRun> runs;
};

struct ShapedParagraph {
  std::vector<Line> lines;
  double max_line_width = 0;
};

/// Owns the fontconfig configuration, the Pango font map and context: build it
/// once per process and shape every paragraph through it.
class FontSystem {
public:
  /// Throws core::RuntimeError if a folder does not exist or holds no font.
  /// `fallback` (a template's fonts.fallback) is the chain of families tried,
  /// in order, for a character a text style's own font lacks.
  explicit FontSystem(const std::vector<std::filesystem::path>& font_dirs,
                      std::vector<std::string> fallback = {});
  ~FontSystem();
  FontSystem(const FontSystem&) = delete;
  FontSystem& operator=(const FontSystem&) = delete;

  /// Breaks the paragraph into lines at spec.width and shapes each line.
  ShapedParagraph shape(const ParagraphSpec& spec) const;

  /// Width of the text on one line, unbroken.
  double measure(const ParagraphSpec& spec) const;

  /// Family names of the fonts found, sorted.
  std::vector<std::string> families() const;

  /// Whether a family of this name was found in the font folders.
  bool has_family(const std::string& family) const;

  /// The file of a family's face (regular, bold, italic, bold italic), or
  /// empty when the font folders have no face of that family and style
  /// (fontconfig would otherwise give the nearest other one). For a writer
  /// that embeds the fonts themselves (DOCX).
  std::filesystem::path face_file(const std::string& family, bool bold, bool italic) const;

  /// The fallback families given to the constructor.
  const std::vector<std::string>& fallback() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Unicode upper case ("Đảng ủy" -> "ĐẢNG ỦY").
std::string to_upper(std::string_view utf8);

/// Pango's version, such as "1.50.12" (for baocao --version: Pango's headers
/// stay inside text).
std::string pango_version();

} // namespace baocao::text
