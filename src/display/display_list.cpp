#include "display/display_list.hpp"

#include <algorithm>
#include <type_traits>

namespace baocao::display {

void TeeSink::begin(const DocumentInfo& info) {
  for (auto* s : sinks_) s->begin(info);
}

void TeeSink::page(Page&& page) {
  // Every sink but the last gets a copy.
  for (size_t i = 0; i + 1 < sinks_.size(); ++i) sinks_[i]->page(Page(page));
  if (!sinks_.empty()) sinks_.back()->page(std::move(page));
}

void TeeSink::end() {
  for (auto* s : sinks_) s->end();
}

void translate(GlyphRun& run, double dx, double dy) {
  for (auto& g : run.glyphs) {
    g.x += dx;
    g.y += dy;
  }
  run.baseline += dy;
  run.x_end += dx;
  run.pivot.x += dx;
  run.pivot.y += dy;
}

void translate(Item& item, double dx, double dy) {
  std::visit(
      [&](auto& it) {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, GlyphRun>) {
          translate(it, dx, dy);
        } else if constexpr (std::is_same_v<T, Rule>) {
          it.from.x += dx;
          it.from.y += dy;
          it.to.x += dx;
          it.to.y += dy;
        } else if constexpr (std::is_same_v<T, Box> || std::is_same_v<T, Image> ||
                             std::is_same_v<T, SignatureField>) {
          it.rect.x += dx;
          it.rect.y += dy;
        } else if constexpr (std::is_same_v<T, Link>) {
          it.area.x += dx;
          it.area.y += dy;
        }
      },
      item);
}

namespace {

template <class Items, class Outline>
void move_into(Items& items, Outline& outline, Frame&& frame, core::Point at) {
  // Grown geometrically, not to the exact size: a page takes many small frames.
  size_t need = items.size() + frame.items.size();
  if (need > items.capacity()) items.reserve(std::max(need, 2 * items.capacity()));
  for (auto& item : frame.items) {
    translate(item, at.x, at.y);
    items.push_back(std::move(item));
  }
  for (auto& o : frame.outline) {
    o.y += at.y;
    outline.push_back(std::move(o));
  }
}

} // namespace

void Frame::add(Frame&& piece, core::Point at) {
  move_into(items, outline, std::move(piece), at);
}

void put(Page& page, Frame&& frame, core::Point at) {
  move_into(page.items, page.outline, std::move(frame), at);
}

core::Rect run_bounds(const GlyphRun& run) {
  double x0 = run.glyphs.empty() ? run.x_end : run.glyphs.front().x;
  for (const auto& g : run.glyphs) x0 = std::min(x0, g.x);
  return core::Rect{x0, run.baseline - run.ascent, run.x_end - x0, run.ascent + run.descent};
}

} // namespace baocao::display
