#include "layout/elements.hpp"

#include <cmath>

namespace baocao::layout {

TextBlock::TextBlock(const style::TextStyle& ts, std::vector<text::Span> spans, double indent,
                     double width)
    : style_(ts), spans_(std::move(spans)), indent_(indent), width_(width), pitch_(line_pitch(ts)),
      before_(ts.space_before), after_(ts.space_after) {}

void TextBlock::set_marker(std::string marker, double x) {
  marker_ = std::move(marker);
  marker_x_ = x;
}

void TextBlock::set_outline(std::string title, int level) {
  outline_ = std::make_pair(std::move(title), level);
}

const text::ShapedParagraph& TextBlock::shaped(Flow& flow) {
  if (!shaped_) {
    shaped_ = flow.fonts().shape(make_spec(style_, spans_, width_));
    if (!marker_.empty()) {
      style::TextStyle ms = style_;
      ms.align = style::TextAlign::left;
      ms.first_line_indent = 0;
      ms.uppercase = false;
      marker_shaped_ = flow.fonts().shape(make_spec(ms, marker_, 0));
    }
  }
  return *shaped_;
}

double TextBlock::height(Flow& flow) {
  return static_cast<double>(shaped(flow).lines.size()) * pitch_;
}

double TextBlock::first_piece(Flow& flow) {
  size_t n = shaped(flow).lines.size();
  if (keep_together_) return static_cast<double>(n) * pitch_;
  return static_cast<double>(std::min<size_t>(n, 2)) * pitch_;
}

void TextBlock::place(Flow& flow, double tail) {
  const auto& lines = shaped(flow).lines;
  size_t n = lines.size();
  if (keep_together_ && static_cast<double>(n) * pitch_ > flow.room() && !flow.at_page_top()) {
    flow.next_page();
  }
  if (outline_) {
    if (pitch_ > flow.room() && !flow.at_page_top()) flow.next_page();
    flow.add_outline(outline_->first, outline_->second);
  }
  size_t i = 0;
  while (i < n) {
    size_t fit =
        flow.room() >= pitch_ ? static_cast<size_t>(std::floor(flow.room() / pitch_ + 1e-9)) : 0;
    size_t remaining = n - i;
    size_t take = std::min(fit, remaining);
    if (take == remaining && tail > 0 && flow.room() - static_cast<double>(take) * pitch_ < tail &&
        !keep_together_) {
      // What follows would stand alone on the next page: send the last two
      // lines (or the whole paragraph, if it is short) there with it.
      take = remaining >= 2 ? remaining - 2 : 0;
      if (i == 0 && take < 2) take = 0;
      if (take == 0 && flow.at_page_top()) take = remaining; // cannot do better
    }
    if (take < remaining && !keep_together_) {
      // No orphan (one line at a page's foot) and no widow (one line at its head).
      if (take < 2 && remaining >= 2) take = 0;
      if (remaining - take < 2 && take > 0) take = remaining >= 2 ? remaining - 2 : 0;
      if (i == 0 && take < 2) take = 0;
    }
    if (take == 0) {
      if (flow.at_page_top()) {
        take = std::max<size_t>(1, std::min(fit, remaining)); // a page can hold no better split
      } else {
        flow.next_page();
        continue;
      }
    }
    for (size_t k = 0; k < take; ++k, ++i) {
      if (i == 0 && marker_shaped_ && !marker_shaped_->lines.empty()) {
        flow.place_line_at(marker_shaped_->lines.front(), flow.left() + marker_x_, flow.y(),
                           pitch_);
      }
      flow.place_line(lines[i], flow.left() + indent_, pitch_);
    }
    if (i < n) flow.next_page();
  }
}

} // namespace baocao::layout
