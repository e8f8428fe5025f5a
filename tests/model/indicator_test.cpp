// assess() and tally(): the status computed from a result and a target, for
// each comparator and direction, counts, words and missing sides
// (docs/indicators.md; its worked examples are checked in tests/layout).
#include "model/indicator.hpp"
#include "support/indicators.hpp"

#include <catch2/catch.hpp>

namespace {

using namespace baocao::model;

using baocao::test::count;
using baocao::test::num;
using baocao::test::words;

Indicator ind(Quantity result, Quantity target, Comparator c = Comparator::unstated,
              Direction d = Direction::higher_is_better, const char* unit = "") {
  return baocao::test::indicator(unit, std::move(result), std::move(target), c, d);
}

} // namespace

TEST_CASE("a bare target is at least when higher is better, at most when lower is",
          "[model][indicators]") {
  CHECK(effective_comparator(ind(num(1), num(1))) == Comparator::at_least);
  CHECK(effective_comparator(ind(num(1), num(1), Comparator::unstated,
                                 Direction::lower_is_better)) == Comparator::at_most);
  CHECK(assess(ind(num(919), num(600))) == Status::exceeded);
  CHECK(assess(ind(num(919), num(600), Comparator::unstated, Direction::lower_is_better)) ==
        Status::missed);
  CHECK(assess(ind(num(600), num(600), Comparator::unstated, Direction::lower_is_better)) ==
        Status::met);
}

TEST_CASE("each comparator on both sides of its target and on it", "[model][indicators]") {
  using C = Comparator;
  struct Case {
    C c;
    Direction d;
    Status below, on, above;
  };
  const Direction up = Direction::higher_is_better, down = Direction::lower_is_better;
  const Status x = Status::exceeded, m = Status::met, n = Status::missed;
  const Case cases[] = {
      {C::at_least, up, n, m, x},  {C::at_least, down, n, m, x}, // a bound, not the direction
      {C::more_than, up, n, n, x}, {C::at_most, up, x, m, n},    {C::less_than, down, x, n, n},
      {C::equal, up, n, m, x},     {C::equal, down, x, m, n},    {C::about, up, n, m, x},
      {C::about, down, x, m, n},
  };
  for (const Case& k : cases) {
    INFO("comparator " << static_cast<int>(k.c) << " direction " << static_cast<int>(k.d));
    CHECK(assess(ind(num(80), num(100), k.c, k.d)) == k.below);
    CHECK(assess(ind(num(100), num(100), k.c, k.d)) == k.on);
    CHECK(assess(ind(num(120), num(100), k.c, k.d)) == k.above);
  }
}

TEST_CASE("equality is relative, 1e-9 of the larger value", "[model][indicators]") {
  CHECK(same_value(0.1 + 0.2, 0.3));
  CHECK(same_value(0, 0));
  CHECK_FALSE(same_value(600.00001, 600));
  CHECK(same_value(600.0000001, 600));
  CHECK_FALSE(same_value(1e-12, 0)); // no absolute floor: a small figure is still a figure
  CHECK(assess(ind(num(0.1 + 0.2), num(0.3), Comparator::more_than)) == Status::missed);
  CHECK(assess(ind(num(0.1 + 0.2), num(0.3), Comparator::at_least)) == Status::met);
}

TEST_CASE("about is met within 5% of the target, the edge included", "[model][indicators]") {
  CHECK(assess(ind(num(105), num(100), Comparator::about)) == Status::met);
  CHECK(assess(ind(num(95), num(100), Comparator::about)) == Status::met);
  CHECK(assess(ind(num(105.01), num(100), Comparator::about)) == Status::exceeded);
  CHECK(assess(ind(num(94.99), num(100), Comparator::about)) == Status::missed);
  // Of a target of 0 only 0 itself is "about".
  CHECK(assess(ind(num(0), num(0), Comparator::about)) == Status::met);
  CHECK(assess(ind(num(0.1), num(0), Comparator::about, Direction::lower_is_better)) ==
        Status::missed);
}

TEST_CASE("counts compare parts out of the same total, shares otherwise", "[model][indicators]") {
  auto same = compared(ind(count(4, 9), count(5, 9)));
  REQUIRE(same);
  CHECK(same->result == 4);
  CHECK(same->target == 5);
  auto shares = compared(ind(count(9, 10), count(8, 9)));
  REQUIRE(shares);
  CHECK(shares->result == Approx(0.9));
  CHECK(shares->target == Approx(8.0 / 9));
  CHECK(assess(ind(count(9, 10), count(8, 9))) == Status::exceeded);
  // Against a number: the share in percent for "%", else the part.
  auto rate =
      compared(ind(count(9, 10), num(90), Comparator::at_least, Direction::higher_is_better, "%"));
  REQUIRE(rate);
  CHECK(rate->result == Approx(90));
  CHECK(assess(ind(count(9, 10), num(90), Comparator::at_least, Direction::higher_is_better,
                   "%")) == Status::met);
  CHECK(assess(ind(count(5, 9), num(4))) == Status::exceeded);
  CHECK(assess(ind(num(4), count(5, 9))) == Status::missed);
  CHECK(assess(ind(count(5, 0), num(4))) == Status::none); // a total of 0 is no count
}

TEST_CASE("words take the status the report states; numbers never do", "[model][indicators]") {
  Indicator w = ind(words("duy trì"), words("duy trì xã đạt chuẩn"));
  CHECK(assess(w) == Status::none);
  w.stated = Status::met;
  CHECK(assess(w) == Status::met);
  Indicator half = ind(words("chưa thống kê"), num(15));
  half.stated = Status::missed;
  CHECK(assess(half) == Status::missed);
  Indicator n = ind(num(4.25), num(2), Comparator::less_than, Direction::lower_is_better, "%");
  n.stated = Status::exceeded; // a typed status cannot overrule the figures
  CHECK(assess(n) == Status::missed);
}

TEST_CASE("no result or no target: no status, even when one is stated", "[model][indicators]") {
  Indicator next = ind(Quantity{}, num(95));
  CHECK(assess(next) == Status::none);
  next.stated = Status::met;
  CHECK(assess(next) == Status::none);
  CHECK(assess(ind(num(17.6), Quantity{})) == Status::none);
  CHECK(assess(ind(Quantity{}, Quantity{})) == Status::none);
}

TEST_CASE("tally counts met and exceeded of the assessed, across groups", "[model][indicators]") {
  IndicatorGroup economy{"Kinh tế", {}, {}};
  economy.indicators = {
      ind(num(919), num(600)), ind(num(600), num(600)),
      ind(num(4.25), num(2), Comparator::less_than, Direction::lower_is_better, "%"),
      ind(Quantity{}, num(95))}; // next term: not assessed
  IndicatorGroup politics{"Hệ thống chính trị", {}, {}};
  Indicator stated = ind(words("hoàn thành tốt"), words("hoàn thành tốt trở lên"));
  stated.stated = Status::met;
  politics.indicators = {stated, ind(words("a"), words("b"))}; // the second: not stated
  Tally t = tally({economy, politics});
  CHECK(t.assessed == 4);
  CHECK(t.met_or_exceeded == 3);
  CHECK(t.exceeded == 1);
  CHECK(t.met == 2);
  CHECK(t.missed == 1);
  CHECK(tally({}).assessed == 0);
}
