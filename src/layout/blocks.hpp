#pragma once
// List items with a hanging marker, as elements (plain spans and the
// sub-label are the flow's: layout/flow.hpp).
#include <memory>
#include <string>
#include <vector>

#include "layout/elements.hpp"
#include "layout/flow.hpp"
#include "layout/text_block.hpp"
#include "model/report.hpp"

namespace baocao::layout {

/// List items in the body style with a hanging marker ("-" or "1."), the
/// last one followed by the body's paragraph spacing. Appended to `out`;
/// returns the last item.
TextBlock* list_items(const style::Style& style, std::vector<std::vector<text::Span>> items,
                      bool numbered, double width, ElementList& out);

} // namespace baocao::layout
