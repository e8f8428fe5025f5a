#include <catch2/catch.hpp>

#include "layout/table.hpp"

using namespace baocao::layout;

namespace {
TableSpec columns(std::vector<std::pair<TableSpec::Column::Width, double>> kinds) {
  TableSpec spec;
  for (const auto& [kind, value] : kinds) {
    TableSpec::Column c;
    c.width_kind = kind;
    c.width = value;
    spec.columns.push_back(c);
  }
  return spec;
}
constexpr auto kAuto = TableSpec::Column::Width::automatic;
constexpr auto kPercent = TableSpec::Column::Width::percent;
constexpr auto kPoints = TableSpec::Column::Width::points;
} // namespace

TEST_CASE("automatic columns are sized from their content, like a browser's auto table",
          "[layout][table]") {
  auto two = columns({{kAuto, 0}, {kAuto, 0}});
  SECTION("everything fits on one line: widths in proportion to the content") {
    auto w = resolve_columns(two, 300, {{20, 100}, {10, 50}});
    CHECK(w[0] == Approx(200));
    CHECK(w[1] == Approx(100));
  }
  SECTION("only the longest words fit: the rest shared by how much each wants beyond them") {
    auto w = resolve_columns(two, 300, {{50, 400}, {50, 200}});
    CHECK(w[0] == Approx(190));
    CHECK(w[1] == Approx(110));
  }
  SECTION("not even the longest words fit: they are scaled down, filling the width") {
    auto w = resolve_columns(two, 300, {{200, 500}, {200, 300}});
    CHECK(w[0] == Approx(150));
    CHECK(w[1] == Approx(150));
  }
  SECTION("percentage and fixed columns first, automatic ones get the rest") {
    auto w = resolve_columns(columns({{kPercent, 50}, {kPoints, 50}, {kAuto, 0}}), 400,
                             {{}, {}, {10, 30}});
    CHECK(w[0] == Approx(200));
    CHECK(w[1] == Approx(50));
    CHECK(w[2] == Approx(150));
  }
  SECTION("percentages over the width are scaled to fit it exactly") {
    auto w = resolve_columns(columns({{kPercent, 60}, {kPercent, 60}}), 300, {});
    CHECK(w[0] + w[1] == Approx(300));
    CHECK(w[0] == Approx(w[1]));
  }
}
