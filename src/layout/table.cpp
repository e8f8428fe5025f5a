// Tables: columns resolved once, rows shaped one at a time as they are placed
// (a 5,000-row table never exists shaped all at once), the header row drawn
// again at the top of every page the table continues on, and a row split only
// when it is taller than a whole page.
#include <algorithm>
#include <cmath>

#include "layout/elements.hpp"

namespace baocao::layout {

std::vector<double> resolve_columns(const TableSpec& spec, double available,
                                    const std::vector<ContentWidth>& content) {
  using Width = TableSpec::Column::Width;
  const size_t n = spec.columns.size();
  std::vector<double> widths(n, 0);
  double fixed = 0, sum_min = 0, sum_max = 0;
  std::vector<size_t> autos;
  for (size_t i = 0; i < n; ++i) {
    const auto& c = spec.columns[i];
    if (c.width_kind == Width::percent)
      widths[i] = available * c.width / 100.0;
    else if (c.width_kind == Width::points)
      widths[i] = c.width;
    else {
      autos.push_back(i);
      ContentWidth cw = i < content.size() ? content[i] : ContentWidth{};
      sum_min += cw.min;
      sum_max += std::max(cw.max, cw.min);
    }
    fixed += widths[i];
  }
  double rest = available - fixed;
  if (!autos.empty()) {
    for (size_t i : autos) {
      ContentWidth cw = i < content.size() ? content[i] : ContentWidth{};
      double mx = std::max(cw.max, cw.min);
      if (rest <= 0)
        widths[i] = 0;
      else if (sum_max <= rest)
        widths[i] = mx + (sum_max > 0 ? (rest - sum_max) * mx / sum_max : rest / autos.size());
      else if (sum_min <= rest)
        widths[i] =
            cw.min +
            (sum_max > sum_min ? (rest - sum_min) * (mx - cw.min) / (sum_max - sum_min) : 0);
      else
        widths[i] = cw.min * rest / sum_min;
    }
  }
  double total = 0;
  for (double w : widths) total += w;
  // Fill the text width exactly: scale down what overflows, spread what is left.
  if (total > 0 && std::fabs(total - available) > 1e-6) {
    for (double& w : widths) w *= available / total;
  }
  return widths;
}

namespace {

struct ShapedRow {
  std::vector<text::ShapedParagraph> cells;
  double pitch = 0;
  size_t max_lines() const {
    size_t m = 0;
    for (const auto& c : cells) m = std::max(m, c.lines.size());
    return m;
  }
};

class TableElement : public Element {
public:
  explicit TableElement(TableSpec spec) : spec_(std::move(spec)) {}

  double space_after() const override { return after_; }

  /// Caption, header and the first row; a first row taller than a page
  /// counts for two of its lines, the least it may start a page with.
  double first_piece(Flow& flow) override {
    prepare(flow);
    double h = caption_ ? caption_->height(flow) + caption_->space_after() : 0;
    h += row_height(header_);
    if (spec_.rows.empty()) return h;
    const ShapedRow& row = first_row(flow);
    if (row_height(row) <= flow.page_room() - h) return h + row_height(row);
    return h + static_cast<double>(std::min<size_t>(2, row.max_lines())) * row.pitch + 2 * pad_y_;
  }

  void place(Flow& flow, double /*tail*/) override {
    prepare(flow);
    const auto& ts = flow.style().table;
    if (first_piece(flow) > flow.room() && !flow.at_page_top()) flow.next_page();
    if (caption_) {
      caption_->place(flow, 0);
      flow.advance(caption_->space_after());
    }
    draw_row(flow, header_, true);
    for (size_t r = 0; r < spec_.rows.size(); ++r) {
      ShapedRow row =
          r == 0 && first_ ? std::move(*first_) : shape_row(flow, spec_.rows[r], ts.cell);
      place_row(flow, row);
    }
    first_.reset();
  }

private:
  void prepare(Flow& flow) {
    if (prepared_) return;
    prepared_ = true;
    const auto& ts = flow.style().table;
    after_ = ts.space_after;
    pad_y_ = ts.padding_y;
    widths_ = resolve_columns(spec_, flow.width(), measure_columns(flow));
    double total = 0;
    for (double w : widths_) total += w;
    x0_ = flow.left() + (flow.width() - total) / 2;
    std::vector<std::vector<text::Span>> titles;
    for (const auto& c : spec_.columns) titles.push_back(c.title);
    header_ = shape_row(flow, titles, ts.header, true);
    if (!spec_.caption.empty()) {
      caption_.emplace(ts.caption, std::vector<text::Span>{{spec_.caption, false, false}}, 0,
                       flow.width());
      caption_->set_keep_together(true);
    }
  }

