#include "layout/text_block.hpp"

#include <algorithm>

namespace baocao::layout {

TextBlock::TextBlock(const style::TextStyle& ts, std::vector<text::Span> spans, double indent,
                     double width)
    : style_(ts), spans_(std::move(spans)), indent_(indent), width_(width), pitch_(line_pitch(ts)),
      before_(ts.space_before), after_(ts.space_after) {}

void TextBlock::set_marker(std::string marker, double x) {
  marker_ = std::move(marker);
  marker_x_ = x;
}

void TextBlock::set_outline(std::string title, int level, int anchor) {
  outline_ = display::OutlineEntry{std::move(title), level, 0, anchor};
}

void TextBlock::measure(const Context& ctx) {
  shaped_ = ctx.fonts.shape(make_spec(style_, spans_, width_));
  if (!marker_.empty()) {
    style::TextStyle ms = style_;
    ms.align = style::TextAlign::left;
    ms.first_line_indent = 0;
    ms.uppercase = false;
    marker_shaped_ = ctx.fonts.shape(make_spec(ms, marker_, 0));
  }
}

double TextBlock::height() const {
  return static_cast<double>(line_count()) * pitch_;
}

double TextBlock::first_piece() const {
  size_t n = line_count();
  if (keep_together_) return static_cast<double>(n) * pitch_;
  // place() leaves two lines at a page's foot, never one (an orphan), and
  // never all but one (a widow): so three lines or fewer go whole.
  return static_cast<double>(n <= 3 ? n : 2) * pitch_;
}

Placement TextBlock::place(const Region& region, const Resume& from) {
  const auto& lines = shaped_->lines;
  size_t n = lines.size();
  Placement out;
  out.frame.size.width = region.width;
  if (!from.begun) {
    if (keep_together_ && !region.takes_whole(static_cast<double>(n) * pitch_))
      return Placement::push();
    if (outline_) {
      if (!region.takes_whole(pitch_)) return Placement::push();
      out.frame.outline.push_back(*outline_);
    }
  }
  size_t i = from.index;
  size_t fit = lines_fitting(region.height, pitch_);
  size_t remaining = n - i;
  size_t take = std::min(fit, remaining);
  double tail = region.tail;
  if (take == remaining && tail > 0 && region.height - static_cast<double>(take) * pitch_ < tail &&
      !keep_together_) {
    // What follows would stand alone on the next page: send the last two
    // lines (or the whole paragraph, if it is short) there with it.
    take = remaining >= 2 ? remaining - 2 : 0;
    if (i == 0 && take < 2) take = 0;
    if (take == 0 && region.at_top) take = remaining; // cannot do better
  }
  if (take < remaining && !keep_together_) {
    // No orphan (one line at a page's foot) and no widow (one line at its head).
    if (take < 2 && remaining >= 2) take = 0;
    if (remaining - take < 2 && take > 0) take = remaining >= 2 ? remaining - 2 : 0;
    if (i == 0 && take < 2) take = 0;
  }
  if (take == 0) {
    if (!region.at_top) {
      // Nothing of the block here: it starts afresh on the next page, and
      // its bookmark with it (it used to point at the page before).
      if (i == 0) return Placement::push();
      out.rest = Resume::at(i);
      return out;
    }
    take = std::max<size_t>(1, std::min(fit, remaining)); // a page can hold no better split
  }
  double y = 0;
  for (size_t k = 0; k < take; ++k, ++i) {
    if (i == 0 && marker_shaped_ && !marker_shaped_->lines.empty())
      put_line(out.frame, marker_shaped_->lines.front(), region.x + marker_x_, y, pitch_);
    put_line(out.frame, lines[i], region.x + indent_, y, pitch_);
    y += pitch_;
  }
  out.frame.size.height = y;
  if (i < n) out.rest = Resume::at(i);
  return out;
}

} // namespace baocao::layout
