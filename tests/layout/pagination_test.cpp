#include <catch2/catch.hpp>

#include <cmath>
#include <sstream>

#include "display/display_list.hpp"
#include "layout/lines.hpp"
#include "layout/table.hpp"
#include "layout/text_block.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;

namespace {

const test::LaidOut& example() {
  static auto laid =
      test::lay_out_yaml(test::read_file(test::example_path()), test::example_path().string());
  return *laid;
}

std::string table_report(int rows) {
  std::ostringstream y;
  y << "schema: 1\ndocument:\n  kind: BÁO CÁO\n  place: Phú Thọ\n  date: 2015-08-11\n"
       "  title: Kiểm thử bảng dài\n  issuer: Đảng ủy Khối các cơ quan tỉnh\n"
       "term: {from: 2010, to: 2015}\nsections:\n  - title: Bảng\n    body:\n"
       "      - table:\n          caption: Kết quả bồi dưỡng\n          columns:\n"
       "            - {title: Nội dung, width: 60%}\n            - {title: Số lớp}\n"
       "            - {title: Số học viên}\n          rows:\n";
  for (int i = 1; i <= rows; ++i)
    y << "            - [\"Dòng " << i << "\", " << i << ", " << i * 1000 << "]\n";
  return y.str();
}

bool inside(const core::Rect& inner, const core::Rect& outer) {
  const double eps = 0.01;
  return inner.x >= outer.x - eps && inner.y >= outer.y - eps &&
         inner.right() <= outer.right() + eps && inner.bottom() <= outer.bottom() + eps;
}

} // namespace

TEST_CASE("pages come numbered 1..n, A4, with the template's margins", "[layout]") {
  const auto& pages = example().sink.pages();
  REQUIRE(pages.size() >= 3);
  for (size_t i = 0; i < pages.size(); ++i) {
    CHECK(pages[i].number == static_cast<int>(i + 1));
    CHECK(pages[i].size.width == Approx(595.28).margin(0.1));
    CHECK(pages[i].size.height == Approx(841.89).margin(0.1));
    CHECK(pages[i].text_area.x == Approx(core::mm(30)));
    CHECK(pages[i].text_area.y == Approx(core::mm(20)));
    CHECK(pages[i].text_area.right() == Approx(595.28 - core::mm(15)).margin(0.1));
    CHECK(pages[i].text_area.bottom() == Approx(841.89 - core::mm(20)).margin(0.1));
  }
}

TEST_CASE("no glyph run lies outside the text area except the page number", "[layout]") {
  for (const auto& page : example().sink.pages()) {
    int outside = 0;
    for (const auto& item : page.items) {
      const auto* run = std::get_if<display::GlyphRun>(&item);
      if (!run) continue;
      auto box = display::run_bounds(*run);
      if (inside(box, page.text_area)) continue;
      ++outside;
      INFO("page " << page.number << ": \"" << run->text << "\" at y " << run->baseline);
      // Only the page number may stand outside: in the top margin, centred.
      CHECK(run->text == std::to_string(page.number));
      CHECK(box.bottom() < page.text_area.y);
      double centre = (run->glyphs.front().x + run->x_end) / 2;
      CHECK(centre == Approx(page.text_area.x + page.text_area.width / 2).margin(0.5));
    }
    CHECK(outside == (page.number == 1 ? 0 : 1));
  }
}

TEST_CASE("a heading never ends a page: at least two lines follow it", "[layout]") {
  int headings = 0;
  for (const auto& page : example().sink.pages()) {
    for (const auto& entry : page.outline) {
      ++headings;
      double last = 0;
      for (const auto& item : page.items) {
        if (const auto* run = std::get_if<display::GlyphRun>(&item))
          last = std::max(last, run->baseline);
      }
      INFO("page " << page.number << ": " << entry.title);
      CHECK(last > entry.y + 2 * 14 * 1.3);
    }
  }
  CHECK(headings >= 10);
}

TEST_CASE("a table that crosses pages repeats its header and never splits a row",
          "[layout][table]") {
  auto laid = test::lay_out_yaml(table_report(150));
  const auto& pages = laid->sink.pages();
  REQUIRE(pages.size() >= 3);
  int rows_seen = 0;
  for (const auto& page : pages) {
    std::string text = test::page_text(page);
    if (text.find("Dòng ") == std::string::npos) continue;
    INFO("page " << page.number);
    CHECK(text.find("Số học viên\n") != std::string::npos);
    CHECK(text.find("Nội dung\n") != std::string::npos);
    // Every row on the page is whole: its label, class count and learners together.
    for (int i = 1; i <= 150; ++i) {
      if (text.find("Dòng " + std::to_string(i) + "\n") == std::string::npos) continue;
      ++rows_seen;
      std::string learners = std::to_string(i * 1000);
      learners.insert(learners.size() - 3, ".");
      CHECK(text.find("\n" + learners + "\n") != std::string::npos);
    }
  }
  CHECK(rows_seen == 150);
}

