#include "display/display_list.hpp"

#include <algorithm>

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
}

core::Rect run_bounds(const GlyphRun& run) {
  double x0 = run.glyphs.empty() ? run.x_end : run.glyphs.front().x;
  for (const auto& g : run.glyphs) x0 = std::min(x0, g.x);
  return core::Rect{x0, run.baseline - run.ascent, run.x_end - x0, run.ascent + run.descent};
}

} // namespace baocao::display
