#pragma once
// A table's grid: where each written cell stands once rowspans from above
// and colspans are counted, and which rows a rowspan ties into one group.
// Built once, row by row: input checks the spans with it (and reports the
// first problem with the cell's place in the YAML), layout places and
// splits the same grid.
#include <cstdint>
#include <optional>
#include <vector>

namespace baocao::model {

/// One written cell on the grid; 0-based.
struct GridCell {
  uint32_t row = 0;
  uint32_t column = 0; ///< the first column it covers
  uint32_t colspan = 1;
  uint32_t rowspan = 1;
};

/// What is wrong with a row's spans, for input to word (the first problem in
/// the order a reader checks: the row as a whole, then its cells left to right).
struct GridProblem {
  enum class Kind {
    cell_count,      ///< no spans, and not one cell per column
    coverage,        ///< cells and rowspans from above cover `covered + from_above` columns
    colspan_blocked, ///< cell `cell`'s colspan runs into `column` (0-based), held or past the last
    rowspan_too_long ///< cell `cell`'s rowspan reaches past the last row (`rows_left` remain)
  } kind;
  size_t cell = 0;
  size_t cells = 0;      ///< cells written in the row
  size_t covered = 0;    ///< columns its cells cover, colspans counted
  size_t from_above = 0; ///< columns rowspans from above hold
  size_t column = 0;
  bool past_last = false; ///< colspan_blocked: past the last column, not into a rowspan
  size_t rows_left = 0;   ///< this row and the ones below it
};

class TableGrid {
public:
  size_t columns() const { return columns_; }
  size_t rows() const { return row_start_.size(); }
  /// The cells of row r, in written order.
  const GridCell* row_begin(size_t r) const { return cells_.data() + row_start_[r]; }
  const GridCell* row_end(size_t r) const {
    return cells_.data() + (r + 1 < row_start_.size() ? row_start_[r + 1] : cells_.size());
  }
  const GridCell& cell(size_t r, size_t k) const { return row_begin(r)[k]; }
  /// One past the last row of the group row r starts: the rows a rowspan
  /// ties together, kept on one page when they fit. Meaningful for a
  /// group's first row.
  size_t group_end(size_t r) const { return group_end_[r]; }

private:
  friend class GridBuilder;
  size_t columns_ = 0;
  std::vector<GridCell> cells_;     ///< every row's, one after another
  std::vector<uint32_t> row_start_; ///< index in cells_ of each row's first
  std::vector<uint32_t> group_end_;
};

/// Places rows one at a time, each cell in the first column no rowspan from
/// above holds. A cell that does not fit is still placed (clamped to the
/// grid) so a grid always results; add_row says what was wrong.
class GridBuilder {
public:
  /// `rows`: how many rows the table will have (for the rowspan check).
  GridBuilder(size_t columns, size_t rows);

  struct Span {
    int colspan = 1;
    int rowspan = 1;
  };
  /// Places the next row; the first problem it has, if any.
  std::optional<GridProblem> add_row(const std::vector<Span>& cells);

  TableGrid finish() &&;

private:
  TableGrid grid_;
  size_t total_rows_;
  std::vector<size_t> held_; ///< how many more rows a rowspan from above covers each column
  size_t reach_ = 0;         ///< the first row past every rowspan in the current group
  size_t group_start_ = 0;
};

/// The grid of a table whose `rows` rows each have one cell per column.
TableGrid plain_grid(size_t columns, size_t rows);

} // namespace baocao::model
