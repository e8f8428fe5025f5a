#include "layout/paginator.hpp"

#include <algorithm>

#include "core/placeholders.hpp"

namespace baocao::layout {
namespace {

core::Rect text_area(const style::Style& style) {
  const auto& p = style.page;
  return core::Rect{p.margin_left, p.margin_top, p.size.width - p.margin_left - p.margin_right,
                    p.size.height - p.margin_top - p.margin_bottom};
}

} // namespace

Paginator::Paginator(const style::Style& style, const text::FontSystem& fonts, display::Sink& sink,
                     FooterFields footer, DraftMarks* draft)
    : style_(style), fonts_(fonts), sink_(sink), footer_(std::move(footer)), draft_(draft),
      area_(text_area(style)), ctx_{style, fonts, area_.x, area_.width, area_.height} {
  start_page(1);
}

void Paginator::start_page(int number) {
  page_ = display::Page{};
  page_.number = number;
  page_.size = style_.page.size;
  page_.text_area = area_;
  y_ = area_.y;
  const auto& pn = style_.page_number;
  if (pn.show && (number > 1 || pn.on_first_page)) {
    place_margin_line(pn.text, std::to_string(number), pn.from_top); // in the top margin
  }
  const auto& ft = style_.footer;
  if (ft.show && (number > 1 || ft.on_first_page)) add_footer(number);
  if (draft_) draft_->add_to(page_);
}

double Paginator::place_margin_line(const style::TextStyle& ts, const std::string& text,
                                    double baseline) {
  auto shaped = fonts_.shape(make_spec(ts, text, area_.width));
  if (shaped.lines.empty()) return 0;
  for (auto run : shaped.lines.front().runs) {
    display::translate(run, area_.x, baseline);
    page_.items.push_back(std::move(run));
  }
  return shaped.lines.front().ascent;
}

void Paginator::add_footer(int number) {
  // In the bottom margin: left text flush left, right text flush right, both
  // on one baseline, an optional rule above them across the text width.
  const auto& ft = style_.footer;
  double baseline = page_.size.height - ft.from_bottom;
  double top = baseline;
  auto put = [&](const std::string& pattern, style::TextAlign align) {
    std::string text = core::fill_placeholders(pattern, {{"issuer", footer_.issuer},
                                                         {"kind", footer_.kind},
                                                         {"title", footer_.title},
                                                         {"year", footer_.year},
                                                         {"page", std::to_string(number)}});
    if (text.empty()) return;
    style::TextStyle ts = ft.text;
    ts.align = align;
    ts.uppercase = false;
    top = std::min(top, baseline - place_margin_line(ts, text, baseline));
  };
  put(ft.left, style::TextAlign::left);
  put(ft.right, style::TextAlign::right);
  if (ft.rule_width > 0) {
    double y = top - ft.text.size * 0.4;
    page_.items.push_back(
        display::Rule{{area_.x, y}, {area_.right(), y}, ft.rule_width, ft.rule_color});
  }
}

void Paginator::space(double pts) {
  if (!at_top()) y_ += pts;
}

void Paginator::next_page() {
  int next = page_.number + 1;
  sink_.page(std::move(page_));
  start_page(next);
}

Element& Paginator::measured(ElementList& elements, size_t j) {
  if (!measured_[j]) {
    measured_[j] = true;
    elements[j]->measure(ctx_);
  }
  return *elements[j];
}

void Paginator::place(Element& e, double tail) {
  Resume from;
  for (;;) {
    Region region{area_.x, area_.width, room(), area_.height, at_top(), tail};
    Placement p = e.place(region, from);
    double h = p.frame.size.height;
    display::put(page_, std::move(p.frame), {0, y_});
    y_ += h;
    if (!p.rest) return;
    next_page();
    from = std::move(*p.rest);
  }
}

double Paginator::company_needed_after(ElementList& elements, size_t i) {
  if (elements[i]->keep_with_next()) return 0;
  double need = elements[i]->space_after();
  for (size_t j = i + 1; j < elements.size(); ++j) {
    Element& e = measured(elements, j);
    if (e.gives_company()) return 0;
    need += e.space_before() + e.first_piece();
    if (e.needs_company()) return need;
    if (!e.keep_with_next()) return 0;
    need += e.space_after();
  }
  return 0;
}

void Paginator::run(ElementList& elements) {
  measured_.assign(elements.size(), false);
  for (size_t i = 0; i < elements.size(); ++i) {
    Element& e = measured(elements, i);
    space(e.space_before());
    if (e.keep_with_next() && !at_top()) {
      // The element, every following one it keeps with, and the first piece of
      // the one after them must share this page.
      double need = 0;
      for (size_t j = i;; ++j) {
        Element& cur = measured(elements, j);
        need += cur.first_piece();
        if (!cur.keep_with_next() || j + 1 == elements.size()) break;
        need += cur.space_after() + elements[j + 1]->space_before();
      }
      if (need > room()) next_page();
    }
    place(e, company_needed_after(elements, i));
    space(e.space_after());
  }
  sink_.page(std::move(page_));
}

} // namespace baocao::layout
