// Awards blocks read back from the display list: grouping, numbering, year
// order, list or table form, and the summary line's numbers.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "display/display_list.hpp"
#include "input/report_loader.hpp"
#include "layout/awards.hpp"
#include "layout/document.hpp"
#include "support/pipeline.hpp"

using namespace baocao;

namespace {

const std::string kHead = "schema: 1\n"
                          "document: {kind: BÁO CÁO, place: Phú Thọ, date: 2015-08-11, title: T, "
                          "issuer: Đảng ủy Khối}\n"
                          "term: {from: 2010, to: 2015}\n";

// Short texts, so each listing line fits on one line of the page.
const std::string kAwards = "awards:\n"
                            "  - {recipient: Chi bộ A, award: Cờ thi đua, conferred_by: UBND tỉnh, "
                            "year: 2013, level: collective}\n"
                            "  - {recipient: Ông B, award: Bằng khen, conferred_by: UBND tỉnh, "
                            "year: 2011, level: individual, recipients: 1200}\n"
                            "  - {recipient: Chi bộ C, award: Giấy khen, conferred_by: BTV, "
                            "year: 2011, level: collective}\n"
                            "  - {recipient: Nhiều người, award: Khen thưởng, conferred_by: —}\n"
                            "  - {recipient: Chi bộ E, award: Bằng khen, conferred_by: UBND tỉnh, "
                            "level: collective, count: 3}\n"
                            "  - {recipient: Chi bộ F, award: Giấy khen, conferred_by: BTV, "
                            "year: 2011, level: collective}\n"
                            "  - {recipient: Bà G, award: Giấy khen, conferred_by: BTV, "
                            "level: individual, recipients: 34}\n";

std::string report(const std::string& block) {
  return kHead + "sections:\n  - title: Khen thưởng\n    body:\n      - Mở đầu.\n      - " + block +
         "\n" + kAwards;
}

/// Every glyph run's text, all pages, in placing order.
std::vector<std::string> runs(const display::CollectingSink& sink) {
  std::vector<std::string> out;
  for (const auto& page : sink.pages()) {
    for (const auto& item : page.items) {
      if (const auto* r = std::get_if<display::GlyphRun>(&item)) out.push_back(r->text);
    }
  }
  return out;
}

/// The runs after "Mở đầu." (the paragraph before the block), up to the page
/// number of a later page (none here: the report fits on page 1).
std::vector<std::string> block_runs(const display::CollectingSink& sink) {
  auto all = runs(sink);
  auto it = std::find(all.begin(), all.end(), "Mở đầu.");
  REQUIRE(it != all.end());
  return {it + 1, all.end()};
}

struct Laid {
  model::Report report;
  display::CollectingSink sink;
};

/// Lays the YAML out with the dang template changed by `change`.
template <class F> std::unique_ptr<Laid> lay_out_with(const std::string& yaml, F change) {
  auto out = std::make_unique<Laid>();
  out->report = input::parse_report(yaml, "t.yaml");
  auto style = test::builtin_template("dang");
  change(style);
  layout::lay_out(out->report, style, test::bundled_fonts(), out->sink);
  return out;
}

size_t rule_count(const display::CollectingSink& sink) {
  size_t n = 0;
  for (const auto& page : sink.pages()) {
    for (const auto& item : page.items) n += std::holds_alternative<display::Rule>(item);
  }
  return n;
}

} // namespace

TEST_CASE("awards listed by level: groups in order, each numbered from 1, sorted by year",
          "[layout][awards]") {
  auto laid = test::lay_out_yaml(report("awards: {as: list, group_by: level, sort: year}"));
  std::vector<std::string> expected = {
      "Tập thể",
      "1.",
      "Chi bộ C: Giấy khen (BTV, năm 2011).", // 2011 before 2013; C before F as in the input
      "2.",
      "Chi bộ F: Giấy khen (BTV, năm 2011).",
      "3.",
      "Chi bộ A: Cờ thi đua (UBND tỉnh, năm 2013).",
      "4.",
      "Chi bộ E: Bằng khen, 3 lần (UBND tỉnh).", // undated last
      "Cá nhân",
      "1.",
      "Ông B: Bằng khen (UBND tỉnh, năm 2011).",
      "2.",
      "Bà G: Giấy khen (BTV).",
      "Tập thể và cá nhân",
      "1.",
      "Nhiều người: Khen thưởng.", // "—" (not stated) is not written
  };
  CHECK(block_runs(laid->sink) == expected);
}

TEST_CASE("a group heading is bold italic and each number hangs left of its line",
          "[layout][awards]") {
  auto laid = test::lay_out_yaml(report("awards: {as: list, group_by: level}"));
  const auto& page = laid->sink.pages().at(0);
  const display::GlyphRun *heading = nullptr, *number = nullptr, *line = nullptr;
  for (const auto& item : page.items) {
    const auto* r = std::get_if<display::GlyphRun>(&item);
    if (!r) continue;
    if (r->text == "Tập thể") heading = r;
    if (heading && !number && r->text == "1.") number = r;
    if (number && !line && r->text.rfind("Chi bộ A", 0) == 0) line = r;
  }
  REQUIRE(heading);
  REQUIRE(number);
  REQUIRE(line);
  CHECK(heading->font_file.find("BoldItalic") != std::string::npos);
  CHECK(number->glyphs.front().y == Approx(line->glyphs.front().y));
  CHECK(number->x_end < line->glyphs.front().x);
  // Input order without sort: Chi bộ A (2013) first.
  CHECK(line->text == "Chi bộ A: Cờ thi đua (UBND tỉnh, năm 2013).");
}

