// Tables: the grid resolved once (by input for a report's table), the columns
// measured once, row groups shaped one at a time as they are placed and
// drawn into the region's frame, the header drawn again at the top of every
// page the table continues on. This file is the splitting: a group is kept
// on one page unless it is taller than a page, when it splits between lines
// (one row) or between rows (several), its cells continuing on the next page.
#include "layout/table.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <numeric>

#include "layout/table_draw.hpp"
#include "layout/text_block.hpp"

namespace baocao::layout {

namespace {

using table_detail::Columns;
using table_detail::draw_group;
using table_detail::draw_rows;
using table_detail::Group;
using table_detail::LineRange;

/// What one region of a table holds so far: its frame and the height used.
struct Piece {
  const Region& region;
  display::Frame& frame;
  double y = 0;
  double top = 0; ///< where the body starts: below the caption and header on a fresh page
  double room() const { return region.room(y); }
  /// Nothing but the table's own caption and header on this page yet: a
  /// line must be placed here, even one taller than the page, or every page
  /// would wait for the next (a 200 pt font at line_height 5 did that).
  bool at_top() const { return region.at_top && y <= top + 1e-6; }
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
    if (spec_.grid.rows() != spec_.cells.size()) spec_.grid = cells_grid(spec_);
  }

  double space_after() const override { return after_; }

  void measure(const Context& ctx) override {
    ctx_ = &ctx;
    const auto& ts = ctx.style.table;
    after_ = ts.space_after;
    columns_ = table_detail::measure_columns(ctx, spec_, spec_.grid, fractions_);
    shaper_.emplace(ctx, spec_, spec_.grid, *columns_, fractions_);
    header_ = shaper_->header();
    if (!spec_.caption.empty()) {
      caption_.emplace(ts.caption, std::vector<text::Span>{{spec_.caption, false, false}}, 0,
                       ctx.width);
      caption_->set_keep_together(true);
      caption_->measure(ctx);
    }
    if (!spec_.total.empty()) total_ = shaper_->total();
    if (!spec_.cells.empty()) {
      group_at(0);
      // A table's orphan rule: it starts with two body rows (row groups), or
      // with all it has. A group's title row ("I. Kinh tế") is not one of
      // them: a page ending on a title and one row looked like one row.
      const size_t n = spec_.cells.size();
      int body = titled(0) ? 0 : 1;
      first_company_ = 0;
      for (size_t r = spec_.grid.group_end(0); body < 2 && r < n; r = spec_.grid.group_end(r)) {
        first_company_ += group_height(r);
        body += titled(r) ? 0 : 1;
      }
    }
    whole_ = whole_height(ctx.page_height);
  }

  /// Caption, header and the first group; a first group taller than a page
  /// counts for two of its lines, the least it may start a page with.
  double first_piece() const override {
    double h = caption_ ? caption_->height() + caption_->space_after() : 0;
    h += header_.height();
    if (spec_.cells.empty()) return h;
    const Group& g = *current_;
    if (g.height() + first_company_ <= ctx_->page_height - h) {
      return h + g.height() + first_company_;
    }
    return h + static_cast<double>(std::min<size_t>(2, g.max_lines())) * g.pitch + 2 * pad_y();
  }

