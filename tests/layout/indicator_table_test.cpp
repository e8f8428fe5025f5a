// Schema 2's tables of indicators: the results table (columns from the
// template, group rows, numbering on across groups, the computed cells, a
// missed target marked), the tally line under it, the next term's targets
// table, and indicator cards. Built from model structs: the YAML reader for
// schema 2 is tested on its own.
#include <catch2/catch.hpp>

#include <algorithm>
#include <list>
#include <string>
#include <vector>

#include "core/data_dirs.hpp"
#include "display/display_list.hpp"
#include "input/template_loader.hpp"
#include "layout/document.hpp"
#include "layout/indicator_table.hpp"
#include "layout/key_figures.hpp"
#include "support/indicators.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;
using model::Comparator;
using model::Direction;

namespace {

style::Style english() {
  auto dir = core::data_dir() / "templates";
  return input::load_template((test::data_dir() / "templates" / "english.yaml").string(), dir, dir);
}

model::Indicator named(model::Indicator i, const char* id, const char* label) {
  i.id = id;
  i.label = label;
  return i;
}

/// A missed rate (4,25% against under 2%), an exceeded count of members and a
/// met rate: 2 of 3 met or exceeded.
model::IndicatorGroup economy() {
  model::IndicatorGroup g;
  g.title = "Kinh tế";
  g.indicators = {
      named(test::indicator("%", test::num(4.25), test::num(2), Comparator::less_than,
                            Direction::lower_is_better),
            "ngheo", "Tỷ lệ hộ nghèo"),
      named(test::indicator("đảng viên", test::num(919), test::num(600)), "dv",
            "Kết nạp đảng viên"),
      named(test::indicator("%", test::num(95), test::num(90), Comparator::at_least), "bhyt",
            "Tỷ lệ bao phủ bảo hiểm y tế"),
  };
  return g;
}

model::IndicatorGroup society() {
  model::IndicatorGroup g;
  g.title = "Văn hóa – xã hội";
  g.indicators = {
      named(test::indicator("thôn", test::count(4, 9, "04", "09"), test::count(5, 9, "05", "09")),
            "thon", "Thôn, làng văn hóa"),
      named(test::indicator("", test::words("Duy trì"), test::words("Duy trì")), "yte",
            "Duy trì xã đạt chuẩn quốc gia về y tế")};
  g.indicators[1].stated = model::Status::met;
  return g;
}

/// shown_groups of groups kept for the whole run: its rows point into them.
std::vector<layout::IndicatorRows> shown(std::vector<model::IndicatorGroup> groups,
                                         const std::vector<std::string>& titles = {}) {
  static std::list<std::vector<model::IndicatorGroup>> kept;
  kept.push_back(std::move(groups));
  return layout::shown_groups(kept.back(), titles);
}

std::string text(const layout::TableSpec::Cell& c) {
  std::string s;
  for (const auto& p : c.paragraphs) {
    for (const auto& span : p) s += span.text;
  }
  return s;
}

bool bold(const layout::TableSpec::Cell& c) {
  for (const auto& p : c.paragraphs) {
    for (const auto& span : p) {
      if (!span.bold) return false;
    }
  }
  return !c.paragraphs.empty();
}

std::vector<std::string> titles(const layout::TableSpec& spec) {
  std::vector<std::string> out;
  for (const auto& c : spec.columns) {
    std::string s;
    for (const auto& span : c.title) s += span.text;
    out.push_back(s);
  }
  return out;
}

/// The texts of a body row's cells.
std::vector<std::string> row(const layout::TableSpec& spec, size_t r) {
  std::vector<std::string> out;
  for (const auto& c : spec.cells.at(r)) out.push_back(text(c));
  return out;
}

/// A schema-2 report whose one section holds these blocks.
model::Report report(std::vector<model::Block> body) {
  model::Report r;
  r.schema = 2;
  r.document.kind = "BÁO CÁO";
  r.document.place = "Phú Thọ";
  r.document.date = core::Date{2025, 8, 11};
  r.document.title = "Kết quả nhiệm kỳ";
  r.document.issuer = "Đảng ủy xã";
  r.term = {2020, 2025};
  r.indicators = {economy(), society()};
  model::Section s;
  s.title = "Kết quả";
  s.body = std::move(body);
  r.sections.push_back(std::move(s));
  return r;
}

std::string laid_out_text(const model::Report& r, const style::Style& style) {
  display::CollectingSink sink;
  layout::lay_out(r, style, test::bundled_fonts(), sink);
  std::string all;
  for (const auto& page : sink.pages()) all += test::page_text(page);
  return all;
}

} // namespace

