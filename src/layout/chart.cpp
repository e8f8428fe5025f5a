// Charts: built once into a frame (items relative to the chart's top-left
// corner), which the paginator puts on whichever page has room for all of it.
// Layout draws nothing itself: bars are Boxes, axes and markers Rules, and
// every label a GlyphRun carrying its text.
#include "layout/chart.hpp"

#include <algorithm>
#include <cmath>

#include "layout/figure_text.hpp"
#include "layout/indicator_text.hpp"

namespace baocao::layout {

double nice_step(double max, int ticks) {
  if (!(max > 0)) return 1;
  double raw = max / ticks;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double f = raw / mag;
  double step = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return step * mag;
}

namespace {

using Kind = model::Chart::Kind;

/// White text on dark fills, the style's own colour on light ones.
core::Color text_on(const core::Color& fill, const core::Color& dark) {
  double luminance = 0.299 * fill.r + 0.587 * fill.g + 0.114 * fill.b;
  return luminance < 0.55 ? core::Color{1, 1, 1} : dark;
}

class ChartElement : public Element {
public:
  ChartElement(model::Chart chart, std::string caption)
      : chart_(std::move(chart)), caption_(std::move(caption)) {}

  double space_after() const override { return after_; }

  /// All of it, at its smallest: a chart is read whole, so it never starts
  /// at a page's foot, but a bar chart may shrink to fit there.
  double first_piece() const override { return smallest_; }

  void measure(const Context& ctx) override {
    ctx_ = &ctx;
    const auto& cs = ctx.style.chart;
    plot_h_ = cs.height;
    build();
    smallest_ = frame_.size.height;
    if (chart_.kind == Kind::bars) smallest_ -= cs.height - std::min(cs.min_height, cs.height);
  }

  /// A bar chart that does not fit at a page's foot gives up plot height, down
  /// to the template's chart.min_height, before it moves to the next page and
  /// leaves this one short (issue 14). Other charts are bars of fixed thickness.
  Placement place(const Region& region, const Resume& /*from*/) override {
    if (!region.takes_whole(frame_.size.height)) {
      if (chart_.kind != Kind::bars || !region.takes_whole(smallest_)) return Placement::push();
      plot_h_ -= frame_.size.height - region.height;
      frame_ = display::Frame{};
      build();
    }
    Placement out;
    out.frame.size = frame_.size;
    out.frame.add(std::move(frame_), {region.x, 0}); // built from x = 0
    return out;
  }

private:
  // ---- Text ---------------------------------------------------------------

  text::ShapedParagraph shape(const style::TextStyle& ts, std::vector<text::Span> spans,
                              double width, style::TextAlign align,
                              const core::Color* color = nullptr) {
    style::TextStyle s = ts;
    s.align = align;
    s.first_line_indent = 0;
    if (color) s.color = *color;
    return ctx_->fonts.shape(make_spec(s, std::move(spans), width));
  }
  text::ShapedParagraph shape(const style::TextStyle& ts, const std::string& text, double width,
                              style::TextAlign align, const core::Color* color = nullptr) {
    return shape(ts, {{text, false, false}}, width, align, color);
  }

  double measure(const style::TextStyle& ts, const std::string& text) {
    style::TextStyle s = ts;
    s.first_line_indent = 0;
    return ctx_->fonts.measure(make_spec(s, text, 0));
  }

  /// One line with its content's left edge at x and its baseline at `baseline`.
  void put_on_baseline(const text::Line& line, double x, double baseline) {
    for (auto run : line.runs) {
      display::translate(run, x - line.x, baseline);
      frame_.add(std::move(run));
    }
  }

  /// Lines of a paragraph shaped at some width, the box's left edge at x and
  /// top at `top`, as every element places them. Returns the height.
  double put_lines(const text::ShapedParagraph& p, double x, double top, double pitch) {
    for (size_t i = 0; i < p.lines.size(); ++i)
      layout::put_line(frame_, p.lines[i], x, top + static_cast<double>(i) * pitch, pitch);
    return static_cast<double>(p.lines.size()) * pitch;
  }

  /// A single unbroken line centred on cx, its middle at cy.
  double put_centred(const style::TextStyle& ts, const std::string& text, double cx, double cy,
                     const core::Color* color = nullptr) {
    auto p = shape(ts, text, 0, style::TextAlign::left, color);
    if (p.lines.empty()) return 0;
    const auto& line = p.lines.front();
    put_on_baseline(line, cx - line.width / 2, cy + (line.ascent - line.descent) / 2);
    return line.width;
  }

  void box(double x, double y, double w, double h, const core::Color& fill) {
    display::Box b;
    b.rect = core::Rect{x, y, w, h};
    b.fill = true;
    b.fill_color = fill;
    frame_.add(b);
  }

  void rule(double x1, double y1, double x2, double y2, double width, const core::Color& c) {
    frame_.add(display::Rule{{x1, y1}, {x2, y2}, width, c});
  }

  std::string number(double v, bool with_unit) {
    const auto& st = ctx_->style;
    if (with_unit) return format_figure_value(v, chart_.unit, st.numbers);
    return format_figure_value(v, chart_.unit == "%" ? "%" : "", st.numbers);
  }

