// Tables: columns resolved once, rows shaped one group at a time as they are
// placed (a 5,000-row table never exists shaped all at once), the header row
// drawn again at the top of every page the table continues on. A group is a
// row, or the rows a rowspan ties together: it is kept on one page unless it
// is taller than a page, when it splits between lines (one row) or between
// rows (several), its cells continuing on the next page.
#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

#include "layout/elements.hpp"
#include "layout/table_cells.hpp"

namespace baocao::layout {

namespace {

using table_detail::fraction_part;
using table_detail::plain_text;

struct ShapedCell {
  text::ShapedParagraph para;
  size_t col = 0, cols = 1, row = 0, rows = 1; ///< row: from the group's first
  bool striped = false;
  size_t lines() const { return std::max<size_t>(1, para.lines.size()); }
};

struct Group {
  std::vector<ShapedCell> cells;
  std::vector<double> heights; ///< one per row
  double pitch = 0;
  bool header = false;
  double height() const { return std::accumulate(heights.begin(), heights.end(), 0.0); }
  size_t max_lines() const {
    size_t m = 0;
    for (const auto& c : cells) m = std::max(m, c.lines());
    return m;
  }
};

using LineRange = std::pair<size_t, size_t>;

class TableElement : public Element {
public:
  explicit TableElement(TableSpec spec) : spec_(std::move(spec)) {
    // Plain rows become one-paragraph cells: one way to lay them.
    for (auto& row : spec_.rows) {
      std::vector<TableSpec::Cell> cells;
      for (auto& spans : row) {
        TableSpec::Cell c;
        c.paragraphs.push_back(std::move(spans));
        cells.push_back(std::move(c));
      }
      spec_.cells.insert(spec_.cells.begin() + static_cast<long>(converted_++), std::move(cells));
    }
    spec_.rows.clear();
  }

  double space_after() const override { return after_; }

  /// Caption, header and the first group; a first group taller than a page
  /// counts for two of its lines, the least it may start a page with.
  double first_piece(Flow& flow) override {
    prepare(flow);
    double h = caption_ ? caption_->height(flow) + caption_->space_after() : 0;
    h += header_.height();
    if (spec_.cells.empty()) return h;
    const Group& g = first_group(flow);
    if (g.height() <= flow.page_room() - h) return h + g.height();
    return h + static_cast<double>(std::min<size_t>(2, g.max_lines())) * g.pitch + 2 * pad_y_;
  }

  void place(Flow& flow, double /*tail*/) override {
    prepare(flow);
    if (first_piece(flow) > flow.room() && !flow.at_page_top()) flow.next_page();
    if (caption_) {
      caption_->place(flow, 0);
      flow.advance(caption_->space_after());
    }
    draw_whole(flow, header_);
    std::optional<Group> total;
    if (!spec_.total.empty()) total = shape_total(flow);
    for (size_t r = 0; r < spec_.cells.size();) {
      size_t end = group_end_[r];
      Group g = r == 0 && first_ ? std::move(*first_) : shape_group(flow, r, end);
      // The total row never stands alone: the last group goes with it.
      place_group(flow, g, end == spec_.cells.size() && total ? total->height() : 0);
      r = end;
    }
    first_.reset();
    if (total) place_group(flow, *total, 0);
  }

private:
  void prepare(Flow& flow) {
    if (prepared_) return;
    prepared_ = true;
    const auto& ts = flow.style().table;
    after_ = ts.space_after;
    pad_y_ = ts.padding_y;
    place_cells();
    measure_fractions(flow);
    widths_ = resolve_columns(spec_, flow.width(), measure_columns(flow));
    double total = 0;
    edges_.assign(1, 0.0);
    for (double w : widths_) edges_.push_back(total += w);
    x0_ = flow.left() + (flow.width() - total) / 2;
    header_.header = true;
    header_.pitch = line_pitch(ts.header);
    for (size_t c = 0; c < spec_.columns.size(); ++c) {
      TableSpec::Cell cell;
      cell.paragraphs.push_back(spec_.columns[c].title);
      header_.cells.push_back(shape(flow, cell, ts.header, c, 1, true));
    }
    finish(header_, 1);
    if (!spec_.caption.empty()) {
      caption_.emplace(ts.caption, std::vector<text::Span>{{spec_.caption, false, false}}, 0,
                       flow.width());
      caption_->set_keep_together(true);
    }
  }

