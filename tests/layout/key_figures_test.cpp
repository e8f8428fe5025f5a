// Key-figure grids on the display list: cards per row, shared heights, the
// computed target wording, and rows kept whole across pages.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include "display/display_list.hpp"
#include "layout/key_figures.hpp"
#include "support/pipeline.hpp"

using namespace baocao;

namespace {

const std::string kHead = "schema: 1\n"
                          "document: {kind: BÁO CÁO, place: Phú Thọ, date: 2015-08-11, title: T, "
                          "issuer: Đảng ủy Khối}\n"
                          "term: {from: 2010, to: 2015}\n"
                          "figures:\n"
                          "  - {id: a, label: Đảng viên mới, value: 919, unit: đảng viên, "
                          "target: 600, note: Chỉ tiêu Đại hội}\n"
                          "  - {id: b, label: Tỷ lệ, value: 98, unit: '%', target: 100}\n"
                          "  - {id: c, label: Cơ sở, value: 59, unit: cơ sở}\n"
                          "  - {id: d, label: Kinh phí, value: 1234.5, unit: triệu đồng}\n"
                          "  - {id: e, label: Đoàn thể, value: 3}\n";

std::string report(const std::string& block, int filler = 0) {
  std::ostringstream y;
  y << kHead << "sections:\n  - title: Số liệu\n    body:\n";
  for (int i = 0; i < filler; ++i) y << "      - Đoạn văn thứ " << i + 1 << " để đẩy lưới xuống.\n";
  y << "      - " << block << "\n";
  return y.str();
}

std::vector<display::Box> boxes(const display::Page& page) {
  std::vector<display::Box> out;
  for (const auto& item : page.items) {
    if (const auto* b = std::get_if<display::Box>(&item)) out.push_back(*b);
  }
  return out;
}

/// The run with exactly this text, or nullptr.
const display::GlyphRun* find_run(const display::Page& page, const std::string& text) {
  for (const auto& item : page.items) {
    if (const auto* r = std::get_if<display::GlyphRun>(&item); r && r->text == text) return r;
  }
  return nullptr;
}

bool page_has_prefix(const display::Page& page, const std::string& prefix) {
  for (const auto& item : page.items) {
    if (const auto* r = std::get_if<display::GlyphRun>(&item); r && r->text.rfind(prefix, 0) == 0)
      return true;
  }
  return false;
}

bool inside(const display::GlyphRun& r, const core::Rect& box) {
  double y = r.glyphs.front().y;
  return r.glyphs.front().x >= box.x && r.x_end <= box.right() && y > box.y && y < box.bottom();
}

} // namespace

TEST_CASE("grid: N cards a row, equal widths, a row's cards share a height", "[layout][figures]") {
  auto laid = test::lay_out_yaml(report("figures: {ids: [a, b, c, d, e], as: grid, columns: 3}"));
  const auto& page = laid->sink.pages().at(0);
  auto b = boxes(page);
  REQUIRE(b.size() == 5);
  // Row 1: a, b, c side by side; row 2: d, e under a and b.
  for (int i : {1, 2}) {
    CHECK(b[i].rect.y == Approx(b[0].rect.y));
    CHECK(b[i].rect.height == Approx(b[0].rect.height));
    CHECK(b[i].rect.x > b[i - 1].rect.right());
  }
  CHECK(b[3].rect.y > b[0].rect.bottom());
  CHECK(b[4].rect.y == Approx(b[3].rect.y));
  CHECK(b[4].rect.height == Approx(b[3].rect.height));
  CHECK(b[3].rect.x == Approx(b[0].rect.x));
  CHECK(b[4].rect.x == Approx(b[1].rect.x));
  for (const auto& box : b) CHECK(box.rect.width == Approx(b[0].rect.width));
  // Three cards and two gaps fill the text width.
  CHECK(b[2].rect.right() == Approx(page.text_area.right()));
  CHECK(b[0].rect.x == Approx(page.text_area.x));
  // Card a has the most lines (target wording, target, note): row 1 is taller than row 2.
  CHECK(b[0].rect.height > b[3].rect.height + 20);

  // Each card's texts lie inside its own box.
  auto in = [&](const std::string& text, int card) {
    const auto* r = find_run(page, text);
    INFO(text);
    REQUIRE(r);
    CHECK(inside(*r, b[card].rect));
  };
  in("919", 0);
  in("đảng viên", 0);
  in("Đảng viên mới", 0);
  in("vượt 53% so với chỉ tiêu", 0); // 919 / 600 = 153.2%
  in("Chỉ tiêu: 600", 0);
  in("Chỉ tiêu Đại hội", 0);
  in("98%", 1);
  in("đạt 98% chỉ tiêu", 1);
  in("Chỉ tiêu: 100%", 1);
  in("59", 2);
  in("1.234,5", 3); // Vietnamese separators
  in("triệu đồng", 3);
  in("3", 4);
}