  const core::Color& color(size_t i) const {
    const auto& colors = ctx_->style.chart.colors;
    return colors[i % colors.size()];
  }

  /// Swatch and text for each entry, side by side, wrapping to new rows.
  double legend(const std::vector<std::pair<std::string, core::Color>>& entries, double top) {
    const auto& ts = ctx_->style.chart.legend_text;
    const double pitch = line_pitch(ts);
    const double sw = ts.size * 0.8, gap = 4, between = 14;
    double x = 0, y = top, row = 0;
    for (const auto& [label, fill] : entries) {
      auto p = shape(ts, label, width_ - sw - gap, style::TextAlign::left);
      double w = sw + gap + p.max_line_width;
      if (x > 0 && x + w > width_) {
        x = 0;
        y += row;
        row = 0;
      }
      box(x, y + (pitch - sw) / 2, sw, sw, fill);
      put_lines(p, x + sw + gap, y, pitch);
      row = std::max(row, static_cast<double>(p.lines.size()) * pitch);
      x += w + between;
    }
    return y + row - top;
  }

  // ---- The three kinds --------------------------------------------------------

  void build() {
    width_ = ctx_->width;
    const auto& st = ctx_->style;
    after_ = st.chart.space_after;
    double y = 0;
    if (!caption_.empty()) {
      const auto& cs = st.table.caption;
      y += put_lines(shape(cs, caption_, width_, cs.align), 0, 0, line_pitch(cs));
      y += cs.space_after;
    }
    switch (chart_.kind) {
    case Kind::bars:
      y = bars(y);
      break;
    case Kind::shares:
      y = shares(y);
      break;
    case Kind::target:
      y = targets(y);
      break;
    }
    frame_.size = {width_, y};
  }

  /// Grouped vertical bars over a value axis with 1-2-5 ticks from 0.
  double bars(double y) {
    const auto& cs = ctx_->style.chart;
    double max = 0;
    for (const auto& s : chart_.series) {
      for (double v : s.values) max = std::max(max, v);
    }
    const double step = nice_step(max);
    const int ticks = std::max(1, static_cast<int>(std::ceil(max / step - 1e-9)));
    const double top_value = ticks * step;
    double axis_w = 0;
    for (int i = 0; i <= ticks; ++i)
      axis_w = std::max(axis_w, measure(cs.label_text, number(i * step, false)));
    const double lpitch = line_pitch(cs.label_text);
    // A unit other than % is written once, over the axis, not after every number.
    if (!chart_.unit.empty() && chart_.unit != "%") {
      y += put_lines(shape(cs.label_text, chart_.unit, 0, style::TextAlign::left), 0, y, lpitch);
    }
    const double plot_top = y + line_pitch(cs.value_text); // room for the tallest bar's label
    const double plot_x = axis_w + 6, plot_w = width_ - plot_x, h = plot_h_;
    const double base = plot_top + h;
    for (int i = 0; i <= ticks; ++i) {
      double ty = base - h * i / ticks;
      if (i > 0) rule(plot_x, ty, width_, ty, 0.4, cs.grid_color);
      auto p = shape(cs.label_text, number(i * step, false), 0, style::TextAlign::left);
      const auto& line = p.lines.front();
      put_on_baseline(line, plot_x - 4 - line.width, ty + (line.ascent - line.descent) / 2);
    }
    const size_t n = chart_.categories.size(), s = chart_.series.size();
    const double gw = plot_w / static_cast<double>(n);
    const double bw = std::min(gw * 0.7 / static_cast<double>(s), core::mm(20));
    const double gap = bw > 8 ? 1.5 : 0; // a hairline of paper between bars of one group
    for (size_t c = 0; c < n; ++c) {
      double x0 = plot_x + gw * static_cast<double>(c) + (gw - bw * static_cast<double>(s)) / 2;
      for (size_t k = 0; k < s; ++k) {
        double v = chart_.series[k].values[c];
        double bh = h * v / top_value;
        double x = x0 + bw * static_cast<double>(k);
        box(x + gap / 2, base - bh, bw - gap, bh, color(k));
        double vh = line_pitch(cs.value_text);
        put_centred(cs.value_text, number(v, false), x + bw / 2, base - bh - vh / 2);
      }
    }
    rule(plot_x, plot_top - 2, plot_x, base, 0.8, cs.axis_color);
    rule(plot_x, base, width_, base, 0.8, cs.axis_color);
    double labels_h = 0;
    for (size_t c = 0; c < n; ++c) {
      auto p = shape(cs.label_text, chart_.categories[c], gw - 4, style::TextAlign::center);
      labels_h = std::max(labels_h,
                          put_lines(p, plot_x + gw * static_cast<double>(c) + 2, base + 3, lpitch));
    }
    y = base + 3 + labels_h;
    if (s > 1) {
      std::vector<std::pair<std::string, core::Color>> entries;
      for (size_t k = 0; k < s; ++k) entries.emplace_back(chart_.series[k].name, color(k));
      y += 6;
      y += legend(entries, y);
    }
    return y;
  }

