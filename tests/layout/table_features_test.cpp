// Table features on the display list: widths, spans, totals, decimal
// alignment, stripes, repeated headers, and text that stays in its cell.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <sstream>

#include "display/display_list.hpp"
#include "support/pipeline.hpp"

using namespace baocao;

namespace {

std::string report(const std::string& table, const std::string& tmpl = "") {
  return "schema: 1\n" + (tmpl.empty() ? std::string() : "template: " + tmpl + "\n") +
         "document:\n  kind: BÁO CÁO\n  place: Phú Thọ\n  date: 2015-08-11\n"
         "  title: Kiểm thử bảng\n  issuer: Đảng ủy Khối các cơ quan tỉnh\n"
         "term: {from: 2010, to: 2015}\nsections:\n  - title: Bảng\n    body:\n      - table:\n" +
         table;
}

const std::string kSpans = "          caption: Tỷ lệ\n"
                           "          total: true\n"
                           "          columns: [Đơn vị, Tỷ lệ (%), Số đảng viên, Ghi chú]\n"
                           "          rows:\n"
                           "            - [Chi bộ A, 14.4, 8000, Tốt]\n"
                           "            - [Chi bộ B, 81.3, 249, {items: [Một, Hai]}]\n"
                           "            - [{text: Chi bộ C, rowspan: 2}, 1.25, 12, x]\n"
                           "            - [2, 1000, y]\n"
                           "            - [{text: Ô gộp ba cột rất dài ở đây, colspan: 3}, z]\n";

std::vector<const display::GlyphRun*> runs(const display::Page& page) {
  std::vector<const display::GlyphRun*> out;
  for (const auto& item : page.items)
    if (const auto* r = std::get_if<display::GlyphRun>(&item)) out.push_back(r);
  return out;
}

const display::GlyphRun* find_run(const display::Page& page, const std::string& text) {
  for (const auto* r : runs(page))
    if (r->text == text) return r;
  return nullptr;
}

/// x of the glyph drawing the byte at `at` of the run's text.
double x_of_byte(const display::GlyphRun& run, size_t at) {
  size_t byte = 0, glyph = 0;
  for (const auto& c : run.clusters) {
    if (at < byte + c.text_bytes) return run.glyphs.at(glyph).x;
    byte += c.text_bytes;
    glyph += c.glyph_count;
  }
  return run.x_end;
}

/// The vertical rules of a page (table cell edges).
std::vector<display::Rule> verticals(const display::Page& page) {
  std::vector<display::Rule> out;
  for (const auto& item : page.items)
    if (const auto* r = std::get_if<display::Rule>(&item); r && r->from.x == r->to.x)
      out.push_back(*r);
  return out;
}

/// Every glyph run below the first rule lies between two vertical rules
/// that cross its baseline: inside its cell.
void check_runs_in_cells(const display::Page& page) {
  auto v = verticals(page);
  if (v.empty()) return;
  double table_top = v.front().from.y;
  for (const auto* r : runs(page)) {
    if (r->baseline < table_top) continue;
    double left = -1e9, right = 1e9;
    bool crossed = false;
    double x0 = r->glyphs.empty() ? r->x_end : r->glyphs.front().x;
    for (const auto& rule : v) {
      if (rule.from.y > r->baseline || rule.to.y < r->baseline) continue;
      crossed = true;
      if (rule.from.x <= x0 + 0.01) left = std::max(left, rule.from.x);
      if (rule.from.x >= x0) right = std::min(right, rule.from.x);
    }
    if (!crossed) continue; // text after the table
    INFO("\"" << r->text << "\" on page " << page.number);
    CHECK(left > -1e9);
    CHECK(r->x_end <= right + 0.01);
    CHECK(x0 >= left - 0.01);
  }
}

} // namespace

TEST_CASE("a table of long unbreakable strings and many columns stays in the text area",
          "[layout][table]") {
  std::string cols = "          columns: [";
  std::string row = "            - [";
  for (int c = 0; c < 9; ++c) {
    cols += std::string(c ? ", " : "") + "Cột" + std::to_string(c);
    row += std::string(c ? ", " : "") + "Từrấtdàikhôngngắtđược" + std::string(10 + c * 4, 'x');
  }
  auto laid = test::lay_out_yaml(report(cols + "]\n          rows:\n" + row + "]\n" + row + "]\n"));
  for (const auto& page : laid->sink.pages()) {
    for (const auto& rule : verticals(page)) {
      CHECK(rule.from.x >= page.text_area.x - 0.01);
      CHECK(rule.from.x <= page.text_area.right() + 0.01);
    }
    for (const auto* r : runs(page)) {
      if (r->baseline < page.text_area.y) continue; // the page number
      CHECK(r->x_end <= page.text_area.right() + 0.01);
    }
    check_runs_in_cells(page);
  }
}

