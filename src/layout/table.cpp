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

#include "layout/table.hpp"
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

/// What one region of a table holds so far: its frame and the height used.
struct Piece {
  const Region& region;
  display::Frame& frame;
  double y = 0;
  double room() const { return region.room(y); }
  bool at_top() const { return region.at_top_after(y); }
};

/// How far into a row group a table has come (Resume::step).
namespace step {
enum : size_t {
  fresh, ///< nothing of the group placed yet
  whole, ///< the group goes whole at the top of this page
  lines, ///< one row taller than a page, split between lines (Resume::sub: the next line)
  rows,  ///< a rowspan group split between rows (sub: the next row; lines: each cell's next line)
  row_lines, ///< row `sub` of such a group split between lines
};
} // namespace step

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

  void measure(const Context& ctx) override {
    ctx_ = &ctx;
    prepare();
  }

  /// Caption, header and the first group; a first group taller than a page
  /// counts for two of its lines, the least it may start a page with.
  double first_piece() const override {
    double h = caption_ ? caption_->height() + caption_->space_after() : 0;
    h += header_.height();
    if (spec_.cells.empty()) return h;
    const Group& g = *current_;
    if (g.height() <= ctx_->page_height - h) return h + g.height();
    return h + static_cast<double>(std::min<size_t>(2, g.max_lines())) * g.pitch + 2 * pad_y_;
  }

  /// Resume::index is the first row of the group being placed (the number of
  /// rows: the total row); a page the table continues on starts with the header.
  Placement place(const Region& region, const Resume& from) override {
    Placement out;
    out.frame.size.width = region.width;
    Piece p{region, out.frame};
    Resume at = from;
    if (!at.begun) {
      if (first_piece() > region.height && !region.at_top) return Placement::push();
      if (caption_) {
        // Kept together and counted in first_piece: it fits here whole.
        Placement c = caption_->place(
            Region{region.x, region.width, caption_->height(), region.page_height, true, 0}, {});
        double h = c.frame.size.height;
        p.frame.add(std::move(c.frame), {0, p.y});
        p.y += h;
        p.y += caption_->space_after();
      }
      at = Resume::at(0, step::fresh);
    }
    draw_whole(p, header_);
    const size_t n = spec_.cells.size();
    for (; at.index < n || (at.index == n && total_); at = Resume::at(at.index, step::fresh)) {
      bool total_row = at.index == n;
      size_t end = total_row ? n + 1 : group_end_[at.index];
      // The total row never stands alone: the last group goes with it.
      double extra = end == n && total_ ? total_->height() : 0;
      if (!place_group(p, total_row ? *total_ : group_at(at.index), extra, at)) {
        out.rest = std::move(at);
        break;
      }
      at.index = end;
    }
    out.frame.size.height = p.y;
    return out;
  }