TEST_CASE("awards grouped by authority: one group per authority in order of first appearance",
          "[layout][awards]") {
  auto laid = test::lay_out_yaml(report("awards: {as: list, group_by: authority}"));
  std::vector<std::string> expected = {
      "UBND tỉnh",
      "1.",
      "Chi bộ A: Cờ thi đua (năm 2013).",
      "2.",
      "Ông B: Bằng khen (năm 2011).",
      "3.",
      "Chi bộ E: Bằng khen, 3 lần.",
      "BTV",
      "1.",
      "Chi bộ C: Giấy khen (năm 2011).",
      "2.",
      "Chi bộ F: Giấy khen (năm 2011).",
      "3.",
      "Bà G: Giấy khen.",
      "—",
      "1.",
      "Nhiều người: Khen thưởng.",
  };
  CHECK(block_runs(laid->sink) == expected);
}

TEST_CASE("the summary counts recipients by level in the template's number format",
          "[layout][awards]") {
  auto laid = test::lay_out_yaml(report("awards: {as: list, summary: true}"));
  auto texts = block_runs(laid->sink);
  // Individuals: 1200 + 34; collectives: A, C, E, F; "Nhiều người" has no level.
  REQUIRE_FALSE(texts.empty());
  CHECK(texts.back() == "1.234 cá nhân và 4 tập thể được khen thưởng.");

  auto style = test::builtin_template("dang");
  std::vector<model::Award> only_collective(1);
  only_collective[0].level = model::Award::Level::collective;
  only_collective[0].recipients = 70;
  CHECK(layout::awards_summary(only_collective, style) == "70 tập thể được khen thưởng.");
  std::vector<model::Award> only_individual(2);
  only_individual[0].level = model::Award::Level::individual;
  only_individual[0].recipients = 398;
  CHECK(layout::awards_summary(only_individual, style) == "398 cá nhân được khen thưởng.");
  std::vector<model::Award> no_level(1);
  no_level[0].recipients = 5;
  CHECK(layout::awards_summary(no_level, style).empty());
}

TEST_CASE("no summary line unless asked", "[layout][awards]") {
  auto laid = test::lay_out_yaml(report("awards: {as: list}"));
  for (const auto& t : block_runs(laid->sink))
    CHECK(t.find("được khen thưởng") == std::string::npos);
}

TEST_CASE("list or table: chosen by the block, else by the template", "[layout][awards]") {
  auto has = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  // dang's default is a table: column titles and rules.
  auto table = test::lay_out_yaml(report("awards: {}"));
  CHECK(has(block_runs(table->sink), "Hình thức khen thưởng"));
  CHECK(rule_count(table->sink) > 20);

  auto list = test::lay_out_yaml(report("awards: {as: list}"));
  CHECK_FALSE(has(block_runs(list->sink), "Hình thức khen thưởng"));
  CHECK(has(block_runs(list->sink), "Chi bộ A: Cờ thi đua (UBND tỉnh, năm 2013)."));
  CHECK(rule_count(list->sink) < rule_count(table->sink));

  // A template whose default is a list, grouped by level; the block says nothing.
  auto by_template = lay_out_with(report("awards:"), [](style::Style& s) {
    s.awards.list = true;
    s.awards.group_by = style::AwardsStyle::Grouping::level;
  });
  auto texts = block_runs(by_template->sink);
  REQUIRE(texts.size() >= 3);
  CHECK(texts[0] == "Tập thể");
  CHECK(texts[2] == "Chi bộ A: Cờ thi đua (UBND tỉnh, năm 2013).");
  // ... and the block overrides the template.
  auto overridden = lay_out_with(report("awards: {as: table, group_by: none}"),
                                 [](style::Style& s) { s.awards.list = true; });
  CHECK(has(block_runs(overridden->sink), "Hình thức khen thưởng"));
}

TEST_CASE("grouped tables: a sub-label and a table per group, numbered from 1",
          "[layout][awards]") {
  auto laid = test::lay_out_yaml(report("awards: {as: table, group_by: level, sort: year}"));
  auto texts = block_runs(laid->sink);
  auto at = [&](const std::string& s) {
    return std::find(texts.begin(), texts.end(), s) - texts.begin();
  };
  auto collective = at("Tập thể"), individual = at("Cá nhân"), mixed = at("Tập thể và cá nhân");
  REQUIRE(mixed < static_cast<long>(texts.size()));
  CHECK(collective < individual);
  CHECK(individual < mixed);
  // Each group's table starts with its header and row 1.
  CHECK(texts[collective + 1] == "TT");
  CHECK(texts[individual + 1] == "TT");
  CHECK(texts[mixed + 1] == "TT");
  CHECK(std::count(texts.begin(), texts.end(), "1") == 3);
  CHECK(std::count(texts.begin(), texts.end(), "4") == 1); // only "Tập thể" has four
  CHECK(at("Chi bộ C") < at("Chi bộ F"));
  CHECK(at("Chi bộ F") < at("Chi bộ A"));
  CHECK(at("Chi bộ A") < at("Chi bộ E"));
}
