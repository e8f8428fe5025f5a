#include "layout/marks.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <numbers>

#include "core/error.hpp"
#include "layout/lines.hpp"

namespace baocao::layout {
namespace {

/// A width no line reaches: the watermark is measured on one line, then fitted.
constexpr double kUnbounded = 1e5;

/// The first line of `text` in `ts`, shaped in `width`.
text::Line one_line(const text::FontSystem& fonts, const style::TextStyle& ts,
                    const std::string& text, double width) {
  auto shaped = fonts.shape(make_spec(ts, text, width));
  if (shaped.lines.empty()) return {};
  return std::move(shaped.lines.front());
}

/// The line's runs, its content's left edge at x (whatever its alignment
/// made line.x) and its baseline at y, into `items`.
void put_runs(std::vector<display::Item>& items, const text::Line& line, double x, double y) {
  for (auto run : line.runs) {
    display::translate(run, x - line.x, y);
    items.push_back(std::move(run));
  }
}

} // namespace

std::string urgency_words(const style::MarksStyle& ms, model::Urgency urgency) {
  switch (urgency) {
  case model::Urgency::khan:
    return ms.khan;
  case model::Urgency::thuong_khan:
    return ms.thuong_khan;
  case model::Urgency::hoa_toc:
    return ms.hoa_toc;
  case model::Urgency::none:
    break;
  }
  return "";
}

double stamp_width(const style::MarksStyle& ms, model::Urgency urgency) {
  switch (urgency) {
  case model::Urgency::khan:
    return ms.khan_width;
  case model::Urgency::thuong_khan:
    return ms.thuong_khan_width;
  case model::Urgency::hoa_toc:
    return ms.hoa_toc_width;
  case model::Urgency::none:
    break;
  }
  return 0;
}

double put_document_marks(display::Frame& frame, const style::Style& style,
                          const text::FontSystem& fonts, const model::Document& doc, double x,
                          double width, double top) {
  const auto& ms = style.marks;
  if (doc.urgency != model::Urgency::none) {
    const auto& ts = ms.urgency_text;
    top += ts.space_before;
    text::Line line = one_line(fonts, ts, urgency_words(ms, doc.urgency), width);
    // The decree's width, unless the template's words are wider: the words
    // never cross the border.
    double w = std::min(width, std::max(stamp_width(ms, doc.urgency), line.width + ts.size * 0.6));
    double h = std::max(ms.stamp_height, line.ascent + line.descent);
    // Aligned as the number above it is: centred in the official masthead,
    // flush left under a cover's number.
    const auto align = style.masthead.number_text.align;
    double left = align == style::TextAlign::left    ? x
                  : align == style::TextAlign::right ? x + width - w
                                                     : x + (width - w) / 2;
    display::Box box;
    box.rect = core::Rect{left, top, w, h};
    box.stroke = true;
    box.stroke_color = ts.color;
    box.stroke_width = ms.stamp_rule_width;
    frame.add(box);
    // Centred in the box, the line's own box (ascent over descent) in the middle.
    double baseline = top + (h - (line.ascent + line.descent)) / 2 + line.ascent;
    put_runs(frame.items, line, left + (w - line.width) / 2, baseline);
    top += h + ts.space_after;
  }
  if (!doc.circulation.empty()) {
    const auto& ts = ms.circulation_text;
    auto shaped = fonts.shape(make_spec(ts, doc.circulation, width));
    double pitch = line_pitch(ts);
    top += ts.space_before;
    for (const auto& line : shaped.lines) {
      put_line(frame, line, x, top, pitch);
      top += pitch;
    }
    top += ts.space_after;
  }
  return top;
}

DraftMarks::DraftMarks(const std::optional<model::Draft>& draft, const style::Style& style,
                       const text::FontSystem& fonts)
    : draft_(draft), style_(style), fonts_(fonts) {}

bool DraftMarks::marks(int number) const {
  if (!draft_) return false;
  switch (draft_->pages) {
  case model::Draft::Pages::first:
    return number == 1;
  case model::Draft::Pages::all:
    return true;
  case model::Draft::Pages::listed:
    return std::binary_search(draft_->listed.begin(), draft_->listed.end(), number);
  }
  return false;
}

double DraftMarks::watermark_angle(core::Size page) const {
  const auto& ms = style_.marks;
  if (!ms.watermark_diagonal) return ms.watermark_angle;
  // From the bottom-left corner to the top-right one, as seen on the page.
  return std::atan2(page.height, page.width) * 180 / std::numbers::pi;
}

void DraftMarks::add_to(display::Page& page) {
  last_page_ = std::max(last_page_, page.number);
  if (!marks(page.number)) return;
  if (draft_->watermark) add_watermark(page);
  add_box(page);
}

void DraftMarks::add_box(display::Page& page) {
  const auto& ms = style_.marks;
  const auto& ts = ms.draft_text;
  if (!box_text_) {
    // A long label ("DỰ THẢO LẦN 2 - XIN Ý KIẾN ...") wraps rather than being cut.
    const std::string& label = draft_->label.empty() ? ms.draft_label : draft_->label;
    box_text_ = fonts_.shape(make_spec(ts, label, page.text_area.width - 2 * ms.draft_padding));
  }
  const auto& lines = box_text_->lines;
  double pitch = line_pitch(ts);
  double widest = 0;
  for (const auto& line : lines) widest = std::max(widest, line.width);
  double w = widest + 2 * ms.draft_padding;
  double h = pitch * static_cast<double>(lines.size()) + 2 * ms.draft_padding;
  // Flush with the text's right edge, in the top margin over the national title.
  core::Rect rect{page.text_area.right() - w, ms.draft_from_top, w, h};
  display::Box box;
  box.rect = rect;
  box.stroke = true;
  box.stroke_color = ts.color;
  box.stroke_width = ms.draft_rule_width;
  page.items.push_back(box);
  double top = rect.y + ms.draft_padding;
  for (const auto& line : lines) {
    // Each line centred in the box.
    put_runs(page.items, line, rect.x + (w - line.width) / 2, line_baseline(line, top, pitch));
    top += pitch;
  }
}

void DraftMarks::add_watermark(display::Page& page) {
  const auto& ms = style_.marks;
  double angle = watermark_angle(page.size);
  double diagonal = std::hypot(page.size.width, page.size.height);
  if (!watermark_line_) {
    watermark_line_ = one_line(fonts_, ms.watermark_text, ms.watermark, kUnbounded);
    // A long text is made smaller to keep within the page's diagonal.
    double room = diagonal * 0.8;
    if (watermark_line_->width > room) {
      style::TextStyle smaller = ms.watermark_text;
      smaller.size *= room / watermark_line_->width;
      watermark_line_ = one_line(fonts_, smaller, ms.watermark, kUnbounded);
    }
  }
  const text::Line& line = *watermark_line_;
  core::Point centre{page.size.width / 2, page.size.height / 2};
  // The line's box (ascent over descent) centred on the page's centre, then turned about it.
  double baseline = centre.y + (line.ascent - line.descent) / 2;
  std::vector<display::Item> turned;
  for (auto run : line.runs) {
    display::translate(run, centre.x - line.width / 2 - line.x, baseline);
    run.angle = angle;
    run.pivot = centre;
    turned.push_back(std::move(run));
  }
  // Before the page number and footer the page already has: under everything.
  page.items.insert(page.items.begin(), std::make_move_iterator(turned.begin()),
                    std::make_move_iterator(turned.end()));
}

void DraftMarks::check_pages() const {
  if (!draft_ || draft_->pages != model::Draft::Pages::listed) return;
  int last = draft_->listed.back();
  if (last <= last_page_) return;
  throw core::InputError(draft_->where, "draft.pages",
                         "page " + std::to_string(last) + " is not in the document, which has " +
                             std::to_string(last_page_) + (last_page_ == 1 ? " page" : " pages") +
                             ": its draft mark would be left out",
                         "page numbers from 1 to " + std::to_string(last_page_));
}

} // namespace baocao::layout