  /// Each cell's first column (the first no rowspan from above holds), and
  /// where each rowspan group ends. The input checked that rows add up.
  void place_cells() {
    const size_t n = spec_.columns.size();
    std::vector<size_t> held(n, 0);
    start_col_.resize(spec_.cells.size());
    group_end_.resize(spec_.cells.size());
    size_t reach = 0; // the first row past every rowspan seen in the group so far
    size_t group_start = 0;
    for (size_t r = 0; r < spec_.cells.size(); ++r) {
      if (r >= reach) group_start = r;
      size_t col = 0;
      for (const auto& cell : spec_.cells[r]) {
        while (col < n && held[col] > 0) ++col;
        start_col_[r].push_back(col);
        auto span = static_cast<size_t>(std::max(1, cell.colspan));
        for (size_t j = col; j < std::min(n, col + span); ++j)
          held[j] = static_cast<size_t>(std::max(1, cell.rowspan));
        reach = std::max(reach, r + static_cast<size_t>(std::max(1, cell.rowspan)));
        col += span;
      }
      for (auto& h : held) h = h > 0 ? h - 1 : 0;
      reach = std::max(reach, r + 1);
      for (size_t k = group_start; k <= r; ++k) group_end_[k] = reach;
    }
    // group_end_ of a group's later rows is only read at its first row.
  }

  bool decimal_cell(size_t col, size_t cols, const TableSpec::Cell& cell) const {
    return cols == 1 && spec_.columns[col].decimal && cell.number;
  }

  /// The widest fraction (",25") of each decimal column, over every row:
  /// cheap, as each distinct fraction is measured once.
  void measure_fractions(Flow& flow) {
    const auto& ts = flow.style().table;
    const std::string& sep = flow.style().numbers.decimal;
    fraction_.assign(spec_.columns.size(), 0.0);
    auto see = [&](size_t col, size_t cols, const TableSpec::Cell& cell,
                   const style::TextStyle& s) {
      if (decimal_cell(col, cols, cell))
        fraction_[col] =
            std::max(fraction_[col], fractions_(flow, s, fraction_part(plain_text(cell), sep)));
    };
    bool any = std::any_of(spec_.columns.begin(), spec_.columns.end(),
                           [](const auto& c) { return c.decimal; });
    if (!any) return;
    for (size_t r = 0; r < spec_.cells.size(); ++r)
      for (size_t k = 0; k < spec_.cells[r].size(); ++k)
        see(start_col_[r][k], static_cast<size_t>(spec_.cells[r][k].colspan), spec_.cells[r][k],
            ts.cell);
    for (size_t c = 0; c < spec_.total.size(); ++c) see(c, 1, spec_.total[c], ts.cell);
  }

  /// Content widths of the automatic columns, from the header and the first
  /// kMeasuredRows rows: a long table's column is sized by its head, so the
  /// cost stays proportional to the rows actually shaped once. Cells
  /// spanning columns are left out, as browsers first size columns without them.
  std::vector<ContentWidth> measure_columns(Flow& flow) {
    constexpr size_t kMeasuredRows = 200;
    const auto& ts = flow.style().table;
    const std::string& sep = flow.style().numbers.decimal;
    std::vector<ContentWidth> out(spec_.columns.size());
    auto automatic = [&](size_t c) {
      return spec_.columns[c].width_kind == TableSpec::Column::Width::automatic;
    };
    auto measure = [&](size_t c, const TableSpec::Cell& cell, const style::TextStyle& s) {
      style::TextStyle cs = s;
      cs.first_line_indent = 0;
      ContentWidth w = table_detail::measure_cell(flow, cell, cs);
      if (decimal_cell(c, 1, cell)) {
        // Room for the widest fraction after this number's own.
        double extra = fraction_[c] - fractions_(flow, cs, fraction_part(plain_text(cell), sep));
        w.min += extra;
        w.max += extra;
      }
      out[c].min = std::max(out[c].min, w.min + 2 * ts.padding_x);
      out[c].max = std::max(out[c].max, w.max + 2 * ts.padding_x);
    };
    for (size_t c = 0; c < spec_.columns.size(); ++c) {
      if (!automatic(c)) continue;
      TableSpec::Cell title;
      title.paragraphs.push_back(spec_.columns[c].title);
      measure(c, title, ts.header);
      if (c < spec_.total.size()) measure(c, spec_.total[c], ts.cell);
      if (!spec_.columns[c].widest.empty()) {
        TableSpec::Cell widest;
        widest.paragraphs.push_back({{spec_.columns[c].widest, false, false}});
        measure(c, widest, ts.cell);
      }
    }
    for (size_t r = 0; r < spec_.cells.size() && r < kMeasuredRows; ++r) {
      for (size_t k = 0; k < spec_.cells[r].size(); ++k) {
        size_t c = start_col_[r][k];
        if (c < out.size() && automatic(c) && spec_.cells[r][k].colspan == 1)
          measure(c, spec_.cells[r][k], ts.cell);
      }
    }
    return out;
  }

