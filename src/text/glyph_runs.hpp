#pragma once
// Pango glyph items to display glyph runs (internal to text: it names Pango types).
#include <vector>

#include <pango/pango.h>

#include "display/display_list.hpp"

namespace baocao::text {

/// Which glyphs of a Pango run to take, and how much wider to draw each
/// space than shaped (justification). The defaults take the whole run as shaped.
struct RunSlice {
  int first = 0; ///< first glyph (a cluster's first)
  int end = -1;  ///< one past the last glyph; -1: the run's end
  double space_extra = 0;
  const std::vector<bool>* white = nullptr; ///< by byte offset: a space that takes the extra
};

/// One Pango run (or a slice of it) to a display run, x from `x`, baseline 0.
display::GlyphRun convert_run(const PangoGlyphItem* run, const char* text, double x,
                              const core::Color& color, const RunSlice& slice = {});

} // namespace baocao::text