TEST_CASE("numbers in table cells are right-aligned", "[layout][table]") {
  // 1.000 and 12.000 differ in width: only right alignment ends them level,
  // at the column's right edge less the cell padding.
  auto laid = test::lay_out_yaml(table_report(12));
  const auto& page = laid->sink.pages().front();
  const display::GlyphRun *short_number = nullptr, *long_number = nullptr;
  double table_right = 0;
  for (const auto& item : page.items) {
    if (const auto* rule = std::get_if<display::Rule>(&item))
      table_right = std::max(table_right, rule->from.x);
    const auto* run = std::get_if<display::GlyphRun>(&item);
    if (run && run->text == "1.000") short_number = run;
    if (run && run->text == "12.000") long_number = run;
  }
  REQUIRE(short_number);
  REQUIRE(long_number);
  CHECK(short_number->glyphs.front().x > long_number->glyphs.front().x + 1);
  CHECK(short_number->x_end == Approx(long_number->x_end).margin(0.01));
  CHECK(long_number->x_end == Approx(table_right - core::mm(1.5)).margin(0.01));
}

TEST_CASE("a row taller than a page splits, every cell continuing, no text lost",
          "[layout][table]") {
  std::string long_cell;
  for (int i = 1; i <= 400; ++i) long_cell += "từ" + std::to_string(i) + " ";
  std::string yaml = "schema: 1\ndocument:\n  kind: BÁO CÁO\n  place: Phú Thọ\n  date: 2015-08-11\n"
                     "  title: Hàng rất cao\n  issuer: Đảng ủy Khối\nterm: {from: 2010, to: 2015}\n"
                     "sections:\n  - title: Bảng\n    body:\n      - table:\n          columns: "
                     "[Nội dung, Ghi chú]\n"
                     "          rows:\n            - [\"" +
                     long_cell + "\", \"" + long_cell + "\"]\n";
  auto laid = test::lay_out_yaml(yaml);
  const auto& pages = laid->sink.pages();
  REQUIRE(pages.size() >= 2);
  // Each word appears exactly twice (once per cell), in order, across the pages.
  std::string all;
  for (const auto& page : pages) {
    all += test::page_text(page);
    if (&page != &pages.front())
      CHECK(test::page_text(page).find("Nội dung\n") != std::string::npos);
  }
  for (int i = 1; i <= 400; ++i) {
    std::string word = "từ" + std::to_string(i) + " ";
    size_t first = all.find(word);
    REQUIRE(first != std::string::npos);
    size_t second = all.find(word, first + 1);
    REQUIRE(second != std::string::npos);
    CHECK(all.find(word, second + 1) == std::string::npos);
  }
  for (const auto& page : pages) {
    for (const auto& item : page.items) {
      if (const auto* run = std::get_if<display::GlyphRun>(&item);
          run && run->baseline > page.text_area.y) {
        CHECK(display::run_bounds(*run).bottom() <= page.text_area.bottom() + 0.01);
      }
    }
  }
}

TEST_CASE("a block pushed whole to the next page takes its bookmark along", "[layout]") {
  // Two lines, room for one, not at a page's top: no orphan, so nothing is
  // placed here, and the bookmark must not be either (it used to be left on
  // the page before the heading's text).
  auto style = test::builtin_template("dang");
  const auto& fonts = test::bundled_fonts();
  layout::Context ctx{style, fonts, 0, 120, 700};
  layout::TextBlock block(style.headings[0].text,
                          {{"XYZ kết quả lãnh đạo thực hiện nhiệm vụ chính trị", false, false}}, 0,
                          120);
  block.set_outline("XYZ", 1);
  block.measure(ctx);
  double pitch = layout::line_pitch(style.headings[0].text);
  REQUIRE(block.height() >= 2 * pitch);
  layout::Region foot{0, 120, 1.5 * pitch, 700, false, 0};
  auto here = block.place(foot, {});
  CHECK(here.frame.items.empty());
  CHECK(here.frame.outline.empty());
  REQUIRE(here.rest);
  CHECK(!here.rest->begun);
  layout::Region top{0, 120, 700, 700, true, 0};
  auto next = block.place(top, *here.rest);
  REQUIRE(next.frame.outline.size() == 1);
  CHECK(next.frame.outline.front().title == "XYZ");
  CHECK(!next.frame.items.empty());
}