TEST_CASE("results table: column titles from the template in dang and in English",
          "[layout][indicators]") {
  auto groups = shown({economy()});
  CHECK(titles(layout::indicators_table(groups, test::builtin_template("dang"))) ==
        std::vector<std::string>{"STT", "Chỉ tiêu", "ĐVT", "Nghị quyết", "Thực hiện", "Đánh giá"});
  CHECK(titles(layout::indicators_table(groups, test::builtin_template("hien-dai"))) ==
        std::vector<std::string>{"STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Đánh giá"});
  CHECK(titles(layout::indicators_table(groups, english())) ==
        std::vector<std::string>{"No.", "Indicator", "Unit", "Target", "Result", "Assessment"});
  // A note adds Ghi chú, the figures table's note title, and a cell in every row.
  auto noted = economy();
  noted.indicators[1].note = "Chỉ tiêu Đại hội";
  auto spec = layout::indicators_table(shown({noted}), test::builtin_template("dang"));
  CHECK(titles(spec).back() == "Ghi chú");
  CHECK(row(spec, 2).back() == "Chỉ tiêu Đại hội");
  CHECK(row(spec, 1).back().empty());
}

TEST_CASE("results table: a row per group and numbering on across groups", "[layout][indicators]") {
  auto dang = test::builtin_template("dang");
  auto spec = layout::indicators_table(shown({economy(), society()}), dang);
  REQUIRE(spec.cells.size() == 7);
  // Group rows: the roman number, then the title in bold across the other 5 columns.
  for (size_t r : {0u, 4u}) {
    REQUIRE(spec.cells[r].size() == 2);
    CHECK(spec.cells[r][1].colspan == 5);
    CHECK(bold(spec.cells[r][1]));
  }
  CHECK(row(spec, 0) == std::vector<std::string>{"I", "Kinh tế"});
  CHECK(row(spec, 4) == std::vector<std::string>{"II", "Văn hóa – xã hội"});
  std::vector<std::string> numbers;
  for (size_t r : {1u, 2u, 3u, 5u, 6u}) numbers.push_back(row(spec, r).at(0));
  CHECK(numbers == std::vector<std::string>{"1", "2", "3", "4", "5"});
  CHECK(spec.columns.at(0).align == style::TextAlign::center);
  // Targets and results mix numbers, phrases and words: centred columns.
  CHECK(spec.columns.at(3).align == style::TextAlign::center);
  CHECK(spec.columns.at(4).align == style::TextAlign::center);

  // hien-dai writes "4."; a group number "" leaves the cell empty; an
  // untitled group has no row.
  auto hd = test::builtin_template("hien-dai");
  hd.indicator_table.group_number = "";
  auto plain_groups = society();
  plain_groups.title = "";
  spec = layout::indicators_table(shown({economy(), plain_groups}), hd);
  REQUIRE(spec.cells.size() == 6);
  CHECK(row(spec, 0) == std::vector<std::string>{"", "Kinh tế"});
  CHECK(row(spec, 4).at(0) == "4.");
  CHECK(row(spec, 5).at(0) == "5.");
  CHECK(spec.columns.at(0).widest == "5.");

  // A block naming one group shows it alone, numbered from 1.
  spec = layout::indicators_table(shown({economy(), society()}, {"Văn hóa – xã hội"}), dang);
  REQUIRE(spec.cells.size() == 3);
  CHECK(row(spec, 1).at(0) == "1");
}

