#pragma once
// Whole-paragraph line breaking (total fit, after Knuth and Plass): the
// breaks of a justified paragraph chosen together to keep its inter-word
// spaces even. Pure arithmetic on widths; the shaper measures them with Pango.
#include <cstddef>
#include <vector>

namespace baocao::text {

/// A place the paragraph may break, in the order of the text. The first is
/// the paragraph's start, the last its end (a forced break). x values are
/// the shaped advance from the paragraph's start, unbroken on one line.
struct BreakOption {
  double end_x = 0;       ///< where a line ending here stops (before its trailing spaces)
  double start_x = 0;     ///< where the next line starts (after them)
  double space_end = 0;   ///< width of all spaces before end_x
  double space_start = 0; ///< width of all spaces before start_x
  int spaces_end = 0;     ///< how many spaces lie before end_x
  int spaces_start = 0;   ///< how many before start_x
  double penalty = 0;     ///< 0 at a space; more where no space is (after '-' or '/')
};

struct TotalFitParams {
  double first_width = 0; ///< the first line's measure (less a first-line indent)
  double width = 0;       ///< every other line's measure
  double stretch = 0.5;   ///< how much a space may grow, per unit of its width, at ratio 1
  double shrink = 0.2;    ///< how much it may shrink, per unit of its width
  /// A line whose spaces grow past this many natural widths is chosen only
  /// when no other breaks avoid it (TeX's tolerance).
  double max_space = 2;
  /// A last line narrower than this share of the measure, holding one word,
  /// is avoided (a lone short syllable).
  double short_last_line = 0.2;
};

/// One chosen line: break options [from, to] and the ratio its spaces take
/// (0 = natural, 1 = fully stretched, -1 = fully shrunk; 0 for the last line).
struct BrokenLine {
  size_t from = 0;
  size_t to = 0;
  double ratio = 0;
};

/// The breaks with the least total demerits. Always succeeds: a word wider
/// than the measure gets a line of its own (overfull).
std::vector<BrokenLine> break_total_fit(const std::vector<BreakOption>& options,
                                        const TotalFitParams& params);

} // namespace baocao::text