TEST_CASE("a paragraph's first piece is what place() would leave at a page's foot", "[layout]") {
  // A heading keeps with the first piece of what follows; if that piece
  // were smaller than what the paragraph may leave on a page, the heading
  // would be placed and the paragraph pushed: a heading ending a page.
  auto style = test::builtin_template("dang");
  const auto& fonts = test::bundled_fonts();
  const double width = 200;
  layout::Context ctx{style, fonts, 0, width, 700};
  double pitch = layout::line_pitch(style.body);
  for (int words : {3, 5, 7, 9, 11, 40}) {
    std::string text;
    for (int i = 0; i < words; ++i) text += "nhiệm vụ ";
    layout::TextBlock block(style.body, {{text, false, false}}, 0, width);
    block.measure(ctx);
    size_t lines = static_cast<size_t>(std::lround(block.height() / pitch));
    INFO(words << " words, " << lines << " lines");
    // Offer exactly the first piece at a page's foot: place() must fill it.
    layout::Region foot{0, width, block.first_piece() + 0.01, 700, false, 0};
    auto here = block.place(foot, {});
    CHECK(here.frame.size.height == Approx(block.first_piece()));
    // One line less than the first piece: nothing is placed.
    layout::Region less{0, width, block.first_piece() - pitch + 0.01, 700, false, 0};
    if (block.first_piece() > pitch) CHECK(block.place(less, {}).frame.items.empty());
  }
}

namespace {
/// Each glyph run's text and baseline in a frame, top to bottom.
std::vector<std::pair<std::string, double>> runs_of(const display::Frame& f) {
  std::vector<std::pair<std::string, double>> out;
  for (const auto& item : f.items) {
    if (const auto* r = std::get_if<display::GlyphRun>(&item))
      out.emplace_back(r->text, r->baseline);
  }
  return out;
}
} // namespace

TEST_CASE("a table row kept with the next never ends a page", "[layout][table]") {
  // "Nhóm" is a group's title row: where the page has room for it but not
  // for the row after it, both go to the next page.
  auto style = test::builtin_template("dang");
  const auto& fonts = test::bundled_fonts();
  layout::Context ctx{style, fonts, 0, 300, 700};
  auto make = [](bool keep) {
    layout::TableSpec spec;
    layout::TableSpec::Column c;
    c.title = {{"Nội dung", false, false}};
    spec.columns = {c};
    // Rows after "Nhóm" so that the table's widow rule (the last row never
    // alone) has no say here.
    for (const char* r : {"Một", "Hai", "Nhóm", "Ba", "Bốn", "Năm"}) {
      spec.rows.push_back({{{r, false, false}}});
    }
    if (keep) spec.keep_with_next = {2};
    return layout::make_table(std::move(spec));
  };
  auto whole = make(false);
  whole->measure(ctx);
  auto all = runs_of(whole->place(layout::Region{0, 300, 700, 700, true, 0}, {}).frame);
  REQUIRE(all.size() == 7);
  REQUIRE(all[3].first == "Nhóm");
  // Room down to just below "Nhóm", not to "Ba".
  double room = (all[3].second + all[4].second) / 2 + 2;
  for (bool keep : {false, true}) {
    auto table = make(keep);
    table->measure(ctx);
    auto here = table->place(layout::Region{0, 300, room, 700, true, 0}, {});
    auto texts = runs_of(here.frame);
    INFO("keep " << keep);
    REQUIRE(here.rest);
    CHECK(texts.back().first == (keep ? "Hai" : "Nhóm"));
    auto next = runs_of(table->place(layout::Region{0, 300, 700, 700, true, 0}, *here.rest).frame);
    REQUIRE(next.size() >= 2);
    CHECK(next[1].first == (keep ? "Nhóm" : "Ba")); // after the repeated header
  }
}

namespace {
/// A one-column table of `n` rows "Dòng 1".. measured for a 700 pt page.
std::unique_ptr<layout::Element> rows_table(const layout::Context& ctx, int n) {
  layout::TableSpec spec;
  layout::TableSpec::Column c;
  c.title = {{"Nội dung", false, false}};
  spec.columns = {c};
  for (int i = 1; i <= n; ++i) spec.rows.push_back({{{"Dòng " + std::to_string(i), false, false}}});
  auto t = layout::make_table(std::move(spec));
  t->measure(ctx);
  return t;
}

/// How many body rows a region of `room` points (not a page's top) takes.
int rows_placed(layout::Element& t, double room, const layout::Resume& from = {}) {
  auto here = t.place(layout::Region{0, 300, room, 700, false, 0}, from);
  int rows = 0;
  for (const auto& [text, y] : runs_of(here.frame)) rows += text.rfind("Dòng ", 0) == 0;
  return rows;
}
} // namespace