  /// Content widths of the automatic columns, from the header and the first
  /// kMeasuredRows rows: a long table's column is sized by its head, so the
  /// cost stays proportional to the rows actually shaped once.
  std::vector<ContentWidth> measure_columns(Flow& flow) const {
    constexpr size_t kMeasuredRows = 200;
    const auto& ts = flow.style().table;
    std::vector<ContentWidth> out(spec_.columns.size());
    auto measure = [&](size_t c, const std::vector<text::Span>& spans,
                       const style::TextStyle& style) {
      style::TextStyle cs = style;
      cs.first_line_indent = 0;
      auto spec = make_spec(cs, spans, 0);
      double natural = flow.fonts().measure(spec);
      spec.width = 0.001; // every break between words taken: the widest line is the widest word
      spec.break_words = false;
      double word = flow.fonts().shape(spec).max_line_width;
      out[c].min = std::max(out[c].min, std::min(word, natural) + 2 * ts.padding_x);
      out[c].max = std::max(out[c].max, natural + 2 * ts.padding_x);
    };
    for (size_t c = 0; c < spec_.columns.size(); ++c) {
      if (spec_.columns[c].width_kind != TableSpec::Column::Width::automatic) continue;
      measure(c, spec_.columns[c].title, ts.header);
      for (size_t r = 0; r < spec_.rows.size() && r < kMeasuredRows; ++r) {
        if (c < spec_.rows[r].size()) measure(c, spec_.rows[r][c], ts.cell);
      }
    }
    return out;
  }

  const ShapedRow& first_row(Flow& flow) {
    if (!first_) first_ = shape_row(flow, spec_.rows.front(), flow.style().table.cell);
    return *first_;
  }

  ShapedRow shape_row(Flow& flow, const std::vector<std::vector<text::Span>>& cells,
                      const style::TextStyle& ts, bool header = false) {
    const auto& tstyle = flow.style().table;
    ShapedRow row;
    row.pitch = line_pitch(ts);
    for (size_t c = 0; c < cells.size() && c < widths_.size(); ++c) {
      style::TextStyle cs = ts;
      if (!header) cs.align = spec_.columns[c].align;
      cs.first_line_indent = 0;
      double w = std::max(1.0, widths_[c] - 2 * tstyle.padding_x);
      row.cells.push_back(flow.fonts().shape(make_spec(cs, cells[c], w)));
    }
    return row;
  }

  double row_height(const ShapedRow& row) const {
    return static_cast<double>(row.max_lines()) * row.pitch + 2 * pad_y_;
  }

  void draw_box(Flow& flow, double top, double height, bool header) {
    const auto& ts = flow.style().table;
    double total = 0;
    for (double w : widths_) total += w;
    if (header) {
      display::Box box;
      box.rect = core::Rect{x0_, top, total, height};
      box.fill = true;
      box.fill_color = ts.header_fill;
      flow.add(box);
    }
    auto rule = [&](double x1, double y1, double x2, double y2) {
      flow.add(display::Rule{{x1, y1}, {x2, y2}, ts.rule_width, core::Color{}});
    };
    // Body rows sit under the header or the row before, whose bottom rule is
    // their top: only the header draws a top rule.
    if (header) rule(x0_, top, x0_ + total, top);
    rule(x0_, top + height, x0_ + total, top + height);
    double x = x0_;
    rule(x, top, x, top + height);
    for (double w : widths_) {
      x += w;
      rule(x, top, x, top + height);
    }
  }

  /// Places lines [from, to) of every cell with the row's top at the flow's y.
  void draw_lines(Flow& flow, const ShapedRow& row, size_t from, size_t to, bool header) {
    const auto& ts = flow.style().table;
    double top = flow.y();
    double height = static_cast<double>(to - from) * row.pitch + 2 * pad_y_;
    draw_box(flow, top, height, header);
    double x = x0_;
    for (size_t c = 0; c < row.cells.size(); ++c) {
      const auto& lines = row.cells[c].lines;
      for (size_t i = from; i < to && i < lines.size(); ++i) {
        flow.place_line_at(lines[i], x + ts.padding_x,
                           top + pad_y_ + static_cast<double>(i - from) * row.pitch, row.pitch);
      }
      x += widths_[c];
    }
    flow.advance(height);
  }

  void draw_row(Flow& flow, const ShapedRow& row, bool header) {
    draw_lines(flow, row, 0, row.max_lines(), header);
  }

  void place_row(Flow& flow, const ShapedRow& row) {
    double h = row_height(row);
    double header_h = row_height(header_);
    if (h <= flow.room()) {
      draw_row(flow, row, false);
      return;
    }
    if (h <= flow.page_room() - header_h) {
      flow.next_page();
      draw_row(flow, header_, true);
      draw_row(flow, row, false);
      return;
    }
    // Taller than a page: split between lines, every cell continuing.
    size_t n = row.max_lines();
    size_t i = 0;
    while (i < n) {
      double room = flow.room() - 2 * pad_y_;
      size_t fit = room >= row.pitch ? static_cast<size_t>(std::floor(room / row.pitch + 1e-9)) : 0;
      if (fit == 0) {
        flow.next_page();
        draw_row(flow, header_, true);
        continue;
      }
      size_t to = std::min(n, i + fit);
      draw_lines(flow, row, i, to, false);
      i = to;
      if (i < n) {
        flow.next_page();
        draw_row(flow, header_, true);
      }
    }
  }

  TableSpec spec_;
  bool prepared_ = false;
  std::vector<double> widths_;
  double x0_ = 0;
  double pad_y_ = 0;
  double after_ = 0;
  ShapedRow header_;
  std::optional<ShapedRow> first_;
  std::optional<TextBlock> caption_;
};

} // namespace

std::unique_ptr<Element> make_table(TableSpec spec) {
  return std::make_unique<TableElement>(std::move(spec));
}

} // namespace baocao::layout
