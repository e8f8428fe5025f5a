#pragma once
// Small text blocks that several composers build the same way: plain and
// rich spans, the bold-italic sub-label over a group, and list items with a
// hanging marker.
#include <memory>
#include <string>
#include <vector>

#include "layout/elements.hpp"
#include "layout/text_block.hpp"
#include "model/report.hpp"

namespace baocao::layout {

/// One unstyled span.
std::vector<text::Span> plain(const std::string& s);

/// The runs of rich text as spans; `bold` makes every run bold (a total row).
std::vector<text::Span> spans_of(const model::RichText& t, bool bold = false);

/// A bold italic label kept with what follows ("Tập thể", "Các khâu đột phá").
std::unique_ptr<TextBlock> sub_label(const style::Style& style, const std::string& label,
                                     double width);

/// List items in the body style with a hanging marker ("-" or "1."), the
/// last one followed by the body's paragraph spacing. Appended to `out`;
/// returns the last item.
TextBlock* list_items(const style::Style& style, std::vector<std::vector<text::Span>> items,
                      bool numbered, double width, ElementList& out);

} // namespace baocao::layout