TEST_CASE("a table keeps two rows on each side of a page break", "[layout][table]") {
  auto style = test::builtin_template("dang");
  layout::Context ctx{style, test::bundled_fonts(), 0, 300, 700};
  auto probe = rows_table(ctx, 40);
  auto all = runs_of(probe->place(layout::Region{0, 300, 700, 700, true, 0}, {}).frame);
  REQUIRE(all.size() > 30);
  const double pitch = all[2].second - all[1].second; // one body row
  const double header = all[1].second;                // down to the first row's baseline
  auto room_for = [&](int rows) { return header + (rows - 1) * pitch + pitch / 2; };

  // Orphan: room for one row of a long table: nothing here.
  auto t = rows_table(ctx, 40);
  CHECK(rows_placed(*t, room_for(1)) == 0);
  CHECK(rows_placed(*t, room_for(2)) == 2);
  // Widow: room for 5 of 6 rows (a third of the page or more): 4 here, 2 there.
  t = rows_table(ctx, 6);
  REQUIRE(room_for(5) < 700.0 / 3); // a short table: the fit-whole rule decides first
  CHECK(rows_placed(*t, room_for(5)) == 0);
  t = rows_table(ctx, 30);
  double room = header + 28 * pitch + pitch / 2; // 29 of 30 rows would fit
  REQUIRE(room >= 700.0 / 3);
  auto here = t->place(layout::Region{0, 300, room, 700, false, 0}, {});
  int first = 0;
  for (const auto& [text, y] : runs_of(here.frame)) first += text.rfind("Dòng ", 0) == 0;
  CHECK(first == 28);
  REQUIRE(here.rest);
  auto next = runs_of(t->place(layout::Region{0, 300, 700, 700, true, 0}, *here.rest).frame);
  CHECK(next.size() == 3); // the header and the last two rows
}

TEST_CASE("a table that fits a page moves whole rather than leave a short page",
          "[layout][table]") {
  auto style = test::builtin_template("dang");
  layout::Context ctx{style, test::bundled_fonts(), 0, 300, 700};
  auto t = rows_table(ctx, 20); // about 400 pt: fits a 700 pt page
  auto whole = runs_of(t->place(layout::Region{0, 300, 700, 700, true, 0}, {}).frame);
  REQUIRE(whole.size() == 21);
  REQUIRE(whole.back().second < 700);
  // Less than a third of the page left: the table waits for the next page.
  t = rows_table(ctx, 20);
  CHECK(rows_placed(*t, 700.0 / 3 - 1) == 0);
  // A third or more: it starts here, and goes on over the page.
  t = rows_table(ctx, 20);
  int here = rows_placed(*t, 700.0 / 3 + 1);
  CHECK(here >= 2);
  CHECK(here < 20);
}

TEST_CASE("a table starting at a page's foot with a group title takes two rows after it",
          "[layout][table]") {
  // Sơn Lang's targets table began at page 1's foot with "I Kinh tế" and a
  // single target under it.
  auto style = test::builtin_template("dang");
  layout::Context ctx{style, test::bundled_fonts(), 0, 300, 700};
  auto make = [&] {
    layout::TableSpec spec;
    layout::TableSpec::Column c;
    c.title = {{"Nội dung", false, false}};
    spec.columns = {c};
    spec.rows.push_back({{{"Nhóm", false, false}}});
    for (int i = 1; i <= 60; ++i) // longer than a page: it may split
      spec.rows.push_back({{{"Dòng " + std::to_string(i), false, false}}});
    spec.keep_with_next = {0};
    auto t = layout::make_table(std::move(spec));
    t->measure(ctx);
    return t;
  };
  auto probe = make();
  auto all = runs_of(probe->place(layout::Region{0, 300, 700, 700, true, 0}, {}).frame);
  REQUIRE(all.size() > 10);
  REQUIRE(all[1].first == "Nhóm");
  const double pitch = all[3].second - all[2].second;
  // Room for the header, the title and one row, or two rows.
  for (int rows : {1, 2}) {
    double room = all[2].second + (rows - 1) * pitch + pitch / 2;
    auto t = make();
    int placed = rows_placed(*t, room);
    INFO("room for " << rows << " rows after the title");
    CHECK(placed == (rows == 1 ? 0 : 2));
  }
}