TEST_CASE("no glyph run lies outside its cell, spans, lists and totals included",
          "[layout][table]") {
  auto laid = test::lay_out_yaml(report(kSpans));
  REQUIRE(!laid->sink.pages().empty());
  check_runs_in_cells(laid->sink.pages().front());
}

TEST_CASE("a spanning cell's box covers its columns, with no rule inside it", "[layout][table]") {
  auto laid = test::lay_out_yaml(report(kSpans));
  const auto& page = laid->sink.pages().front();
  const auto* wide = find_run(page, "Ô gộp ba cột rất dài ở đây");
  REQUIRE(wide);
  const auto* z = find_run(page, "z");
  REQUIRE(z);
  // Column edges, from the header row's rules.
  const auto* unit = find_run(page, "Đơn vị");
  REQUIRE(unit);
  std::set<double> edges;
  for (const auto& rule : verticals(page))
    if (rule.from.y < unit->baseline && rule.to.y > unit->baseline) edges.insert(rule.from.x);
  REQUIRE(edges.size() == 5);
  std::vector<double> e(edges.begin(), edges.end());
  // The text is laid in the three columns' width, on one line, wider than the first column.
  CHECK(wide->x_end - wide->glyphs.front().x > e[1] - e[0]);
  CHECK(wide->x_end <= e[3]);
  // Within its row, the only vertical rules are the table's left edge, the span's right edge
  // and the table's right edge.
  std::set<double> in_row;
  for (const auto& rule : verticals(page))
    if (rule.from.y < wide->baseline && rule.to.y > wide->baseline) in_row.insert(rule.from.x);
  CHECK(in_row == std::set<double>{e[0], e[3], e[4]});
  CHECK(z->glyphs.front().x > e[3]);
  // The rowspan cell: no horizontal rule crosses it between its two rows.
  const auto* c = find_run(page, "Chi bộ C");
  const auto* two = find_run(page, "2");
  REQUIRE(c);
  REQUIRE(two);
  for (const auto& item : page.items) {
    const auto* rule = std::get_if<display::Rule>(&item);
    if (!rule || rule->from.y != rule->to.y) continue;
    bool between = rule->from.y > c->baseline && rule->from.y < two->baseline;
    if (between) CHECK(rule->from.x >= e[1] - 0.01);
  }
}

TEST_CASE("the total row sums numeric columns the Vietnamese way, without float noise",
          "[layout][table]") {
  auto laid = test::lay_out_yaml(
      report("          total: true\n          columns: [Đơn vị, Tỷ lệ, Số]\n          rows:\n"
             "            - [A, 14.4, 8000]\n            - [B, 81.3, 249]\n"));
  const auto& page = laid->sink.pages().front();
  const auto* label = find_run(page, "Tổng cộng");
  const auto* rate = find_run(page, "95,7");
  const auto* count = find_run(page, "8.249");
  REQUIRE(label);
  REQUIRE(rate);
  REQUIRE(count);
  CHECK(rate->baseline == label->baseline);
  CHECK(count->baseline == label->baseline);
  CHECK(count->font_file.find("Bold") != std::string::npos);
  CHECK(label->baseline > find_run(page, "8.000")->baseline);
  // A label of the table's own replaces the template's.
  auto state = test::lay_out_yaml(report(
      "          total: {label: Toàn Khối}\n          columns: [Đơn vị, Số]\n          rows:\n"
      "            - [A, 1.5]\n            - [B, 2.25]\n"));
  CHECK(find_run(state->sink.pages().front(), "Toàn Khối"));
  CHECK(find_run(state->sink.pages().front(), "3,75"));
  // Only the columns named add up: a growth rate is not summed.
  auto chosen = test::lay_out_yaml(
      report("          total: {columns: [\"2024\"]}\n"
             "          columns: [Mảng, \"2024\", Tăng trưởng (%)]\n          rows:\n"
             "            - [A, 165.3, 16.4]\n            - [B, 96.8, 41.3]\n"));
  const auto& cp = chosen->sink.pages().front();
  const auto* sum = find_run(cp, "262,1");
  REQUIRE(sum);
  CHECK(find_run(cp, "Tổng cộng"));
  CHECK_FALSE(find_run(cp, "57,7"));
  for (const auto* r : runs(cp)) CHECK_FALSE((r->baseline == sum->baseline && r != sum &&
                                              r->text.find_first_of("0123456789") == 0));
}

TEST_CASE("decimal alignment puts a column's separators at the same x", "[layout][table]") {
  auto laid = test::lay_out_yaml(report(kSpans));
  const auto& page = laid->sink.pages().front();
  std::vector<double> commas;
  for (const char* t : {"14,4", "81,3", "1,25", "98,95"}) {
    const auto* r = find_run(page, t);
    INFO(t);
    REQUIRE(r);
    commas.push_back(x_of_byte(*r, std::string(t).find(',')));
  }
  for (double x : commas) CHECK(x == Approx(commas.front()).margin(0.01));
  // The whole number 2 ends where the others' separators stand.
  const auto* two = find_run(page, "2");
  REQUIRE(two);
  CHECK(two->x_end == Approx(commas.front()).margin(0.01));
}