TEST_CASE("results table: target result and assessment cells of a missed rate",
          "[layout][indicators]") {
  auto dang = test::builtin_template("dang");
  auto spec = layout::indicators_table(shown({economy(), society()}), dang);
  CHECK(row(spec, 1) == std::vector<std::string>{"1", "Tỷ lệ hộ nghèo", "%", "dưới 2%", "4,25%",
                                                 "không đạt (4,25% so với chỉ tiêu dưới 2%)"});
  // Units other than "%" stand in ĐVT only.
  CHECK(row(spec, 2) == std::vector<std::string>{"2", "Kết nạp đảng viên", "đảng viên", "600",
                                                 "919", "vượt 53% so với chỉ tiêu"});
  CHECK(row(spec, 3).at(3) == "từ 90% trở lên");
  CHECK(row(spec, 5).at(3) == "05/09");
  CHECK(row(spec, 5).at(4) == "04/09");
  // Words take the column's alignment like numbers; the stated status worded.
  CHECK(row(spec, 6).at(5) == "đạt");
  CHECK_FALSE(spec.cells[6][4].align);
  CHECK_FALSE(spec.cells[1][4].align);

  // dang marks the missed target's result and assessment in bold, nothing else.
  CHECK(bold(spec.cells[1][4]));
  CHECK(bold(spec.cells[1][5]));
  CHECK_FALSE(bold(spec.cells[1][3]));
  CHECK_FALSE(bold(spec.cells[2][4]));
  CHECK_FALSE(bold(spec.cells[2][5]));
  CHECK_FALSE(spec.cells[1][4].color);
}

TEST_CASE("results table: the period follows the target and the change the assessment",
          "[layout][indicators]") {
  auto g = economy();
  g.indicators[0].period = "hằng năm";
  g.indicators[1].baseline = model::Baseline{{500, ""}, "đầu nhiệm kỳ", model::ChangeAs::ratio};
  auto rows = shown({g});
  auto spec = layout::indicators_table(rows, test::builtin_template("dang"));
  CHECK(row(spec, 1).at(3) == "dưới 2% hằng năm");
  CHECK(row(spec, 2).at(5) == "vượt 53% so với chỉ tiêu; tăng 1,84 lần so với đầu nhiệm kỳ");
  // A change without an assessment stands alone.
  g.indicators[1].target = {};
  spec = layout::indicators_table(shown({g}), test::builtin_template("dang"));
  CHECK(row(spec, 2).at(5) == "tăng 1,84 lần so với đầu nhiệm kỳ");
}

TEST_CASE("results table: a missed target in colour or unmarked as the template says",
          "[layout][indicators]") {
  auto rows = shown({economy()});
  // hien-dai (and English, after it) colours the cells instead of bolding them.
  for (const auto& style : {test::builtin_template("hien-dai"), english()}) {
    auto spec = layout::indicators_table(rows, style);
    for (size_t c : {4u, 5u}) {
      REQUIRE(spec.cells[1][c].color);
      CHECK(*spec.cells[1][c].color == core::Color{0xC0 / 255.0, 0, 0});
      CHECK_FALSE(bold(spec.cells[1][c]));
    }
    CHECK_FALSE(spec.cells[1][3].color);
    CHECK_FALSE(spec.cells[2][4].color);
  }
  auto none = test::builtin_template("dang");
  none.indicator_table.missed_mark = style::MissedMark::none;
  auto spec = layout::indicators_table(rows, none);
  CHECK_FALSE(bold(spec.cells[1][4]));
  CHECK_FALSE(spec.cells[1][4].color);

  // On the page: the coloured result is drawn in that colour.
  auto r = report({model::IndicatorsBlock{}});
  display::CollectingSink sink;
  layout::lay_out(r, test::builtin_template("hien-dai"), test::bundled_fonts(), sink);
  bool red = false, black = false;
  for (const auto& item : sink.pages().at(0).items) {
    if (const auto* g = std::get_if<display::GlyphRun>(&item); g && g->text == "4,25%")
      red = g->color == core::Color{0xC0 / 255.0, 0, 0};
    if (const auto* g = std::get_if<display::GlyphRun>(&item); g && g->text == "919")
      black = g->color == core::Color{};
  }
  CHECK(red);
  CHECK(black);
}

