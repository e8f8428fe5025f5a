#include "layout/table_rows.hpp"

#include <algorithm>

namespace baocao::layout::table_detail {

ShapedCell RowShaper::shape(const TableSpec::Cell& cell, const style::TextStyle& ts, size_t col,
                            size_t cols, bool header) const {
  const auto& tstyle = ctx_.style.table;
  style::TextStyle cs = ts;
  cs.first_line_indent = 0;
  double w = std::max(1.0, columns_.span_width(col, cols) - 2 * tstyle.padding_x);
  if (!header) {
    cs.align = cell.align ? *cell.align : spec_.columns[col].align;
    if (cell.color) cs.color = *cell.color;
    if (spec_.columns[col].decimal && !cell.align) cs.align = style::TextAlign::right;
    if (decimal_cell(spec_, col, cols, cell) && !cell.align) {
      // Right-aligned in a box cut short by the widest fraction less this
      // number's own: every separator then falls at the same x.
      double own =
          fractions_(ctx_, cs, fraction_part(plain_text(cell), ctx_.style.numbers.decimal));
      w = std::max(1.0, w - (columns_.fraction[col] - own));
    }
  }
  ShapedCell out;
  out.para = shape_cell(ctx_, cell, cs, w);
  out.col = col;
  out.cols = cols;
  return out;
}

void RowShaper::finish(Group& g, size_t rows) const {
  const double pad_y = ctx_.style.table.padding_y;
  g.heights.assign(rows, g.pitch + 2 * pad_y);
  auto need = [&](const ShapedCell& c) {
    return static_cast<double>(c.lines()) * g.pitch + 2 * pad_y;
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

Group RowShaper::header() const {
  const auto& ts = ctx_.style.table;
  Group g;
  g.header = true;
  g.pitch = line_pitch(ts.header);
  for (size_t c = 0; c < spec_.columns.size(); ++c) {
    TableSpec::Cell cell;
    cell.paragraphs.push_back(spec_.columns[c].title);
    g.cells.push_back(shape(cell, ts.header, c, 1, true));
  }
  finish(g, 1);
  return g;
}

Group RowShaper::rows(size_t from, size_t to) const {
  const auto& ts = ctx_.style.table;
  Group g;
  g.pitch = line_pitch(ts.cell);
  for (size_t r = from; r < to; ++r) {
    for (size_t k = 0; k < spec_.cells[r].size(); ++k) {
      const auto& cell = spec_.cells[r][k];
      const auto& at = grid_.cell(r, k);
      if (at.column >= columns_.count()) continue;
      ShapedCell sc = shape(cell, ts.cell, at.column, at.colspan, false);
      sc.row = r - from;
      sc.rows = std::min<size_t>(to - r, at.rowspan);
      sc.striped = spec_.zebra && r % 2 == 1;
      g.cells.push_back(std::move(sc));
    }
  }
  finish(g, to - from);
  return g;
}

Group RowShaper::total() const {
  const auto& ts = ctx_.style.table;
  Group g;
  g.pitch = line_pitch(ts.cell);
  for (size_t c = 0; c < spec_.total.size() && c < columns_.count(); ++c)
    g.cells.push_back(shape(spec_.total[c], ts.cell, c, 1, false));
  finish(g, 1);
  return g;
}

} // namespace baocao::layout::table_detail