TEST_CASE("zebra stripes fill every second body row", "[layout][table]") {
  auto laid = test::lay_out_yaml(
      report("          zebra: true\n          columns: [A, B]\n          rows:\n"
             "            - [r0, 1]\n            - [r1, 2]\n            - [r2, 3]\n"
             "            - [r3, 4]\n"));
  const auto& page = laid->sink.pages().front();
  std::vector<double> striped;
  for (const auto& item : page.items) {
    const auto* box = std::get_if<display::Box>(&item);
    if (box && box->fill && box->fill_color.r > 0.93) striped.push_back(box->rect.y);
  }
  // Two cells in each of rows 1 and 3.
  REQUIRE(striped.size() == 4);
  auto row_top = [&](const char* t) {
    const auto* r = find_run(page, t);
    REQUIRE(r);
    return r->baseline;
  };
  for (double y : striped) {
    bool r1 = y < row_top("r1") && y > row_top("r0");
    bool r3 = y < row_top("r3") && y > row_top("r2");
    CHECK((r1 || r3));
  }
}

TEST_CASE("a long table with a total repeats its header after every break, the total once",
          "[layout][table]") {
  std::ostringstream t;
  t << "          caption: Dài\n          total: true\n          columns: [Dòng, Số]\n"
       "          rows:\n";
  for (int i = 1; i <= 200; ++i) t << "            - [\"Dòng " << i << "\", " << i << "]\n";
  auto laid = test::lay_out_yaml(report(t.str()));
  const auto& pages = laid->sink.pages();
  REQUIRE(pages.size() >= 3);
  int totals = 0;
  for (const auto& page : pages) {
    std::string text = test::page_text(page);
    INFO("page " << page.number);
    CHECK(text.find("Số\n") != std::string::npos);
    if (text.find("Tổng cộng") != std::string::npos) {
      ++totals;
      CHECK(&page == &pages.back());
      CHECK(text.find("Dòng 200\n") != std::string::npos); // kept with the last row
      CHECK(text.find("20.100") != std::string::npos);
    }
  }
  CHECK(totals == 1);
  CHECK(test::page_text(pages.front()).find("Bảng 1: Dài") != std::string::npos);
}

TEST_CASE("a row taller than a page inside a rowspan group splits between lines, nothing lost",
          "[layout][table]") {
  std::string long_cell;
  for (int i = 1; i <= 1500; ++i) long_cell += "từ" + std::to_string(i) + " ";
  auto laid = test::lay_out_yaml(report("          columns: [Đơn vị, Nội dung]\n"
                                        "          rows:\n"
                                        "            - [{text: Chi bộ gộp, rowspan: 2}, Mở đầu]\n"
                                        "            - [\"" +
                                        long_cell +
                                        "\"]\n"
                                        "            - [Chi bộ sau, Kết thúc]\n"));
  const auto& pages = laid->sink.pages();
  REQUIRE(pages.size() >= 2);
  std::string all;
  for (const auto& page : pages) {
    all += test::page_text(page);
    for (const auto& item : page.items) {
      if (const auto* run = std::get_if<display::GlyphRun>(&item);
          run && run->baseline > page.text_area.y) {
        CHECK(display::run_bounds(*run).bottom() <= page.text_area.bottom() + 0.01);
      }
    }
  }
  // Every word once, in order, and the rows around it.
  size_t at = 0;
  for (int i = 1; i <= 1500; ++i) {
    std::string word = "từ" + std::to_string(i) + " ";
    size_t found = all.find(word, at);
    REQUIRE(found != std::string::npos);
    CHECK(all.find(word, found + 1) == std::string::npos);
    at = found;
  }
  CHECK(all.find("gộp") != std::string::npos); // "Chi bộ gộp", maybe wrapped
  CHECK(all.find("Mở đầu") != std::string::npos);
  CHECK(all.find("Kết thúc") > at);
}

TEST_CASE("a centred header's words are measured whole: a narrow column never breaks them",
          "[layout][table]") {
  std::string long_cell;
  for (int i = 1; i <= 300; ++i) long_cell += "từ" + std::to_string(i) + " ";
  auto laid = test::lay_out_yaml(report("          columns: [Đơn vị, Nội dung]\n"
                                        "          rows:\n"
                                        "            - [Chi, \"" +
                                        long_cell + "\"]\n"));
  const auto& page = laid->sink.pages().front();
  // The header style is centred and bold; "Đơn" must come out on one line.
  bool whole = false;
  for (const auto* run : runs(page)) {
    CHECK(run->text != "Đơ");
    if (run->text.rfind("Đơn", 0) == 0) whole = true;
  }
  CHECK(whole);
}
