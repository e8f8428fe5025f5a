#include "text/total_fit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace baocao::text {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr double kLinePenalty = 10;     // TeX's \linepenalty: fewer lines are better
constexpr double kAdjacentFit = 10000;  // TeX's \adjdemerits: a tight line after a loose one
constexpr double kTwoVeryLoose = 20000; // two very loose lines in a row
constexpr double kShortLastLine =
    1e5;                          // a last line of one short word: as bad as a line at ratio 1.4
constexpr double kOverfull = 1e8; // a word wider than the measure: only if nothing else
constexpr double kTooLoose = 1e7; // spaces past max_space: only if nothing else

enum Fitness { tight, decent, loose, very_loose };

Fitness fitness_of(double ratio) {
  if (ratio < -0.5) return tight;
  if (ratio <= 0.5) return decent;
  if (ratio <= 1) return loose;
  return very_loose;
}

struct Node {
  double demerits = kInfinity;
  size_t previous = 0;  ///< break option the line before ends at
  int previous_fit = 0; ///< and that line's fitness
  double ratio = 0;     ///< of the line ending here
};

} // namespace

std::vector<BrokenLine> break_total_fit(const std::vector<BreakOption>& options,
                                        const TotalFitParams& params) {
  std::vector<BrokenLine> lines;
  const size_t n = options.size();
  if (n < 2) return lines;
  // best[k][f]: the least demerits of a paragraph start broken up to option k,
  // its last line of fitness f. Four classes keep the adjacent-line rules exact.
  std::vector<std::array<Node, 4>> best(n);
  best[0][decent].demerits = 0;
  const size_t last = n - 1;
  for (size_t k = 1; k < n; ++k) {
    const BreakOption& to = options[k];
    for (size_t i = k; i-- > 0;) {
      const BreakOption& from = options[i];
      double width = i == 0 ? params.first_width : params.width;
      double natural = to.end_x - from.start_x;
      double spaces = to.space_end - from.space_start;
      double stretch = spaces * params.stretch;
      double shrink = spaces * params.shrink;
      if (natural - shrink > width && i + 1 < k) break; // longer lines only get worse
      double ratio = 0;
      double badness = 0;
      bool overfull = false;
      if (natural > width) {
        ratio = shrink > 0 ? (width - natural) / shrink : -kInfinity;
        overfull = ratio < -1;
        badness = overfull ? 0 : 100 * std::pow(-ratio, 3);
      } else if (k != last) {
        ratio = stretch > 0 ? (width - natural) / stretch : kInfinity;
        badness = std::min(10000.0, 100 * std::pow(ratio, 3));
      }
      Fitness fit = fitness_of(ratio);
      double demerits = (kLinePenalty + badness) * (kLinePenalty + badness);
      if (k != last) demerits += to.penalty * to.penalty;
      if (overfull) demerits += kOverfull;
      if (k != last && ratio * params.stretch > params.max_space - 1) demerits += kTooLoose;
      if (k == last && i > 0 && to.spaces_end == from.spaces_start &&
          natural < params.short_last_line * width)
        demerits += kShortLastLine;
      for (int f = 0; f < 4; ++f) {
        const Node& before = best[i][f];
        if (before.demerits == kInfinity) continue;
        double total = before.demerits + demerits;
        if (i > 0 && std::abs(f - static_cast<int>(fit)) > 1) total += kAdjacentFit;
        if (i > 0 && f == very_loose && fit == very_loose) total += kTwoVeryLoose;
        Node& slot = best[k][fit];
        if (total < slot.demerits) slot = {total, i, f, std::isfinite(ratio) ? ratio : 0};
      }
    }
  }
  int fit = 0;
  for (int f = 1; f < 4; ++f) {
    if (best[last][f].demerits < best[last][fit].demerits) fit = f;
  }
  for (size_t k = last; k > 0;) {
    const Node& node = best[k][fit];
    lines.push_back({node.previous, k, k == last && node.ratio > 0 ? 0 : node.ratio});
    fit = node.previous_fit;
    k = node.previous;
  }
  return {lines.rbegin(), lines.rend()};
}

} // namespace baocao::text
