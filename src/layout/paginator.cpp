#include "layout/paginator.hpp"

#include <algorithm>

#include "core/placeholders.hpp"

namespace baocao::layout {
namespace {

core::Rect text_area(const style::PageStyle& p, bool landscape) {
  double w = landscape ? p.size.height : p.size.width;
  double h = landscape ? p.size.width : p.size.height;
  // A landscape page keeps the margins as named (left stays left), as Word
  // and Typst do for a flipped page.
  return core::Rect{p.margin_left, p.margin_top, w - p.margin_left - p.margin_right,
                    h - p.margin_top - p.margin_bottom};
}

} // namespace

Paginator::Paginator(const style::Style& style, const text::FontSystem& fonts, display::Sink& sink,
                     FooterFields footer, const PageFacts* known, DraftMarks* draft)
    : style_(style), fonts_(fonts), sink_(sink), footer_(std::move(footer)), known_(known),
      draft_(draft), portrait_area_(text_area(style.page, false)),
      landscape_area_(text_area(style.page, true)),
      area_(portrait_area_), ctx_{style, fonts, portrait_area_.x, portrait_area_.width,
                                  portrait_area_.height},
      landscape_ctx_{style, fonts, landscape_area_.x, landscape_area_.width,
                     landscape_area_.height} {
  setup_.opens = true;
  setup_.restart = true;
  start_page();
}

void Paginator::start_page() {
  page_ = display::Page{};
  page_.number = ++facts_.pages;
  page_.size = setup_.landscape ? core::Size{style_.page.size.height, style_.page.size.width}
                                : style_.page.size;
  page_.text_area = area_;
  page_.part = setup_.part;
  ++run_page_;
  y_ = area_.y;
  placed_any_ = false;
}

std::string Paginator::fill(const std::string& pattern) const {
  std::string pages;
  if (known_ && static_cast<size_t>(run_) < known_->run_pages.size())
    pages = std::to_string(known_->run_pages[static_cast<size_t>(run_)]);
  return core::fill_placeholders(pattern, {{"issuer", footer_.issuer},
                                           {"kind", footer_.kind},
                                           {"title", footer_.title},
                                           {"year", footer_.year},
                                           {"page", std::to_string(run_page_)},
                                           {"pages", pages},
                                           {"section", section_},
                                           {"appendix", setup_.appendix}});
}

void Paginator::finish_page() {
  page_.label = {setup_.label_prefix, run_page_};
  std::string label = setup_.label_prefix + std::to_string(run_page_);
  if (facts_.run_pages.size() <= static_cast<size_t>(run_)) facts_.run_pages.resize(run_ + 1, 0);
  ++facts_.run_pages[static_cast<size_t>(run_)];

  // {section}: the part a page's text begins in, or the one it opens with.
  const display::OutlineEntry* last_top = nullptr;
  for (const auto& o : page_.outline) {
    if (o.anchor > 0) {
      if (facts_.headings.size() < static_cast<size_t>(o.anchor)) facts_.headings.resize(o.anchor);
      facts_.headings[static_cast<size_t>(o.anchor) - 1] = {page_.number, o.y, label, page_.part};
    }
    if (o.level != 1) continue;
    if (!last_top && o.y <= area_.y + 1) section_ = o.title;
    last_top = &o;
  }

  // The first page of the report, and of each appendix, follows each line's
  // first-page rule (official documents print no number on page 1).
  auto shown = [&](bool show, bool on_first) {
    if (!show) return false;
    if (!opening_page_) return true;
    return setup_.part == 0 ? on_first : style_.appendix.number_first_page;
  };
  const auto& pn = style_.page_number;
  if (shown(pn.show, pn.on_first_page))
    place_margin_line(pn.text, fill(pn.pattern), pn.from_top); // in the top margin
  if (shown(style_.header.show, style_.header.on_first_page))
    add_margin_line(style_.header, style_.header.from_bottom, true);
  const auto& ft = style_.footer;
  if (shown(ft.show, ft.on_first_page))
    add_margin_line(ft, page_.size.height - ft.from_bottom, false);
  if (draft_) draft_->add_to(page_); // its watermark goes under everything
  if (last_top) section_ = last_top->title;
}

double Paginator::place_margin_line(const style::TextStyle& ts, const std::string& text,
                                    double baseline) {
  if (text.empty()) return 0;
  auto shaped = fonts_.shape(make_spec(ts, text, area_.width));
  if (shaped.lines.empty()) return 0;
  for (auto run : shaped.lines.front().runs) {
    display::translate(run, area_.x, baseline);
    page_.items.push_back(std::move(run));
  }
  return shaped.lines.front().ascent;
}

void Paginator::add_margin_line(const style::FooterStyle& ms, double baseline, bool rule_below) {
  // Left text flush left, right text flush right, both on one baseline, an
  // optional rule across the text width: above a footer, below a header.
  double top = baseline;
  auto put = [&](const std::string& pattern, style::TextAlign align) {
    std::string text = fill(pattern);
    if (text.empty()) return;
    style::TextStyle ts = ms.text;
    ts.align = align;
    ts.uppercase = false;
    top = std::min(top, baseline - place_margin_line(ts, text, baseline));
  };
  put(ms.left, style::TextAlign::left);
  put(ms.right, style::TextAlign::right);
  if (ms.rule_width > 0) {
    double y = rule_below ? baseline + ms.text.size * 0.35 : top - ms.text.size * 0.4;
    page_.items.push_back(
        display::Rule{{area_.x, y}, {area_.right(), y}, ms.rule_width, ms.rule_color});
  }
}

void Paginator::space(double pts) {
  if (!at_top()) y_ += pts;
}

void Paginator::next_page() {
  finish_page();
  sink_.page(std::move(page_));
  opening_page_ = false;
  start_page();
}

void Paginator::apply(const PageSetup& setup) {
  if (placed_any_) {
    finish_page();
    sink_.page(std::move(page_));
  } else {
    // Nothing on the page yet: it is set up afresh rather than left blank.
    --facts_.pages;
    --run_page_;
  }
  setup_ = setup;
  if (setup.restart) {
    ++run_;
    run_page_ = 0;
  }
  opening_page_ = setup.opens || (opening_page_ && !placed_any_);
  area_ = setup.landscape ? landscape_area_ : portrait_area_;
  start_page();
}

Element& Paginator::measured(ElementList& elements, size_t j) {
  if (!measured_[j]) {
    measured_[j] = true;
    elements[j]->measure(landscape_[j] ? landscape_ctx_ : ctx_);
  }
  return *elements[j];
}

void Paginator::place(Element& e, double tail) {
  Resume from;
  for (;;) {
    Region region{area_.x, area_.width, room(), area_.height, at_top(), tail};
    Placement p = e.place(region, from);
    double h = p.frame.size.height;
    if (!p.frame.items.empty() || !p.frame.outline.empty()) placed_any_ = true;
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
  landscape_.assign(elements.size(), false);
  bool landscape = false;
  for (size_t i = 0; i < elements.size(); ++i) {
    if (const PageSetup* s = elements[i]->page_setup()) landscape = s->landscape;
    landscape_[i] = landscape;
  }
  for (size_t i = 0; i < elements.size(); ++i) {
    Element& e = measured(elements, i);
    if (const PageSetup* s = e.page_setup()) {
      apply(*s);
      continue;
    }
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
  finish_page();
  sink_.page(std::move(page_));
}

} // namespace baocao::layout
