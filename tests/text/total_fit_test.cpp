// The total-fit breaker on paragraphs of made-up word widths.
#include <catch2/catch.hpp>

#include <cmath>

#include "text/total_fit.hpp"

using namespace baocao::text;

namespace {

/// Break options for words of these widths joined by spaces of width `space`.
std::vector<BreakOption> words(const std::vector<double>& widths, double space = 1) {
  std::vector<BreakOption> out;
  out.push_back({});
  double x = 0, spaces = 0;
  int count = 0;
  for (size_t i = 0; i < widths.size(); ++i) {
    x += widths[i];
    BreakOption o;
    o.end_x = x;
    o.space_end = spaces;
    o.spaces_end = count;
    if (i + 1 < widths.size()) {
      x += space;
      spaces += space;
      ++count;
    }
    o.start_x = x;
    o.space_start = spaces;
    o.spaces_start = count;
    out.push_back(o);
  }
  return out;
}

/// Each line's ratio, as a justified paragraph would draw it.
std::vector<double> ratios(const std::vector<BrokenLine>& lines) {
  std::vector<double> out;
  for (const auto& l : lines) out.push_back(l.ratio);
  return out;
}

/// The greedy first fit (what Word and Pango do), for comparison.
std::vector<size_t> greedy_ends(const std::vector<BreakOption>& o, double width) {
  std::vector<size_t> ends;
  size_t from = 0;
  for (size_t k = 1; k < o.size(); ++k) {
    if (o[k].end_x - o[from].start_x > width && k - 1 > from) {
      ends.push_back(k - 1);
      from = k - 1;
    }
  }
  ends.push_back(o.size() - 1);
  return ends;
}

} // namespace

TEST_CASE("total fit evens out lines that a first fit leaves loose", "[text][breaking]") {
  // A first fit ends line 1 with 4 spaces for 4 units short (ratio 3 at
  // stretch 0.5); total fit takes one more word, shrinking, and evens both.
  auto o = words({3, 3, 3, 3, 8, 6, 6, 8, 6, 7, 3, 5});
  TotalFitParams p;
  p.first_width = p.width = 30;
  auto ratio_of = [&](size_t from, size_t to) {
    double natural = o[to].end_x - o[from].start_x;
    double spaces = o[to].space_end - o[from].space_start;
    return natural <= 30 ? (30 - natural) / (spaces * p.stretch)
                         : (30 - natural) / (spaces * p.shrink);
  };
  auto greedy = greedy_ends(o, 30);
  REQUIRE(greedy.size() == 3);
  double greedy_worst = std::max(ratio_of(0, greedy[0]), ratio_of(greedy[0], greedy[1]));
  REQUIRE(greedy_worst == Approx(3));
  auto lines = break_total_fit(o, p);
  double worst = 0;
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    CHECK(lines[i].ratio == Approx(ratio_of(lines[i].from, lines[i].to)));
    worst = std::max(worst, std::fabs(lines[i].ratio));
  }
  INFO("total fit's worst ratio " << worst);
  CHECK(worst <= 1);
}

TEST_CASE("the lines meet end to end and the last one is not stretched", "[text][breaking]") {
  auto o = words({5, 4, 7, 3, 6, 5, 4, 8, 3, 5, 6, 4, 7, 5, 3, 6});
  TotalFitParams p;
  p.first_width = 25; // a first-line indent
  p.width = 30;
  auto lines = break_total_fit(o, p);
  REQUIRE(lines.size() >= 3);
  for (size_t i = 1; i < lines.size(); ++i) CHECK(lines[i].from == lines[i - 1].to);
  CHECK(lines.back().ratio == 0);
  for (size_t i = 0; i + 1 < lines.size(); ++i) {
    const auto& l = lines[i];
    double width = i == 0 ? p.first_width : p.width;
    double natural = o[l.to].end_x - o[l.from].start_x;
    double spaces = o[l.to].space_end - o[l.from].space_start;
    double drawn = natural + spaces * (l.ratio > 0 ? l.ratio * p.stretch : l.ratio * p.shrink);
    CHECK(drawn == Approx(width)); // justified to the measure exactly
    CHECK(l.ratio >= -1);
  }
}

TEST_CASE("a last line of one short word is avoided when another break exists",
          "[text][breaking]") {
  // A first fit leaves the short word "2" alone on the last line; so would
  // the least badness alone. A fuller first line avoids it.
  auto o = words({6, 6, 4, 3, 5, 3, 4, 3, 4, 5, 4, 2});
  TotalFitParams p;
  p.first_width = p.width = 30;
  auto greedy = greedy_ends(o, 30);
  REQUIRE(greedy.size() >= 2);
  size_t greedy_last_from = greedy[greedy.size() - 2];
  REQUIRE(greedy_last_from == o.size() - 2); // the lone short word
  auto lines = break_total_fit(o, p);
  const auto& last = lines.back();
  CHECK(last.to - last.from >= 2);
}

TEST_CASE("a word wider than the measure gets a line of its own", "[text][breaking]") {
  auto o = words({4, 50, 4, 4});
  TotalFitParams p;
  p.first_width = p.width = 20;
  auto lines = break_total_fit(o, p);
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].from == 1);
  CHECK(lines[1].to == 2);
}

TEST_CASE("two very loose lines in a row are avoided", "[text][breaking]") {
  // Long words no break can fit well: by badness alone lines 2 and 3 are
  // both very loose (ratios 7 and 4); the extra demerits put a natural
  // line between them.
  auto o = words({3, 4, 8, 3, 6, 5, 7, 9, 9, 12, 3, 5, 8, 2});
  TotalFitParams p;
  p.first_width = p.width = 30;
  auto lines = break_total_fit(o, p);
  auto r = ratios(lines);
  REQUIRE(r.size() == 4);
  for (size_t i = 1; i + 1 < r.size(); ++i) CHECK_FALSE((r[i] > 1 && r[i - 1] > 1));
  CHECK(r[1] == Approx(0));
}
