#pragma once
// Measures justified lines from the display list: how far their inter-word
// spaces were stretched, for the line-breaking tests and the note's figures.
#include <string>
#include <vector>

#include "display/display_list.hpp"
#include "style/style.hpp"
#include "text/font_system.hpp"

namespace baocao::test {

/// A text style's regular face: its file and the advance of its space.
struct SpaceFace {
  std::string font_file;
  double size = 0;
  double advance = 0; ///< the natural width of " ", points
};
SpaceFace space_face(const text::FontSystem& fonts, const style::TextStyle& ts);

/// One line of that face that reaches the text area's right edge (a
/// justified line, not a paragraph's last): the ratio of its spaces' width
/// to the natural width (1 = unstretched; all its spaces share it).
struct LineStretch {
  int page = 0;
  double baseline = 0;
  double ratio = 1;
  std::string text;
  double x = 0;       ///< where the line starts
  double natural = 0; ///< its width with every space at its natural width
  int spaces = 0;
};
std::vector<LineStretch> justified_lines(const std::vector<display::Page>& pages,
                                         const SpaceFace& face);

struct StretchSummary {
  size_t lines = 0;
  double max = 1;
  double mean = 1;
  size_t loose = 0;             ///< lines stretched over 1.5
  size_t consecutive_loose = 0; ///< such lines directly under another
};
StretchSummary summarise(const std::vector<LineStretch>& lines);

} // namespace baocao::test
