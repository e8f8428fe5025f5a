#include "text/balance.hpp"

namespace baocao::text {
namespace {

/// Titles, headings and captions are a few lines; a long centred passage is
/// left as broken (each try re-breaks the whole layout).
constexpr int kMaxBalanced = 6;
/// Bisection stops when the bracket is narrower than a quarter point.
constexpr int kPrecision = PANGO_SCALE / 4;

/// Whether the layout, broken at its width, has `lines` lines none wider than the width.
bool fits(PangoLayout* layout, int lines) {
  if (pango_layout_get_line_count(layout) != lines) return false;
  int width = pango_layout_get_width(layout);
  for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
    PangoRectangle logical;
    pango_layout_line_get_extents(static_cast<PangoLayoutLine*>(l->data), nullptr, &logical);
    if (logical.width > width) return false;
  }
  return true;
}

} // namespace

int balance_lines(PangoLayout* layout) {
  const int full = pango_layout_get_width(layout);
  const int lines = pango_layout_get_line_count(layout);
  if (full <= 0 || lines < 2 || lines > kMaxBalanced) return full;
  if (pango_layout_get_alignment(layout) != PANGO_ALIGN_CENTER) return full;
  const PangoWrapMode wrap = pango_layout_get_wrap(layout);
  // Narrower widths must not be met by breaking a word between letters.
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD);
  if (!fits(layout, lines)) {
    // Already broken inside a word at the full width: keep Pango's lines.
    pango_layout_set_wrap(layout, wrap);
    return full;
  }
  int lo = full / lines; // no narrower width can hold the text in `lines` lines
  int hi = full;
  while (hi - lo > kPrecision) {
    int mid = lo + (hi - lo) / 2;
    pango_layout_set_width(layout, mid);
    if (fits(layout, lines))
      hi = mid;
    else
      lo = mid;
  }
  pango_layout_set_width(layout, hi);
  return hi;
}

} // namespace baocao::text