TEST_CASE("results table on the page: titles numbers group rows and a bold miss",
          "[layout][indicators]") {
  auto runs_of = [](const model::Report& r, const style::Style& style) {
    display::CollectingSink sink;
    layout::lay_out(r, style, test::bundled_fonts(), sink);
    std::vector<display::GlyphRun> out;
    for (const auto& item : sink.pages().at(0).items) {
      if (const auto* g = std::get_if<display::GlyphRun>(&item)) out.push_back(*g);
    }
    return out;
  };
  auto find = [](const std::vector<display::GlyphRun>& runs, const std::string& text) {
    for (const auto& r : runs) {
      if (r.text == text) return &r;
    }
    return static_cast<const display::GlyphRun*>(nullptr);
  };
  auto r = report({model::IndicatorsBlock{}});
  auto runs = runs_of(r, test::builtin_template("dang"));
  for (const char* title : {"STT", "Chỉ tiêu", "ĐVT", "Nghị quyết", "Thực hiện", "Đánh giá"}) {
    INFO(title);
    CHECK(find(runs, title));
  }
  // The STT column top to bottom: I, 1, 2, 3, II, 4, 5, all at one x.
  const auto* stt = find(runs, "STT");
  REQUIRE(stt);
  std::vector<std::string> column;
  for (const auto& g : runs) {
    if (g.baseline > stt->baseline && g.glyphs.front().x < stt->x_end) column.push_back(g.text);
  }
  CHECK(column == std::vector<std::string>{"I", "1", "2", "3", "II", "4", "5"});
  const auto* group = find(runs, "Kinh tế");
  REQUIRE(group);
  CHECK(group->font_file.find("Bold") != std::string::npos);
  // The missed rate's result is bold; an exceeded one's is not.
  const auto* missed = find(runs, "4,25%");
  const auto* exceeded = find(runs, "919");
  REQUIRE(missed);
  REQUIRE(exceeded);
  CHECK(missed->font_file.find("Bold") != std::string::npos);
  CHECK(exceeded->font_file.find("Bold") == std::string::npos);

  runs = runs_of(r, english());
  for (const char* title : {"No.", "Indicator", "Unit", "Target", "Result", "Assessment"}) {
    INFO(title);
    CHECK(find(runs, title));
  }
  CHECK(find(runs, "4.25%"));
  CHECK(find(runs, "under 2%"));
}

TEST_CASE("indicators block: numbered caption and the tally line under the table",
          "[layout][indicators]") {
  auto dang = test::builtin_template("dang");
  model::IndicatorsBlock block;
  block.caption = "Kết quả thực hiện các chỉ tiêu";
  block.groups = {"Kinh tế"};
  std::string all = laid_out_text(report({block}), dang);
  CHECK(all.find("Bảng 1: Kết quả thực hiện các chỉ tiêu") != std::string::npos);
  CHECK(all.find("Kết quả: 2/3 chỉ tiêu đạt và vượt.") != std::string::npos);
  // Only the named group is shown and counted.
  CHECK(all.find("Văn hóa") == std::string::npos);

  block.tally = false;
  all = laid_out_text(report({block}), dang);
  CHECK(all.find("chỉ tiêu đạt và vượt") == std::string::npos);
  CHECK(all.find("Tỷ lệ hộ nghèo") != std::string::npos);

  // Unset, the template decides; "" turns it off.
  block.tally.reset();
  block.groups.clear();
  CHECK(layout::tally_line(shown({economy(), society()}), dang) ==
        "Kết quả: 3/5 chỉ tiêu đạt và vượt.");
  CHECK(layout::tally_line(shown({economy()}), english()) ==
        "Result: 2 of 3 targets met or exceeded.");
  auto silent = dang;
  silent.indicator_table.tally_line = "";
  CHECK(laid_out_text(report({block}), silent).find("đạt và vượt") == std::string::npos);
  // Nothing assessed, no line.
  model::IndicatorGroup targets_only;
  targets_only.indicators = {test::indicator("%", {}, test::num(2))};
  CHECK(layout::tally_line(shown({targets_only}), dang).empty());
}