private:
  void prepare() {
    const auto& ts = ctx_->style.table;
    after_ = ts.space_after;
    pad_y_ = ts.padding_y;
    place_cells();
    measure_fractions();
    widths_ = resolve_columns(spec_, ctx_->width, measure_columns());
    double total = 0;
    edges_.assign(1, 0.0);
    for (double w : widths_) edges_.push_back(total += w);
    x0_ = ctx_->left + (ctx_->width - total) / 2;
    header_.header = true;
    header_.pitch = line_pitch(ts.header);
    for (size_t c = 0; c < spec_.columns.size(); ++c) {
      TableSpec::Cell cell;
      cell.paragraphs.push_back(spec_.columns[c].title);
      header_.cells.push_back(shape(cell, ts.header, c, 1, true));
    }
    finish(header_, 1);
    if (!spec_.caption.empty()) {
      caption_.emplace(ts.caption, std::vector<text::Span>{{spec_.caption, false, false}}, 0,
                       ctx_->width);
      caption_->set_keep_together(true);
      caption_->measure(*ctx_);
    }
    if (!spec_.total.empty()) total_ = shape_total();
    if (!spec_.cells.empty()) group_at(0);
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
  void measure_fractions() {
    const auto& ts = ctx_->style.table;
    const std::string& sep = ctx_->style.numbers.decimal;
    fraction_.assign(spec_.columns.size(), 0.0);
    auto see = [&](size_t col, size_t cols, const TableSpec::Cell& cell,
                   const style::TextStyle& s) {
      if (decimal_cell(col, cols, cell))
        fraction_[col] =
            std::max(fraction_[col], fractions_(*ctx_, s, fraction_part(plain_text(cell), sep)));
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
  std::vector<ContentWidth> measure_columns() {
    constexpr size_t kMeasuredRows = 200;
    const auto& ts = ctx_->style.table;
    const std::string& sep = ctx_->style.numbers.decimal;
    std::vector<ContentWidth> out(spec_.columns.size());
    auto automatic = [&](size_t c) {
      return spec_.columns[c].width_kind == TableSpec::Column::Width::automatic;
    };
    auto measure = [&](size_t c, const TableSpec::Cell& cell, const style::TextStyle& s) {
      style::TextStyle cs = s;
      cs.first_line_indent = 0;
      ContentWidth w = table_detail::measure_cell(*ctx_, cell, cs);
      if (decimal_cell(c, 1, cell)) {
        // Room for the widest fraction after this number's own.
        double extra = fraction_[c] - fractions_(*ctx_, cs, fraction_part(plain_text(cell), sep));
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

  ShapedCell shape(const TableSpec::Cell& cell, const style::TextStyle& ts, size_t col, size_t cols,
                   bool header) const {
    const auto& tstyle = ctx_->style.table;
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
            fractions_(*ctx_, cs, fraction_part(plain_text(cell), ctx_->style.numbers.decimal));
        w = std::max(1.0, w - (fraction_[col] - own));
      }
    }
    ShapedCell out;
    out.para = table_detail::shape_cell(*ctx_, cell, cs, w);
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

  Group shape_group(size_t from, size_t to) const {
    const auto& ts = ctx_->style.table;
    Group g;
    g.pitch = line_pitch(ts.cell);
    for (size_t r = from; r < to; ++r) {
      for (size_t k = 0; k < spec_.cells[r].size(); ++k) {
        const auto& cell = spec_.cells[r][k];
        size_t col = start_col_[r][k];
        if (col >= widths_.size()) continue;
        auto cols = static_cast<size_t>(std::max(1, cell.colspan));
        ShapedCell sc = shape(cell, ts.cell, col, cols, false);
        sc.row = r - from;
        sc.rows = std::min(to - r, static_cast<size_t>(std::max(1, cell.rowspan)));
        sc.striped = spec_.zebra && r % 2 == 1;
        g.cells.push_back(std::move(sc));
      }
    }
    finish(g, to - from);
    return g;
  }

  Group shape_total() const {
    const auto& ts = ctx_->style.table;
    Group g;
    g.pitch = line_pitch(ts.cell);
    for (size_t c = 0; c < spec_.total.size() && c < widths_.size(); ++c)
      g.cells.push_back(shape(spec_.total[c], ts.cell, c, 1, false));
    finish(g, 1);
    return g;
  }

  /// The group starting at row r, shaped once however many pages it takes:
  /// only the group being placed is held.
  const Group& group_at(size_t r) {
    if (!current_ || current_row_ != r) {
      current_ = shape_group(r, group_end_[r]);
      current_row_ = r;
    }
    return *current_;
  }

  /// Draws rows [a, b) of a group at the piece's y with these row heights,
  /// each cell showing its lines [from, to); advances past them.
  void draw_piece(Piece& p, const Group& g, size_t a, size_t b, const std::vector<double>& heights,
                  const std::vector<LineRange>& lines) const {
    const auto& ts = ctx_->style.table;
    double top = p.y;
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
      p.frame.add(box);
    }
    auto rule = [&](double x1, double y1, double x2, double y2) {
      p.frame.add(display::Rule{{x1, y1}, {x2, y2}, ts.rule_width, core::Color{}});
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
        put_line(p.frame, ls[i], r.x + ts.padding_x,
                 r.y + pad_y_ + static_cast<double>(i - lines[k].first) * g.pitch, g.pitch);
      }
    }
    p.y += row_y.back();
  }

  void draw_whole(Piece& p, const Group& g) const {
    std::vector<LineRange> all;
    for (const auto& c : g.cells) all.emplace_back(0, c.para.lines.size());
    draw_piece(p, g, 0, g.heights.size(), g.heights, all);
  }

  /// Places what is left of a group from `at`; false when the page is full
  /// first (`at` then says where the next page goes on). `extra`: the height
  /// that should follow on the same page (the total row).
  bool place_group(Piece& p, const Group& g, double extra, Resume& at) const {
    switch (at.step) {
    case step::fresh: {
      double h = g.height();
      double page = p.region.page_height - header_.height();
      if (h + extra <= p.room() || (h <= p.room() && h + extra > page)) {
        draw_whole(p, g);
        return true;
      }
      if (h <= page) {
        at.step = step::whole; // at the top of the next page
        return false;
      }
      if (g.heights.size() == 1) {
        at.step = step::lines;
        at.sub = 0;
        return split_lines(p, g, at);
      }
      at.step = step::rows;
      at.sub = 0;
      at.lines.assign(g.cells.size(), 0);
      return split_rows(p, g, at);
    }
    case step::whole:
      draw_whole(p, g);
      return true;
    case step::lines:
      return split_lines(p, g, at);
    case step::row_lines:
      if (!split_row_lines(p, g, at)) return false;
      at.step = step::rows;
      at.sub += 1;
      return split_rows(p, g, at);
    default:
      return split_rows(p, g, at);
    }
  }

  /// One row taller than a page: split between lines, every cell continuing.
  bool split_lines(Piece& p, const Group& g, Resume& at) const {
    size_t n = g.max_lines();
    size_t& i = at.sub;
    while (i < n) {
      size_t fit = lines_fitting(p.room() - 2 * pad_y_, g.pitch);
      if (fit == 0) return false;
      size_t to = std::min(n, i + fit);
      std::vector<LineRange> lines(g.cells.size(), {i, to});
      draw_piece(p, g, 0, 1, {static_cast<double>(to - i) * g.pitch + 2 * pad_y_}, lines);
      i = to;
      if (i < n) return false;
    }
    return true;
  }

  /// A rowspan group taller than a page: split between its rows, each
  /// spanning cell showing the lines its part of the span has room for and
  /// the rest after the break; a single row of it taller than a page is
  /// split between its lines.
  bool split_rows(Piece& p, const Group& g, Resume& at) const {
    std::vector<size_t>& next = at.lines;
    size_t& a = at.sub;
    const size_t rows = g.heights.size();
    while (a < rows) {
      size_t b = a;
      double used = 0;
      while (b < rows && used + g.heights[b] <= p.room()) used += g.heights[++b - 1];
      if (b == a) {
        if (!p.at_top() && g.heights[a] <= p.region.page_height - header_.height()) return false;
        at.step = step::row_lines;
        if (!split_row_lines(p, g, at)) return false;
        at.step = step::rows;
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
        size_t fit = lines_fitting(box - 2 * pad_y_, g.pitch);
        if (c.row + c.rows <= b && fit < left) {
          // The span ends here: its last row grows to show the rest.
          heights[r1 - 1] += static_cast<double>(left - fit) * g.pitch;
          fit = left;
        }
        lines[k] = {next[k], next[k] + std::min(fit, left)};
        next[k] = lines[k].second;
      }
      draw_piece(p, g, a, b, heights, lines);
      a = b;
      if (a < rows) return false;
    }
    return true;
  }

  /// Row `at.sub` of a rowspan group, taller than a page: its cells (and the
  /// spanning cells passing through it) show the lines each page has room
  /// for until every cell ending in this row is done. `at.lines` holds each
  /// cell's first line not yet shown. False while more is left.
  bool split_row_lines(Piece& p, const Group& g, Resume& at) const {
    const size_t a = at.sub;
    std::vector<size_t>& next = at.lines;
    size_t fit = lines_fitting(p.room() - 2 * pad_y_, g.pitch);
    if (fit == 0) return false;
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
    draw_piece(p, g, a, a + 1, {static_cast<double>(shown) * g.pitch + 2 * pad_y_}, lines);
    return !more;
  }

  TableSpec spec_;
  size_t converted_ = 0;
  const Context* ctx_ = nullptr;
  std::vector<double> widths_;
  std::vector<double> edges_; ///< column edges from the table's left, n + 1
  std::vector<std::vector<size_t>> start_col_;
  std::vector<size_t> group_end_;
  std::vector<double> fraction_;
  mutable table_detail::FractionWidths fractions_; ///< a cache
  double x0_ = 0;
  double pad_y_ = 0;
  double after_ = 0;
  Group header_;
  std::optional<Group> total_;
  std::optional<Group> current_; ///< the group being placed
  size_t current_row_ = 0;
  std::optional<TextBlock> caption_;
};

} // namespace

std::unique_ptr<Element> make_table(TableSpec spec) {
  return std::make_unique<TableElement>(std::move(spec));
}

} // namespace baocao::layout
