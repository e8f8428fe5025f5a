#include "layout/blocks.hpp"

namespace baocao::layout {

TextBlock* list_items(const style::Style& style, std::vector<std::vector<text::Span>> items,
                      bool numbered, double width, ElementList& out) {
  const auto& ls = style.list;
  style::TextStyle item = style.body;
  item.first_line_indent = 0;
  item.space_before = 0;
  item.space_after = ls.item_space;
  TextBlock* last = nullptr;
  for (size_t i = 0; i < items.size(); ++i) {
    auto b = std::make_unique<TextBlock>(item, std::move(items[i]), ls.indent, width - ls.indent);
    // The marker ends a little before the item text: a hanging indent.
    b->set_marker(numbered ? std::to_string(i + 1) + ls.number_suffix : ls.bullet,
                  ls.indent * 0.45);
    if (i + 1 == items.size()) b->set_spacing(0, style.body.space_after);
    last = b.get();
    out.push_back(std::move(b));
  }
  return last;
}

} // namespace baocao::layout