TEST_CASE("a second captioned table counts on from the report's tables", "[layout][indicators]") {
  model::Table t;
  t.caption = "Đảng viên";
  t.columns.push_back(model::Column{});
  t.columns[0].title = "Đơn vị";
  model::Cell cell;
  cell.text.runs = {{"Chi bộ A"}};
  t.rows = {{cell}};
  model::IndicatorsBlock block;
  block.caption = "Chỉ tiêu";
  std::string all = laid_out_text(report({t, block}), test::builtin_template("dang"));
  CHECK(all.find("Bảng 1: Đảng viên") != std::string::npos);
  CHECK(all.find("Bảng 2: Chỉ tiêu") != std::string::npos);
}

TEST_CASE("next-term targets table: columns and the target with its words",
          "[layout][indicators][goals]") {
  model::IndicatorGroup g;
  g.title = "Kinh tế";
  g.indicators = {
      test::indicator("%", {}, test::num(90), Comparator::at_least),
      test::indicator("%", {}, test::num(1.5), Comparator::less_than, Direction::lower_is_better)};
  g.indicators[0].label = "Tỷ lệ bao phủ bảo hiểm y tế";
  g.indicators[1].label = "Tỷ lệ hộ nghèo";
  g.indicators[1].period = "hằng năm";
  model::IndicatorGroup h;
  h.title = "Xây dựng Đảng";
  h.indicators = {test::indicator("đảng viên", {}, test::num(700))};
  auto rows = shown({g, h});
  auto dang = test::builtin_template("dang");
  auto spec = layout::targets_table(rows, dang);
  CHECK(titles(spec) == std::vector<std::string>{"STT", "Chỉ tiêu", "ĐVT", "Mục tiêu"});
  CHECK(titles(layout::targets_table(rows, test::builtin_template("hien-dai"))).back() ==
        "Kế hoạch");
  CHECK(titles(layout::targets_table(rows, english())) ==
        std::vector<std::string>{"No.", "Indicator", "Unit", "Target"});
  REQUIRE(spec.cells.size() == 5);
  CHECK(row(spec, 0) == std::vector<std::string>{"I", "Kinh tế"});
  CHECK(row(spec, 1) ==
        std::vector<std::string>{"1", "Tỷ lệ bao phủ bảo hiểm y tế", "%", "từ 90% trở lên"});
  CHECK(row(spec, 2).at(3) == "dưới 1,5% hằng năm");
  CHECK(row(spec, 3) == std::vector<std::string>{"II", "Xây dựng Đảng"});
  CHECK(row(spec, 4) == std::vector<std::string>{"3", "x", "đảng viên", "700"});
  h.indicators[0].note = "Bình quân 140/năm";
  spec = layout::targets_table(shown({g, h}), dang);
  CHECK(titles(spec).back() == "Ghi chú");
  CHECK(row(spec, 4).back() == "Bình quân 140/năm");

  // Through a goals block: under the targets label, numbered from 1 again.
  auto r = report({model::IndicatorsBlock{}, model::GoalsBlock{}});
  r.goals.indicators = {g, h};
  std::string all = laid_out_text(r, dang);
  CHECK(all.find("Các chỉ tiêu chủ yếu") != std::string::npos);
  CHECK(all.find("từ 90% trở lên") != std::string::npos);
  CHECK(all.find("Mục tiêu") != std::string::npos);
}

TEST_CASE("indicator cards: result unit label assessment and target", "[layout][indicators]") {
  auto dang = test::builtin_template("dang");
  auto lines = [&](const model::Indicator& i) {
    std::vector<std::string> out;
    for (const auto& l : layout::card_lines(i, dang)) out.push_back(l.text);
    return out;
  };
  auto g = economy();
  CHECK(lines(g.indicators[0]) ==
        std::vector<std::string>{"4,25%", "Tỷ lệ hộ nghèo",
                                 "không đạt (4,25% so với chỉ tiêu dưới 2%)", "Chỉ tiêu: dưới 2%"});
  CHECK(layout::card_lines(g.indicators[0], dang).at(0).kind == layout::CardLine::Kind::value);
  g.indicators[1].note = "Chỉ tiêu Đại hội";
  CHECK(lines(g.indicators[1]) == std::vector<std::string>{"919", "đảng viên", "Kết nạp đảng viên",
                                                           "vượt 53% so với chỉ tiêu",
                                                           "Chỉ tiêu: 600", "Chỉ tiêu Đại hội"});
  // English words, and the period after the target.
  g.indicators[2].period = "by 2025";
  auto e = english();
  std::vector<std::string> got;
  for (const auto& l : layout::card_lines(g.indicators[2], e)) got.push_back(l.text);
  CHECK(got == std::vector<std::string>{"95%", "Tỷ lệ bao phủ bảo hiểm y tế", "target exceeded",
                                        "Target: at least 90% by 2025"});
}

