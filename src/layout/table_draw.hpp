#pragma once
// Drawing a table's row groups into a frame: header and stripe fills, the
// grid's rules (each cell its right and bottom edge, joined where they meet)
// and each cell's lines, or the part of them a page shows.
#include <utility>
#include <vector>

#include "layout/table_rows.hpp"

namespace baocao::layout::table_detail {

/// Lines [first, second) of a cell.
using LineRange = std::pair<size_t, size_t>;

/// Draws rows [a, b) of a group with its top at `top` in the frame, with
/// these row heights, each cell showing `lines[k]` of its lines. Returns the
/// height drawn.
double draw_rows(display::Frame& frame, double top, const Group& g, size_t a, size_t b,
                 const std::vector<double>& heights, const std::vector<LineRange>& lines,
                 const Columns& columns, const style::TableStyle& ts);

/// The whole group, every line of every cell.
double draw_group(display::Frame& frame, double top, const Group& g, const Columns& columns,
                  const style::TableStyle& ts);

} // namespace baocao::layout::table_detail
