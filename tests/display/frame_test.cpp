// Frames: laid-out pieces with items relative to their origin, moved into
// place by one translate.
#include <catch2/catch.hpp>

#include "display/display_list.hpp"

using namespace baocao;

namespace {

display::GlyphRun run_at(double x, double baseline) {
  display::GlyphRun r;
  r.glyphs = {{1, x, baseline}, {2, x + 5, baseline}};
  r.baseline = baseline;
  r.x_end = x + 10;
  return r;
}

} // namespace

TEST_CASE("translate moves every kind of item by the same amount", "[display]") {
  std::vector<display::Item> items{
      run_at(1, 2), display::Rule{{1, 2}, {3, 4}, 0.5, {}},
      display::Box{{1, 2, 3, 4}, true, {}, false, {}, 0.5},
      display::Link{{1, 2, 3, 4}, "https://example.org"},
      display::Image{"seal.png", {1, 2, 3, 4}, core::ImageFormat::png}};
  for (auto& item : items) display::translate(item, 10, 20);
  const auto& r = std::get<display::GlyphRun>(items[0]);
  CHECK(r.glyphs[0].x == 11);
  CHECK(r.glyphs[1].x == 16);
  CHECK(r.glyphs[0].y == 22);
  CHECK(r.baseline == 22);
  CHECK(r.x_end == 21);
  const auto& rule = std::get<display::Rule>(items[1]);
  CHECK(rule.from.x == 11);
  CHECK(rule.from.y == 22);
  CHECK(rule.to.x == 13);
  CHECK(rule.to.y == 24);
  CHECK(std::get<display::Box>(items[2]).rect.x == 11);
  CHECK(std::get<display::Box>(items[2]).rect.y == 22);
  CHECK(std::get<display::Box>(items[2]).rect.width == 3); // sizes stay
  CHECK(std::get<display::Link>(items[3]).area.y == 22);
  CHECK(std::get<display::Image>(items[4]).rect.x == 11);
  CHECK(std::get<display::Image>(items[4]).rect.height == 4);
}

TEST_CASE("a frame nested in a frame and put on a page lands at the sum of its offsets",
          "[display]") {
  display::Frame inner;
  inner.size = {50, 30};
  inner.add(display::Box{{0, 0, 50, 30}, true, {}, false, {}, 0.5});
  inner.outline.push_back({"Heading", 1, 0});

  display::Frame outer;
  outer.add(run_at(0, 12));
  outer.add(std::move(inner), {5, 40});
  REQUIRE(outer.items.size() == 2);
  REQUIRE(outer.outline.size() == 1);
  CHECK(outer.outline[0].y == 40);

  display::Page page;
  page.items.push_back(display::Rule{}); // what the page already holds stays first
  display::put(page, std::move(outer), {0, 100});
  REQUIRE(page.items.size() == 3);
  CHECK(std::get<display::GlyphRun>(page.items[1]).baseline == 112);
  const auto& box = std::get<display::Box>(page.items[2]).rect;
  CHECK(box.x == 5);
  CHECK(box.y == 140);
  REQUIRE(page.outline.size() == 1);
  CHECK(page.outline[0].title == "Heading");
  CHECK(page.outline[0].y == 140);
}
