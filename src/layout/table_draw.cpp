#include "layout/table_draw.hpp"

#include <algorithm>
#include <array>

namespace baocao::layout::table_detail {

double draw_rows(display::Frame& frame, double top, const Group& g, size_t a, size_t b,
                 const std::vector<double>& heights, const std::vector<LineRange>& lines,
                 const Columns& columns, const style::TableStyle& ts) {
  std::vector<double> row_y(1, 0.0);
  for (double h : heights) row_y.push_back(row_y.back() + h);
  auto box_of = [&](const ShapedCell& c) {
    size_t r0 = std::max(c.row, a) - a, r1 = std::min(c.row + c.rows, b) - a;
    return core::Rect{columns.x0 + columns.edges[c.col], top + row_y[r0],
                      columns.span_width(c.col, c.cols), row_y[r1] - row_y[r0]};
  };
  auto in_piece = [&](const ShapedCell& c) { return c.row < b && c.row + c.rows > a; };
  for (const auto& c : g.cells) {
    if (!in_piece(c) || (!g.header && !c.striped)) continue;
    display::Box box;
    box.rect = box_of(c);
    box.fill = true;
    box.fill_color = g.header ? ts.header_fill : ts.stripe_fill;
    frame.add(box);
  }
  auto rule = [&](double x1, double y1, double x2, double y2) {
    frame.add(display::Rule{{x1, y1}, {x2, y2}, ts.rule_width, core::Color{}});
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
      put_line(frame, ls[i], r.x + ts.padding_x,
               r.y + ts.padding_y + static_cast<double>(i - lines[k].first) * g.pitch, g.pitch);
    }
  }
  return row_y.back();
}

double draw_group(display::Frame& frame, double top, const Group& g, const Columns& columns,
                  const style::TableStyle& ts) {
  std::vector<LineRange> all;
  for (const auto& c : g.cells) all.emplace_back(0, c.para.lines.size());
  return draw_rows(frame, top, g, 0, g.heights.size(), g.heights, all, columns, ts);
}

} // namespace baocao::layout::table_detail
