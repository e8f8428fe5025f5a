#pragma once
// A table's columns, measured once: the widest fraction of each decimal
// column, the content widths of automatic columns (from the head of a long
// table), and the resolved widths and edges every row group is shaped and
// drawn with.
#include <vector>

#include "layout/table.hpp"
#include "layout/table_cells.hpp"
#include "model/table_grid.hpp"

namespace baocao::layout::table_detail {

struct Columns {
  std::vector<double> widths;
  std::vector<double> edges;    ///< from the table's left, one more than widths
  std::vector<double> fraction; ///< the widest fraction (",25") of each decimal column
  double x0 = 0;                ///< the table's left edge on the page

  size_t count() const { return widths.size(); }
  /// Width of `cols` columns from `col`, clamped to the table.
  double span_width(size_t col, size_t cols) const;
};

/// A number in a decimal column, one column wide: aligned on its separator.
bool decimal_cell(const TableSpec& spec, size_t col, size_t cols, const TableSpec::Cell& cell);

/// Measures and resolves the columns for the text width, centred in it.
Columns measure_columns(const Context& ctx, const TableSpec& spec, const model::TableGrid& grid,
                        FractionWidths& fractions);

} // namespace baocao::layout::table_detail