  /// One horizontal bar standing for 100%: each part's share written inside
  /// its segment when it fits there, and always in the legend.
  double shares(double y) {
    const auto& cs = ctx_->style.chart;
    const double bh = cs.bar_height;
    double sum = 0, x = 0;
    std::vector<std::pair<std::string, core::Color>> entries;
    auto segment = [&](double value, const core::Color& fill, const std::string& label) {
      // The ends come from the running sum, so the segments meet exactly and
      // end at the full width.
      double x1 = width_ * std::min(100.0, sum + value) / 100;
      box(x, y, x1 - x, bh, fill);
      std::string text = number(value, true);
      if (measure(cs.value_text, text) + 6 <= x1 - x) {
        core::Color c = text_on(fill, cs.value_text.color);
        put_centred(cs.value_text, text, (x + x1) / 2, y + bh / 2, &c);
      }
      if (!label.empty()) entries.emplace_back(label + ": " + text, fill);
      sum += value;
      x = x1;
    };
    for (size_t i = 0; i < chart_.items.size(); ++i) {
      segment(chart_.items[i].value, color(i), chart_.items[i].label);
    }
    double rest = 100 - sum;
    if (rest > 1e-9) segment(rest, cs.rest_color, chart_.rest);
    display::Box outline;
    outline.rect = core::Rect{0, y, width_, bh};
    outline.stroke = true;
    outline.stroke_color = cs.axis_color;
    outline.stroke_width = 0.5;
    frame_.add(outline);
    y += bh + 6;
    return y + legend(entries, y);
  }

  /// For each item its label, then a bar for the result with a thick marker
  /// at the target, the result and the official wording beside it.
  double targets(double y) {
    const auto& st = ctx_->style;
    const auto& cs = st.chart;
    const double bh = cs.bar_height;
    double scale = 0;
    std::vector<std::vector<text::Span>> texts;
    for (const auto& it : chart_.items) {
      scale = std::max({scale, it.value, *it.target});
      model::Figure f;
      f.value = it.value;
      f.target = it.target;
      std::string wording = it.indicator
                                ? format_assessment(*it.indicator, st.indicators, st.numbers)
                                : format_target(f, st.labels);
      texts.push_back({{number(it.value, true), true, false}, {", " + wording, false, false}});
    }
    double text_w = 0;
    for (const auto& t : texts) {
      auto p = shape(cs.legend_text, t, 0, style::TextAlign::left);
      text_w = std::max(text_w, p.max_line_width);
    }
    // The bars get what the widest wording leaves, but never less than 45%.
    const double bars_w = std::max(width_ * 0.45, width_ - text_w - 8);
    const double lpitch = line_pitch(cs.label_text), mpitch = line_pitch(cs.legend_text);
    for (size_t i = 0; i < chart_.items.size(); ++i) {
      const auto& it = chart_.items[i];
      y += put_lines(shape(cs.label_text, it.label, width_, style::TextAlign::left), 0, y, lpitch);
      double top = y + 3;
      double end = bars_w * it.value / scale, tx = bars_w * *it.target / scale;
      box(0, top, end, bh, color(0));
      rule(0, top - 2, 0, top + bh + 2, 0.8, cs.axis_color);
      rule(tx, top - 3, tx, top + bh + 3, 2.5, cs.axis_color);
      auto p = shape(cs.legend_text, texts[i], width_ - std::max(end, tx + 1.25) - 6,
                     style::TextAlign::left);
      put_lines(p, std::max(end, tx + 1.25) + 6, top + bh / 2 - mpitch / 2, mpitch);
      // The target's own value under its marker, kept inside the chart.
      std::string target = number(*it.target, true);
      double w = measure(cs.legend_text, target);
      double cx = std::clamp(tx, w / 2, width_ - w / 2);
      put_centred(cs.legend_text, target, cx, top + bh + 3 + mpitch / 2);
      double text_bottom = top + bh / 2 - mpitch / 2 + static_cast<double>(p.lines.size()) * mpitch;
      y = std::max(top + bh + 3 + mpitch, text_bottom) + 4;
    }
    return y;
  }

  model::Chart chart_;
  std::string caption_;
  const Context* ctx_ = nullptr; ///< the paginator's, which outlives the element
  double width_ = 0;
  double plot_h_ = 0;   ///< a bar chart's plot height: the template's, or less at a page's foot
  double smallest_ = 0; ///< the chart's height with the plot at chart.min_height
  double after_ = 0;
  display::Frame frame_; ///< the whole chart, built once
};

} // namespace

std::unique_ptr<Element> make_chart(const model::Chart& chart, std::string caption) {
  return std::make_unique<ChartElement>(chart, std::move(caption));
}

display::Frame chart_frame(const model::Chart& chart, const style::Style& style,
                           const text::FontSystem& fonts, double width) {
  ChartElement element(chart, "");
  Context ctx{style, fonts, 0, width, 1e9};
  element.measure(ctx);
  return element.place(Region{0, width, 1e9, 1e9, true, 0}, {}).frame;
}

} // namespace baocao::layout
