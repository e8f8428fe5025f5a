// Options of awards and figures blocks, award levels, and the template
// sections that give their defaults: what is read and the exact messages for
// what is wrong.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/error.hpp"
#include "input/report_loader.hpp"
#include "input/template_loader.hpp"
#include "support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace baocao;

const std::string kHead = "schema: 1\n"
                          "document: {kind: B, place: P, date: 2015-08-11, title: T, issuer: I}\n"
                          "term: {from: 2010, to: 2015}\n"
                          "figures:\n"
                          "  - {id: a, label: L, value: 1}\n"
                          "awards:\n"
                          "  - {recipient: R, award: A, conferred_by: C}\n";

/// A report whose one body block is `block` (line 11), with `award_extra`
/// appended to the award's mapping (line 7).
std::string report(const std::string& block, const std::string& award_extra = "") {
  std::string head = kHead;
  if (!award_extra.empty()) head.replace(head.find("C}"), 2, "C, " + award_extra + "}");
  return head + "sections:\n  - title: S\n    body:\n      - " + block + "\n";
}

std::string error_of(const std::string& yaml) {
  try {
    input::parse_report(yaml, "t.yaml");
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "no error";
}

model::AwardsBlock awards_block(const model::Report& r) {
  return std::get<model::AwardsBlock>(r.sections.at(0).body.at(0));
}

} // namespace

TEST_CASE("awards block options are read; unset ones stay unset for the template",
          "[input][awards]") {
  auto r = input::parse_report(
      report("awards: {as: list, group_by: authority, sort: year, summary: true}"), "t.yaml");
  auto b = awards_block(r);
  CHECK(b.as == model::AwardsForm::list);
  CHECK(b.group_by == model::AwardsGrouping::authority);
  CHECK(b.sort == model::AwardsOrder::year);
  CHECK(b.summary == true);
  for (const char* empty : {"awards: {}", "awards:"}) {
    auto e = awards_block(input::parse_report(report(empty), "t.yaml"));
    CHECK_FALSE(e.as.has_value());
    CHECK_FALSE(e.group_by.has_value());
    CHECK_FALSE(e.sort.has_value());
    CHECK_FALSE(e.summary.has_value());
  }
}

TEST_CASE("an award's level and recipients", "[input][awards]") {
  auto r =
      input::parse_report(report("awards: {}", "level: individual, recipients: 398"), "t.yaml");
  CHECK(r.awards.at(0).level == model::Award::Level::individual);
  CHECK(r.awards.at(0).recipients == 398);
  auto plain = input::parse_report(report("awards: {}"), "t.yaml");
  CHECK(plain.awards.at(0).level == model::Award::Level::none);
  CHECK(plain.awards.at(0).recipients == 1);
}

TEST_CASE("figures block: a list of ids or a mapping with as and columns", "[input][figures]") {
  auto list = input::parse_report(report("figures: [a]\n      - awards:"), "t.yaml");
  auto lb = std::get<model::FiguresBlock>(list.sections[0].body[0]);
  CHECK(lb.ids == std::vector<std::string>{"a"});
  CHECK_FALSE(lb.as.has_value());
  CHECK_FALSE(lb.columns.has_value());
  auto map = input::parse_report(
      report("figures: {ids: [a], as: grid, columns: 4}\n      - awards:"), "t.yaml");
  auto mb = std::get<model::FiguresBlock>(map.sections[0].body[0]);
  CHECK(mb.ids == std::vector<std::string>{"a"});
  CHECK(mb.as == model::FiguresForm::grid);
  CHECK(mb.columns == 4);
}