  double span_width(size_t col, size_t cols) const {
    size_t end = std::min(widths_.size(), col + cols);
    return edges_[end] - edges_[std::min(col, end)];
  }

  ShapedCell shape(Flow& flow, const TableSpec::Cell& cell, const style::TextStyle& ts, size_t col,
                   size_t cols, bool header) {
    const auto& tstyle = flow.style().table;
    style::TextStyle cs = ts;
    cs.first_line_indent = 0;
    double w = std::max(1.0, span_width(col, cols) - 2 * tstyle.padding_x);
    if (!header) {
      cs.align = cell.align ? *cell.align : spec_.columns[col].align;
      if (spec_.columns[col].decimal && !cell.align) cs.align = style::TextAlign::right;
      if (decimal_cell(col, cols, cell) && !cell.align) {
        // Right-aligned in a box cut short by the widest fraction less this
        // number's own: every separator then falls at the same x.
        double own =
            fractions_(flow, cs, fraction_part(plain_text(cell), flow.style().numbers.decimal));
        w = std::max(1.0, w - (fraction_[col] - own));
      }
    }
    ShapedCell out;
    out.para = table_detail::shape_cell(flow, cell, cs, w);
    out.col = col;
    out.cols = cols;
    return out;
  }

  /// Row heights: each row as tall as its one-row cells; a rowspan cell
  /// that needs more makes its last row taller.
  void finish(Group& g, size_t rows) const {
    g.heights.assign(rows, g.pitch + 2 * pad_y_);
    auto need = [&](const ShapedCell& c) {
      return static_cast<double>(c.lines()) * g.pitch + 2 * pad_y_;
    };
    for (const auto& c : g.cells)
      if (c.rows == 1) g.heights[c.row] = std::max(g.heights[c.row], need(c));
    for (const auto& c : g.cells) {
      if (c.rows == 1) continue;
      double have = 0;
      for (size_t r = c.row; r < c.row + c.rows; ++r) have += g.heights[r];
      if (need(c) > have) g.heights[c.row + c.rows - 1] += need(c) - have;
    }
  }

  Group shape_group(Flow& flow, size_t from, size_t to) {
    const auto& ts = flow.style().table;
    Group g;
    g.pitch = line_pitch(ts.cell);
    for (size_t r = from; r < to; ++r) {
      for (size_t k = 0; k < spec_.cells[r].size(); ++k) {
        const auto& cell = spec_.cells[r][k];
        size_t col = start_col_[r][k];
        if (col >= widths_.size()) continue;
        auto cols = static_cast<size_t>(std::max(1, cell.colspan));
        ShapedCell sc = shape(flow, cell, ts.cell, col, cols, false);
        sc.row = r - from;
        sc.rows = std::min(to - r, static_cast<size_t>(std::max(1, cell.rowspan)));
        sc.striped = spec_.zebra && r % 2 == 1;
        g.cells.push_back(std::move(sc));
      }
    }
    finish(g, to - from);
    return g;
  }

  Group shape_total(Flow& flow) {
    const auto& ts = flow.style().table;
    Group g;
    g.pitch = line_pitch(ts.cell);
    for (size_t c = 0; c < spec_.total.size() && c < widths_.size(); ++c)
      g.cells.push_back(shape(flow, spec_.total[c], ts.cell, c, 1, false));
    finish(g, 1);
    return g;
  }

  const Group& first_group(Flow& flow) {
    if (!first_) first_ = shape_group(flow, 0, group_end_[0]);
    return *first_;
  }

