#pragma once
// Charts as vectors: boxes for bars, rules for axes, gridlines and target
// markers, and real text (it extracts from the PDF). A chart never splits:
// its first piece is all of it, caption included.
#include <memory>
#include <string>

#include "layout/elements.hpp"
#include "model/report.hpp"

namespace baocao::layout {

/// "1, 2, 5, 10, 20, 50, ...": the tick step for an axis from 0 to at least
/// `max` with about `ticks` steps.
double nice_step(double max, int ticks = 5);

/// The element for a chart; `caption` is already numbered ("Biểu đồ 1: ..."), or empty.
std::unique_ptr<Element> make_chart(const model::Chart& chart, std::string caption);

/// A chart drawn alone, `width` wide, its caption left out: for a writer that
/// embeds it as a picture under its own caption (DOCX). The frame's x is 0.
display::Frame chart_frame(const model::Chart& chart, const style::Style& style,
                           const text::FontSystem& fonts, double width);

} // namespace baocao::layout
