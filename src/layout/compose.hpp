#pragma once
// From the report model to the list of elements the paginator places: the
// report's flow (layout/flow: numbering, captions, the tables that figures,
// awards and goals become), each block made an element for its page width.
#include "layout/document.hpp"
#include "layout/elements.hpp"
#include "layout/flow.hpp"
#include "layout/page_setup.hpp"
#include "model/report.hpp"

namespace baocao::layout {

/// `facts`: what a first pass learnt (the contents' page numbers); nullptr on a first pass.
ElementList compose(const model::Report& report, const style::Style& style, double text_width,
                    const LayoutOptions& options = {}, const PageFacts* facts = nullptr);

} // namespace baocao::layout
