// The table grid input checks a table with and layout places it by.
#include <catch2/catch.hpp>

#include "model/table_grid.hpp"

using namespace baocao::model;
using Span = GridBuilder::Span;
using Kind = GridProblem::Kind;

TEST_CASE("cells take the first column no rowspan from above holds", "[model][grid]") {
  // | A (2 rows) | B        | C |
  // |            | D (2 cols)   |
  // | E          | F        | G |
  GridBuilder b(3, 3);
  CHECK_FALSE(b.add_row({{1, 2}, {1, 1}, {1, 1}}));
  CHECK_FALSE(b.add_row({{2, 1}}));
  CHECK_FALSE(b.add_row({{1, 1}, {1, 1}, {1, 1}}));
  TableGrid g = std::move(b).finish();
  REQUIRE(g.rows() == 3);
  CHECK(g.columns() == 3);
  CHECK(g.row_end(1) - g.row_begin(1) == 1);
  const GridCell& d = g.cell(1, 0);
  CHECK(d.row == 1);
  CHECK(d.column == 1);
  CHECK(d.colspan == 2);
  CHECK(g.cell(0, 0).rowspan == 2);
  CHECK(g.cell(2, 2).column == 2);
  // A's rowspan ties rows 0 and 1 into one group; row 2 stands alone.
  CHECK(g.group_end(0) == 2);
  CHECK(g.group_end(2) == 3);
}

TEST_CASE("a rowspan reaching further extends its group", "[model][grid]") {
  GridBuilder b(2, 4);
  b.add_row({{1, 2}, {1, 1}});
  b.add_row({{1, 3}}); // column 1, rows 1-3: the group now ends after row 3
  b.add_row({{1, 1}});
  b.add_row({{1, 1}});
  TableGrid g = std::move(b).finish();
  CHECK(g.group_end(0) == 4);
  CHECK(g.cell(2, 0).column == 0);
  CHECK(g.cell(3, 0).column == 0);
}

TEST_CASE("the grid names the first problem of a row", "[model][grid]") {
  SECTION("too few cells and no spans") {
    GridBuilder b(3, 1);
    auto p = b.add_row({{1, 1}, {1, 1}});
    REQUIRE(p);
    CHECK(p->kind == Kind::cell_count);
    CHECK(p->cells == 2);
  }
  SECTION("spans that cover too many columns") {
    GridBuilder b(3, 2);
    CHECK_FALSE(b.add_row({{1, 2}, {2, 1}}));
    auto p = b.add_row({{1, 1}, {1, 1}, {1, 1}}); // and one column is held from above
    REQUIRE(p);
    CHECK(p->kind == Kind::coverage);
    CHECK(p->covered == 3);
    CHECK(p->from_above == 1);
  }
  SECTION("a colspan into a column a rowspan holds") {
    GridBuilder b(3, 2);
    CHECK_FALSE(b.add_row({{1, 1}, {1, 2}, {1, 1}}));
    // Column 1 is held: the first cell takes column 0 and its colspan of 2 runs into 1.
    auto p = b.add_row({{2, 1}});
    REQUIRE(p);
    CHECK(p->kind == Kind::colspan_blocked);
    CHECK(p->cell == 0);
    CHECK(p->column == 1);
    CHECK_FALSE(p->past_last);
  }
  SECTION("a rowspan past the last row") {
    GridBuilder b(2, 2);
    CHECK_FALSE(b.add_row({{1, 1}, {1, 1}}));
    auto p = b.add_row({{1, 1}, {1, 3}});
    REQUIRE(p);
    CHECK(p->kind == Kind::rowspan_too_long);
    CHECK(p->cell == 1);
    CHECK(p->rows_left == 1);
    TableGrid g = std::move(b).finish();
    CHECK(g.group_end(1) == 2); // the group still ends with the table
  }
}

TEST_CASE("a plain grid has one cell per column in every row", "[model][grid]") {
  TableGrid g = plain_grid(4, 3);
  REQUIRE(g.rows() == 3);
  for (size_t r = 0; r < 3; ++r) {
    CHECK(g.group_end(r) == r + 1);
    for (size_t k = 0; k < 4; ++k) CHECK(g.cell(r, k).column == k);
  }
}
