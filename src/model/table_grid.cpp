#include "model/table_grid.hpp"

#include <algorithm>

namespace baocao::model {

GridBuilder::GridBuilder(size_t columns, size_t rows) : total_rows_(rows), held_(columns, 0) {
  grid_.columns_ = columns;
  grid_.cells_.reserve(rows * columns);
  grid_.row_start_.reserve(rows);
  grid_.group_end_.reserve(rows);
}

std::optional<GridProblem> GridBuilder::add_row(const std::vector<Span>& cells) {
  const size_t n = held_.size();
  const size_t r = grid_.row_start_.size();
  if (r >= reach_) group_start_ = r;
  std::optional<GridProblem> problem;
  size_t from_above = 0, covered = 0;
  for (size_t h : held_) from_above += h > 0 ? 1 : 0;
  bool spans = from_above > 0;
  for (const auto& c : cells) {
    covered += static_cast<size_t>(std::max(1, c.colspan));
    spans = spans || c.colspan > 1 || c.rowspan > 1;
  }
  auto row_problem = [&](GridProblem::Kind kind) {
    GridProblem p{kind};
    p.cells = cells.size();
    p.covered = covered;
    p.from_above = from_above;
    p.rows_left = total_rows_ - std::min(total_rows_, r);
    return p;
  };
  if (!spans && cells.size() != n)
    problem = row_problem(GridProblem::Kind::cell_count);
  else if (covered + from_above != n)
    problem = row_problem(GridProblem::Kind::coverage);

  grid_.row_start_.push_back(static_cast<uint32_t>(grid_.cells_.size()));
  size_t col = 0;
  for (size_t k = 0; k < cells.size(); ++k) {
    while (col < n && held_[col] > 0) ++col;
    auto span = static_cast<size_t>(std::max(1, cells[k].colspan));
    auto rows = static_cast<size_t>(std::max(1, cells[k].rowspan));
    for (size_t j = col; j < col + span && !problem; ++j) {
      if (j >= n || held_[j] > 0) {
        problem = row_problem(GridProblem::Kind::colspan_blocked);
        problem->cell = k;
        problem->column = j;
        problem->past_last = j >= n;
      }
    }
    if (!problem && rows > total_rows_ - std::min(total_rows_, r)) {
      problem = row_problem(GridProblem::Kind::rowspan_too_long);
      problem->cell = k;
    }
    grid_.cells_.push_back({static_cast<uint32_t>(r), static_cast<uint32_t>(col),
                            static_cast<uint32_t>(span), static_cast<uint32_t>(rows)});
    for (size_t j = col; j < std::min(n, col + span); ++j) held_[j] = rows;
    reach_ = std::max(reach_, r + rows);
    col += span;
  }
  for (auto& h : held_) h = h > 0 ? h - 1 : 0;
  reach_ = std::max(reach_, r + 1);
  // A rowspan past the last row (a problem above) ends the group at the table's end.
  size_t end = std::min(reach_, std::max(total_rows_, r + 1));
  grid_.group_end_.push_back(0);
  for (size_t k = group_start_; k <= r; ++k) grid_.group_end_[k] = static_cast<uint32_t>(end);
  return problem;
}

TableGrid GridBuilder::finish() && {
  return std::move(grid_);
}

TableGrid plain_grid(size_t columns, size_t rows) {
  GridBuilder b(columns, rows);
  std::vector<GridBuilder::Span> row(columns);
  for (size_t r = 0; r < rows; ++r) b.add_row(row);
  return std::move(b).finish();
}

} // namespace baocao::model