  /// Draws rows [a, b) of a group at the flow's y with these row heights,
  /// each cell showing its lines [from, to); advances past them.
  void draw_piece(Flow& flow, const Group& g, size_t a, size_t b,
                  const std::vector<double>& heights, const std::vector<LineRange>& lines) {
    const auto& ts = flow.style().table;
    double top = flow.y();
    std::vector<double> row_y(1, 0.0);
    for (double h : heights) row_y.push_back(row_y.back() + h);
    auto box_of = [&](const ShapedCell& c) {
      size_t r0 = std::max(c.row, a) - a, r1 = std::min(c.row + c.rows, b) - a;
      return core::Rect{x0_ + edges_[c.col], top + row_y[r0], span_width(c.col, c.cols),
                        row_y[r1] - row_y[r0]};
    };
    auto in_piece = [&](const ShapedCell& c) { return c.row < b && c.row + c.rows > a; };
    for (const auto& c : g.cells) {
      if (!in_piece(c) || (!g.header && !c.striped)) continue;
      display::Box box;
      box.rect = box_of(c);
      box.fill = true;
      box.fill_color = g.header ? ts.header_fill : ts.stripe_fill;
      flow.add(box);
    }
    auto rule = [&](double x1, double y1, double x2, double y2) {
      flow.add(display::Rule{{x1, y1}, {x2, y2}, ts.rule_width, core::Color{}});
    };
    // Each cell draws its right and bottom edges, so none crosses a spanning
    // cell; the table's left edge and the header's top close the grid (body
    // rows sit under the header or the row before, whose bottom is their top).
    // Horizontal edges that meet end to end are joined into one rule: a plain
    // row then costs one rule under it, not one per cell.
    std::vector<std::array<double, 3>> horizontal; // y, x1, x2
    for (const auto& c : g.cells) {
      if (!in_piece(c)) continue;
      core::Rect r = box_of(c);
      if (g.header) horizontal.push_back({r.y, r.x, r.right()});
      if (c.col == 0) rule(r.x, r.y, r.x, r.bottom());
      rule(r.right(), r.y, r.right(), r.bottom());
      horizontal.push_back({r.bottom(), r.x, r.right()});
    }
    std::sort(horizontal.begin(), horizontal.end());
    for (size_t i = 0; i < horizontal.size();) {
      auto [y, x1, x2] = horizontal[i];
      for (++i; i < horizontal.size() && horizontal[i][0] == y && horizontal[i][1] <= x2 + 1e-6;
           ++i) {
        x2 = std::max(x2, horizontal[i][2]);
      }
      rule(x1, y, x2, y);
    }
    for (size_t k = 0; k < g.cells.size(); ++k) {
      const auto& c = g.cells[k];
      if (!in_piece(c)) continue;
      core::Rect r = box_of(c);
      const auto& ls = c.para.lines;
      for (size_t i = lines[k].first; i < lines[k].second && i < ls.size(); ++i) {
        flow.place_line_at(ls[i], r.x + ts.padding_x,
                           r.y + pad_y_ + static_cast<double>(i - lines[k].first) * g.pitch,
                           g.pitch);
      }
    }
    flow.advance(row_y.back());
  }

  void draw_whole(Flow& flow, const Group& g) {
    std::vector<LineRange> all;
    for (const auto& c : g.cells) all.emplace_back(0, c.para.lines.size());
    draw_piece(flow, g, 0, g.heights.size(), g.heights, all);
  }

  void new_page(Flow& flow) {
    flow.next_page();
    draw_whole(flow, header_);
  }

  /// `extra`: the height that should follow on the same page (the total row).
  void place_group(Flow& flow, const Group& g, double extra) {
    double h = g.height();
    double page = flow.page_room() - header_.height();
    if (h + extra <= flow.room() || (h <= flow.room() && h + extra > page)) {
      draw_whole(flow, g);
      return;
    }
    if (h <= page) {
      new_page(flow);
      draw_whole(flow, g);
      return;
    }
    if (g.heights.size() == 1)
      split_lines(flow, g);
    else
      split_rows(flow, g);
  }

  /// One row taller than a page: split between lines, every cell continuing.
  void split_lines(Flow& flow, const Group& g) {
    size_t n = g.max_lines();
    size_t i = 0;
    while (i < n) {
      double room = flow.room() - 2 * pad_y_;
      size_t fit = room >= g.pitch ? static_cast<size_t>(std::floor(room / g.pitch + 1e-9)) : 0;
      if (fit == 0) {
        new_page(flow);
        continue;
      }
      size_t to = std::min(n, i + fit);
      std::vector<LineRange> lines(g.cells.size(), {i, to});
      draw_piece(flow, g, 0, 1, {static_cast<double>(to - i) * g.pitch + 2 * pad_y_}, lines);
      i = to;
      if (i < n) new_page(flow);
    }
  }