TEST_CASE("schema 2 figures block: cards or a table of the named indicators",
          "[layout][indicators][figures]") {
  model::FiguresBlock fb;
  fb.ids = {"ngheo", "thon"};
  fb.as = model::FiguresForm::grid;
  auto r = report({fb});
  display::CollectingSink sink;
  layout::lay_out(r, test::builtin_template("dang"), test::bundled_fonts(), sink);
  const auto& page = sink.pages().at(0);
  int boxes = 0;
  for (const auto& item : page.items) boxes += std::holds_alternative<display::Box>(item);
  CHECK(boxes == 2);
  std::string all = test::page_text(page);
  CHECK(all.find("4,25%") != std::string::npos);
  CHECK(all.find("04/09") != std::string::npos);
  CHECK(all.find("Chỉ tiêu: dưới 2%") != std::string::npos);

  // As a table: the results table of just those two, no group rows.
  fb.as = model::FiguresForm::table;
  all = laid_out_text(report({fb}), test::builtin_template("dang"));
  CHECK(all.find("Nghị quyết") != std::string::npos);
  CHECK(all.find("04/09") != std::string::npos);
  CHECK(all.find("Kinh tế") == std::string::npos);
  CHECK(all.find("Kết nạp đảng viên") == std::string::npos);
}

TEST_CASE("{tally} in body text is the tally of every indicator", "[layout][indicators]") {
  auto dang = test::builtin_template("dang");
  model::Paragraph p;
  p.text.runs = {
      {"Có ", false, false}, {"{tally}", true, false}, {" Nghị quyết đề ra.", false, false}};
  model::List l;
  l.items.push_back(p.text);
  // Runs of other styles come as separate lines of the page text.
  auto joined = [](std::string t) {
    t.erase(std::remove(t.begin(), t.end(), '\n'), t.end());
    return t;
  };
  std::string all = joined(laid_out_text(report({p, l}), dang));
  // Both groups count, whatever a block shows: 3 of 5, in the paragraph and the list item.
  auto first = all.find("Có 3/5 chỉ tiêu đạt và vượt Nghị quyết đề ra.");
  REQUIRE(first != std::string::npos);
  CHECK(all.find("Có 3/5 chỉ tiêu đạt và vượt Nghị quyết đề ra.", first + 1) != std::string::npos);
  CHECK(all.find("{tally}") == std::string::npos);
  // Schema 1 has no indicators: the braces are the report's own text.
  model::Report v1 = report({p});
  v1.schema = 1;
  v1.indicators.clear();
  CHECK(joined(laid_out_text(v1, dang)).find("Có {tally} Nghị quyết") != std::string::npos);
}

TEST_CASE("results table leaves out the target and assessment columns no row fills",
          "[layout][indicators]") {
  auto dang = test::builtin_template("dang");
  model::IndicatorGroup plain;
  plain.indicators = {test::indicator("%", test::num(95), {}),
                      test::indicator("đảng viên", test::num(3677), {})};
  auto spec = layout::indicators_table(shown({plain}), dang, "");
  CHECK(titles(spec) == std::vector<std::string>{"STT", "Chỉ tiêu", "ĐVT", "Thực hiện"});
  CHECK(row(spec, 0).at(3) == "95%");
  CHECK(row(spec, 1).at(3) == "3.677");
  // One target brings both back: "Nghị quyết" and the computed "Đánh giá".
  plain.indicators.push_back(test::indicator("đảng viên", test::num(919), test::num(600)));
  spec = layout::indicators_table(shown({plain}), dang, "");
  CHECK(titles(spec).size() == 6);
  CHECK(row(spec, 2).at(5) == "vượt 53% so với chỉ tiêu");
}
