#include "layout/flow.hpp"

#include "core/placeholders.hpp"

namespace baocao::layout {

text::ParagraphSpec make_spec(const style::TextStyle& ts, std::vector<text::Span> spans,
                              double width) {
  text::ParagraphSpec spec;
  if (ts.uppercase) {
    for (auto& s : spans) s.text = text::to_upper(s.text);
  }
  spec.spans = std::move(spans);
  spec.font = ts.font;
  spec.size = ts.size;
  spec.bold = ts.bold;
  spec.italic = ts.italic;
  spec.color = ts.color;
  spec.align = ts.align;
  spec.first_line_indent = ts.first_line_indent;
  spec.width = width;
  return spec;
}

text::ParagraphSpec make_spec(const style::TextStyle& ts, const std::string& text, double width) {
  return make_spec(ts, std::vector<text::Span>{{text, false, false}}, width);
}

double line_pitch(const style::TextStyle& ts) {
  return ts.size * ts.line_height;
}

Flow::Flow(const style::Style& style, const text::FontSystem& fonts, display::Sink& sink,
           FooterFields footer)
    : style_(style), fonts_(fonts), sink_(sink), footer_(std::move(footer)) {
  const auto& p = style.page;
  area_ = core::Rect{p.margin_left, p.margin_top, p.size.width - p.margin_left - p.margin_right,
                     p.size.height - p.margin_top - p.margin_bottom};
  start_page(1);
}

void Flow::start_page(int number) {
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
}

double Flow::place_margin_line(const style::TextStyle& ts, const std::string& text,
                               double baseline) {
  auto shaped = fonts_.shape(make_spec(ts, text, area_.width));
  if (shaped.lines.empty()) return 0;
  for (auto run : shaped.lines.front().runs) {
    display::translate(run, area_.x, baseline);
    page_.items.push_back(std::move(run));
  }
  return shaped.lines.front().ascent;
}

void Flow::add_footer(int number) {
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

void Flow::space(double pts) {
  if (!at_page_top()) y_ += pts;
}

void Flow::next_page() {
  int next = page_.number + 1;
  sink_.page(std::move(page_));
  start_page(next);
}

void Flow::place_line_at(const text::Line& line, double x, double top, double pitch) {
  // Half-leading above and below the line's own box, as CSS does.
  double baseline = top + (pitch - (line.ascent + line.descent)) / 2 + line.ascent;
  for (const auto& run : line.runs) {
    display::GlyphRun r = run;
    display::translate(r, x, baseline);
    page_.items.push_back(std::move(r));
  }
}

void Flow::place_line(const text::Line& line, double x, double pitch) {
  place_line_at(line, x, y_, pitch);
  y_ += pitch;
}

void Flow::add_outline(std::string title, int level) {
  page_.outline.push_back({std::move(title), level, y_});
}

void Flow::finish() {
  sink_.page(std::move(page_));
}

} // namespace baocao::layout
