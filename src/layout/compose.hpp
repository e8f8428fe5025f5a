#pragma once
// From the report model to the list of elements the paginator places: numbering,
// and the tables that figures, awards and goals become (how a figure's value
// is written is figure_text's).
#include "layout/document.hpp"
#include "layout/elements.hpp"
#include "layout/page_setup.hpp"
#include "model/report.hpp"

namespace baocao::layout {

/// "I", "II", ... for 1, 2, ...
std::string roman(int n);
/// "a", "b", ..., "đ", ... in Vietnamese alphabet order (no f, j, w, z).
std::string alpha_vi(int n);
/// The heading number for the n-th (1-based) section with this numbering.
std::string heading_number(style::Numbering numbering, int n);

/// `facts`: what a first pass learnt (the contents' page numbers); nullptr on a first pass.
ElementList compose(const model::Report& report, const style::Style& style, double text_width,
                    const LayoutOptions& options = {}, const PageFacts* facts = nullptr);

} // namespace baocao::layout