  /// Resume::index is the first row of the group being placed (the number of
  /// rows: the total row); a page the table continues on starts with the header.
  Placement place(const Region& region, const Resume& from) override {
    Placement out;
    out.frame.size.width = region.width;
    Piece p{region, out.frame};
    Resume at = from;
    if (!at.begun && !region.at_top) {
      if (first_piece() > region.height) return Placement::push();
      // A table that fits a page is not split when moving it whole leaves
      // less than a third of this page empty.
      if (whole_ <= region.page_height && whole_ > region.height &&
          region.height < region.page_height / 3) {
        return Placement::push();
      }
    }
    if (!at.begun) {
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
    p.y += draw_group(p.frame, p.y, header_, *columns_, ctx_->style.table);
    p.top = p.y;
    const size_t n = spec_.cells.size();
    int placed = 0; // row groups drawn on this page
    for (; at.index < n || (at.index == n && total_); at = Resume::at(at.index, step::fresh)) {
      bool total_row = at.index == n;
      size_t end = total_row ? n + 1 : spec_.grid.group_end(at.index);
      // The total row never stands alone: the last group goes with it; nor
      // does a row kept with the next (a group's title row).
      double total_h = total_ ? total_->height() : 0;
      double extra = end == n ? total_h : 0;
      if (!total_row) {
        double company = company_after(at.index);
        // A table's widow rule: the last row group does not go on alone
        // when this page can keep two groups without the one before it.
        if (placed >= 2 && end < n && spec_.grid.group_end(end) == n) {
          company = std::max(company, group_height(end) + total_h);
        }
        extra += company;
      }
      if (!place_group(p, total_row ? *total_ : group_at(at.index), extra, at)) {
        out.rest = std::move(at);
        break;
      }
      ++placed;
      at.index = end;
    }
    out.frame.size.height = p.y;
    return out;
  }

private:
  double pad_y() const { return ctx_->style.table.padding_y; }

  /// The height the group starting at row r must share its page with: the
  /// next group, when r's group ends in a row kept with the next. That group
  /// is shaped here only to be measured (group rows are few and short).
  double company_after(size_t r) const {
    const size_t end = spec_.grid.group_end(r);
    const auto& keep = spec_.keep_with_next;
    if (end >= spec_.cells.size() || std::find(keep.begin(), keep.end(), end - 1) == keep.end()) {
      return 0;
    }
    return group_height(end);
  }

  /// Whether the row group starting at r is a title kept with the next row.
  bool titled(size_t r) const {
    const auto& keep = spec_.keep_with_next;
    return std::find(keep.begin(), keep.end(), spec_.grid.group_end(r) - 1) != keep.end();
  }

  /// The height of the row group starting at row r, shaped only to be measured.
  double group_height(size_t r) const { return shaper_->rows(r, spec_.grid.group_end(r)).height(); }

  /// Caption, header, body and total, or infinity as soon as they pass
  /// `page`: a long table is measured only as far as a page.
  double whole_height(double page) const {
    double h = header_.height() + (caption_ ? caption_->height() + caption_->space_after() : 0);
    if (total_) h += total_->height();
    for (size_t r = 0; r < spec_.cells.size() && h <= page; r = spec_.grid.group_end(r)) {
      h += r == current_row_ && current_ ? current_->height() : group_height(r);
    }
    return h <= page ? h : std::numeric_limits<double>::infinity();
  }

  /// The group starting at row r, shaped once however many pages it takes:
  /// only the group being placed is held.
  const Group& group_at(size_t r) {
    if (!current_ || current_row_ != r) {
      current_ = shaper_->rows(r, spec_.grid.group_end(r));
      current_row_ = r;
    }
    return *current_;
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
        p.y += draw_group(p.frame, p.y, g, *columns_, ctx_->style.table);
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
      p.y += draw_group(p.frame, p.y, g, *columns_, ctx_->style.table);
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
      size_t fit = lines_fitting(p.room() - 2 * pad_y(), g.pitch);
      if (fit == 0 && !p.at_top()) return false;
      fit = std::max<size_t>(fit, 1);
      size_t to = std::min(n, i + fit);
      std::vector<LineRange> lines(g.cells.size(), {i, to});
      p.y += draw_rows(p.frame, p.y, g, 0, 1, {static_cast<double>(to - i) * g.pitch + 2 * pad_y()},
                       lines, *columns_, ctx_->style.table);
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
        size_t fit = lines_fitting(box - 2 * pad_y(), g.pitch);
        if (c.row + c.rows <= b && fit < left) {
          // The span ends here: its last row grows to show the rest.
          heights[r1 - 1] += static_cast<double>(left - fit) * g.pitch;
          fit = left;
        }
        lines[k] = {next[k], next[k] + std::min(fit, left)};
        next[k] = lines[k].second;
      }
      p.y += draw_rows(p.frame, p.y, g, a, b, heights, lines, *columns_, ctx_->style.table);
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
    size_t fit = lines_fitting(p.room() - 2 * pad_y(), g.pitch);
    if (fit == 0 && !p.at_top()) return false;
    fit = std::max<size_t>(fit, 1);
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
    p.y +=
        draw_rows(p.frame, p.y, g, a, a + 1, {static_cast<double>(shown) * g.pitch + 2 * pad_y()},
                  lines, *columns_, ctx_->style.table);
    return !more;
  }

  TableSpec spec_;
  size_t converted_ = 0;
  const Context* ctx_ = nullptr;
  double after_ = 0;
  table_detail::FractionWidths fractions_; ///< a cache, shared by measuring and shaping
  std::optional<Columns> columns_;
  std::optional<table_detail::RowShaper> shaper_;
  Group header_;
  std::optional<Group> total_;
  std::optional<Group> current_; ///< the group being placed
  size_t current_row_ = 0;
  double first_company_ = 0; ///< the second row group's height, for first_piece()
  double whole_ = 0;         ///< whole_height(page): the table on one page, or infinity
  std::optional<TextBlock> caption_;
};

} // namespace

model::TableGrid cells_grid(const TableSpec& spec) {
  model::GridBuilder b(spec.columns.size(), spec.cells.size());
  std::vector<model::GridBuilder::Span> spans;
  for (const auto& row : spec.cells) {
    spans.clear();
    for (const auto& c : row) spans.push_back({c.colspan, c.rowspan});
    b.add_row(spans); // a problem is only the input's to report; the cells are placed anyway
  }
  return std::move(b).finish();
}

std::unique_ptr<Element> make_table(TableSpec spec) {
  return std::make_unique<TableElement>(std::move(spec));
}

} // namespace baocao::layout