  /// A rowspan group taller than a page: split between its rows, each
  /// spanning cell showing the lines its part of the span has room for and
  /// the rest after the break; a single row of it taller than a page is
  /// split between its lines.
  void split_rows(Flow& flow, const Group& g) {
    std::vector<size_t> next(g.cells.size(), 0);
    size_t a = 0, rows = g.heights.size();
    while (a < rows) {
      size_t b = a;
      double used = 0;
      while (b < rows && used + g.heights[b] <= flow.room()) used += g.heights[++b - 1];
      if (b == a) {
        if (!flow.at_page_top() && g.heights[a] <= flow.page_room() - header_.height()) {
          new_page(flow);
          continue;
        }
        split_row_lines(flow, g, a, next);
        a += 1;
        continue;
      }
      std::vector<double> heights(g.heights.begin() + static_cast<long>(a),
                                  g.heights.begin() + static_cast<long>(b));
      std::vector<LineRange> lines(g.cells.size());
      for (size_t k = 0; k < g.cells.size(); ++k) {
        const auto& c = g.cells[k];
        if (c.row >= b || c.row + c.rows <= a) continue;
        size_t r0 = std::max(c.row, a) - a, r1 = std::min(c.row + c.rows, b) - a;
        double box = std::accumulate(heights.begin() + static_cast<long>(r0),
                                     heights.begin() + static_cast<long>(r1), 0.0);
        size_t left = c.para.lines.size() - next[k];
        auto fit =
            static_cast<size_t>(std::max(0.0, std::floor((box - 2 * pad_y_) / g.pitch + 1e-9)));
        if (c.row + c.rows <= b && fit < left) {
          // The span ends here: its last row grows to show the rest.
          heights[r1 - 1] += static_cast<double>(left - fit) * g.pitch;
          fit = left;
        }
        lines[k] = {next[k], next[k] + std::min(fit, left)};
        next[k] = lines[k].second;
      }
      draw_piece(flow, g, a, b, heights, lines);
      a = b;
      if (a < rows) new_page(flow);
    }
  }

  /// Row `a` of a rowspan group, taller than a page: its cells (and the
  /// spanning cells passing through it) show the lines each page has room
  /// for until every cell ending in this row is done. `next` holds each
  /// cell's first line not yet shown.
  void split_row_lines(Flow& flow, const Group& g, size_t a, std::vector<size_t>& next) {
    for (;;) {
      double room = flow.room() - 2 * pad_y_;
      size_t fit = room >= g.pitch ? static_cast<size_t>(std::floor(room / g.pitch + 1e-9)) : 0;
      if (fit == 0) {
        new_page(flow);
        continue;
      }
      std::vector<LineRange> lines(g.cells.size());
      size_t shown = 0;
      bool more = false;
      for (size_t k = 0; k < g.cells.size(); ++k) {
        const auto& c = g.cells[k];
        if (c.row > a || c.row + c.rows <= a) continue;
        size_t take = std::min(fit, c.para.lines.size() - next[k]);
        lines[k] = {next[k], next[k] + take};
        next[k] += take;
        shown = std::max(shown, take);
        if (c.row + c.rows == a + 1 && next[k] < c.para.lines.size()) more = true;
      }
      draw_piece(flow, g, a, a + 1, {static_cast<double>(shown) * g.pitch + 2 * pad_y_}, lines);
      if (!more) return;
      new_page(flow);
    }
  }

  TableSpec spec_;
  size_t converted_ = 0;
  bool prepared_ = false;
  std::vector<double> widths_;
  std::vector<double> edges_; ///< column edges from the table's left, n + 1
  std::vector<std::vector<size_t>> start_col_;
  std::vector<size_t> group_end_;
  std::vector<double> fraction_;
  table_detail::FractionWidths fractions_;
  double x0_ = 0;
  double pad_y_ = 0;
  double after_ = 0;
  Group header_;
  std::optional<Group> first_;
  std::optional<TextBlock> caption_;
};

} // namespace

std::unique_ptr<Element> make_table(TableSpec spec) {
  return std::make_unique<TableElement>(std::move(spec));
}

} // namespace baocao::layout
