#pragma once
// A table's rows shaped a group at a time (a row, or the rows a rowspan
// ties together), with the column widths measured once: only the group
// being placed is held, so a 5,000-row table never exists shaped at once.
#include <cstddef>
#include <numeric>
#include <vector>

#include "layout/table_columns.hpp"

namespace baocao::layout::table_detail {

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

class RowShaper {
public:
  RowShaper(const Context& ctx, const TableSpec& spec, const model::TableGrid& grid,
            const Columns& columns, FractionWidths& fractions)
      : ctx_(ctx), spec_(spec), grid_(grid), columns_(columns), fractions_(fractions) {}

  /// The column titles, in the header style.
  Group header() const;
  /// Body rows [from, to): a group of the grid.
  Group rows(size_t from, size_t to) const;
  /// The total row after the body.
  Group total() const;

private:
  ShapedCell shape(const TableSpec::Cell& cell, const style::TextStyle& ts, size_t col, size_t cols,
                   bool header) const;
  /// Row heights: each row as tall as its one-row cells; a rowspan cell
  /// that needs more makes its last row taller.
  void finish(Group& g, size_t rows) const;

  const Context& ctx_;
  const TableSpec& spec_;
  const model::TableGrid& grid_;
  const Columns& columns_;
  FractionWidths& fractions_;
};

} // namespace baocao::layout::table_detail
