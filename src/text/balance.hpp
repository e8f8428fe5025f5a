#pragma once
// Balanced lines for centred text (as CSS `text-wrap: balance`), internal to
// text: it works on a PangoLayout.
#include <pango/pango.h>

namespace baocao::text {

/// For a centred layout already broken at its width into 2 to kMaxBalanced
/// lines: narrows the layout to the smallest width (in Pango units) that
/// keeps the same number of lines with no line wider than it, and returns
/// that width; otherwise leaves the layout alone and returns its width.
/// The caller re-centres the lines in the full width.
int balance_lines(PangoLayout* layout);

} // namespace baocao::text