TEST_CASE("bad awards and figures options fail with the exact message", "[input][awards]") {
  CHECK(error_of(report("awards: {as: grid}")) ==
        "t.yaml:11:22: sections[0].body[0].awards.as: unknown value \"grid\"; expected one of: "
        "table, list");
  CHECK(error_of(report("awards: {sort_by: year}")) ==
        "t.yaml:11:18: sections[0].body[0].awards: unknown key \"sort_by\"; expected one of: as, "
        "group_by, sort, summary");
  CHECK(error_of(report("awards: {group_by: year}")) ==
        "t.yaml:11:28: sections[0].body[0].awards.group_by: unknown value \"year\"; expected one "
        "of: none, level, authority");
  CHECK(error_of(report("awards: {summary: yes}")) ==
        "t.yaml:11:27: sections[0].body[0].awards.summary: got text; expected true or false");
  CHECK(error_of(report("awards: [list]")) ==
        "t.yaml:11:17: sections[0].body[0].awards: got a list; expected {} or a mapping with as, "
        "group_by, sort and summary");
  CHECK(error_of(report("figures: {ids: [a], columns: 0}")) ==
        "t.yaml:11:38: sections[0].body[0].figures.columns: 0 is out of range; expected a whole "
        "number of cards 1-6");
  CHECK(error_of(report("figures: {ids: [a], as: cards}")) ==
        "t.yaml:11:33: sections[0].body[0].figures.as: unknown value \"cards\"; expected one of: "
        "grid, table");
  CHECK(error_of(report("figures: {as: grid}")) ==
        "t.yaml:11:18: sections[0].body[0].figures: missing required key \"ids\"; expected a "
        "\"ids\" key with a list of figure ids");
  CHECK(error_of(report("awards: {}", "level: team")) ==
        "t.yaml:7:54: awards[0].level: unknown value \"team\"; expected one of: collective, "
        "individual");
  CHECK(error_of(report("awards: {}", "level: individual, recipients: 0")) ==
        "t.yaml:7:78: awards[0].recipients: 0 is out of range; expected a whole number of at "
        "least 1");
}

TEST_CASE("every built-in template gives awards and key-figure defaults", "[input][template]") {
  auto dir = test::repo_dir() / "templates";
  for (const char* name : {"dang", "nha-nuoc", "hien-dai"}) {
    INFO(name);
    auto s = input::load_template(name, dir, dir);
    CHECK_FALSE(s.awards.list);
    CHECK(s.awards.group_by == style::AwardsStyle::Grouping::none);
    CHECK_FALSE(s.awards.sort_by_year);
    CHECK_FALSE(s.awards.summary);
    CHECK_FALSE(s.key_figures.grid);
    CHECK(s.key_figures.columns == 3);
    CHECK(s.key_figures.value_text.bold);
    CHECK(s.key_figures.value_text.size > s.key_figures.label_text.size);
    CHECK(s.key_figures.padding == Approx(core::mm(2.5)));
    CHECK(s.labels.awards_collective == "Tập thể");
    CHECK(s.labels.key_figures_target == "Chỉ tiêu: {target}");
  }
  auto modern = input::load_template("hien-dai", dir, dir);
  CHECK(modern.key_figures.fill);
  CHECK_FALSE(input::load_template("dang", dir, dir).key_figures.fill);
  auto english =
      input::load_template((test::data_dir() / "templates" / "english.yaml").string(), dir, dir);
  CHECK(english.labels.awards_summary ==
        "{individuals} individuals and {collectives} organisations honoured.");
  CHECK(english.key_figures.fill); // from hien-dai, which it extends
}

TEST_CASE("bad awards and key_figures template values fail", "[input][template]") {
  test::TempDir dir;
  auto builtin = test::repo_dir() / "templates";
  auto error = [&](const std::string& body) {
    test::write_file(dir / "t.yaml", "extends: dang\n" + body);
    try {
      input::load_template((dir / "t.yaml").string(), builtin, dir.path());
    } catch (const core::InputError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  std::string file = (dir / "t.yaml").string();
  CHECK(error("awards: {as: grid}\n") ==
        file + ":2:14: awards.as: unknown value \"grid\"; expected one of: table, list");
  CHECK(error("key_figures: {columns: 0}\n") ==
        file + ":2:24: key_figures.columns: 0 is out of range; expected a whole number 1-6");
  CHECK(error("labels: {awards_summary: \"{individuals} cá nhân\"}\n") ==
        file + ":2:26: labels.awards_summary: the label has no {collectives}; expected text "
               "containing {individuals} and {collectives}");
}