TEST_CASE("the value is the large bold text of a card", "[layout][figures]") {
  auto laid = test::lay_out_yaml(report("figures: {ids: [a], as: grid}"));
  const auto& page = laid->sink.pages().at(0);
  const auto* value = find_run(page, "919");
  const auto* label = find_run(page, "Đảng viên mới");
  REQUIRE(value);
  REQUIRE(label);
  auto style = test::builtin_template("dang");
  CHECK(value->size == Approx(style.key_figures.value_text.size));
  CHECK(value->font_file.find("Bold") != std::string::npos);
  CHECK(value->glyphs.front().y < label->glyphs.front().y);
  CHECK(boxes(page).at(0).rect.width ==
        Approx((page.text_area.width - 2 * style.key_figures.gap) / 3));
}

TEST_CASE("card lines: target wording and target computed, never typed", "[layout][figures]") {
  auto style = test::builtin_template("dang");
  model::Figure f;
  f.label = "Kết nạp";
  f.value = 919;
  f.unit = "đảng viên";
  f.target = 600;
  auto lines = layout::card_lines(f, style);
  std::vector<std::string> texts;
  for (const auto& l : lines) texts.push_back(l.text);
  CHECK(texts == std::vector<std::string>{"919", "đảng viên", "Kết nạp", "vượt 53% so với chỉ tiêu",
                                          "Chỉ tiêu: 600"});
  f.value = 98;
  f.target = 100;
  f.unit = "";
  texts.clear();
  for (const auto& l : layout::card_lines(f, style)) texts.push_back(l.text);
  CHECK(texts == std::vector<std::string>{"98", "Kết nạp", "đạt 98% chỉ tiêu", "Chỉ tiêu: 100"});
  // 100.4% rounds to 100: reached, not exceeded.
  f.value = 100.4;
  CHECK(layout::card_lines(f, style).at(2).text == "đạt 100% chỉ tiêu");
  f.value = 100.5;
  CHECK(layout::card_lines(f, style).at(2).text == "vượt 1% so với chỉ tiêu");
}

TEST_CASE("a grid row never splits across pages", "[layout][figures]") {
  // Push the grid down one paragraph at a time: wherever a row falls, its
  // cards stay whole inside one page's text area, and some row had to move.
  bool moved = false;
  for (int filler = 10; filler <= 40; ++filler) {
    auto laid =
        test::lay_out_yaml(report("figures: {ids: [a, b, c, d], as: grid, columns: 2}", filler));
    INFO("filler " << filler);
    size_t cards = 0;
    for (const auto& page : laid->sink.pages()) {
      auto b = boxes(page);
      cards += b.size();
      for (const auto& box : b) {
        CHECK(box.rect.y >= page.text_area.y - 0.01);
        CHECK(box.rect.bottom() <= page.text_area.bottom() + 0.01);
        if (box.rect.y <= page.text_area.y + 0.01) moved = true;
      }
      // Both cards of a row on the same page.
      CHECK(b.size() % 2 == 0);
    }
    CHECK(cards == 4);
  }
  CHECK(moved);
}

TEST_CASE("figures as a table when asked or by the template's default", "[layout][figures]") {
  auto table = test::lay_out_yaml(report("figures: [a, b]"));
  const auto& page = table->sink.pages().at(0);
  CHECK(find_run(page, "So với chỉ tiêu")); // the table's column title
  CHECK(page_has_prefix(page, "vượt 53%")); // the cell may wrap after it
  CHECK(find_run(page, "919 đảng viên"));
  auto asked = test::lay_out_yaml(report("figures: {ids: [a, b], as: table}"));
  CHECK(find_run(asked->sink.pages().at(0), "919 đảng viên"));
  // No cards: the only boxes are the header row's fills, all on one row.
  auto fills = boxes(asked->sink.pages().at(0));
  REQUIRE(!fills.empty());
  for (const auto& b : fills) CHECK(b.rect.y == fills.front().rect.y);
}
