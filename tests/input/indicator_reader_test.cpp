// Schema 2's indicators as the reader fills model::Indicator (docs/schema-2.md),
// and the exact messages for what it refuses: each at its line, column and path.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "input/report_loader.hpp"
#include "support/test_support.hpp"

namespace {

using namespace baocao;
using K = model::Quantity::Kind;

std::string parse_error(const std::string& yaml) {
  try {
    input::parse_report(yaml, "r.yaml");
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "no error";
}

/// schema, document and term: lines 1-3; `indicators:` is line 4, its items from line 5.
const std::string kHead =
    "schema: 2\n"
    "document: {kind: BÁO CÁO, place: Sơn Lang, date: 2025-06-10, title: T, issuer: I}\n"
    "term: {from: 2020, to: 2025}\n";
const std::string kShown = "sections:\n  - title: S\n    body:\n      - indicators: {}\n";

std::string with_indicators(const std::string& items) {
  return kHead + "indicators:\n" + items + kShown;
}

} // namespace

TEST_CASE("schema 2 indicators are read with every kind of value", "[input][indicators]") {
  model::Report r = input::load_report(test::data_dir() / "input" / "good" / "schema2.yaml");
  CHECK(r.schema == 2);
  CHECK(r.figures.empty());
  REQUIRE(r.indicators.size() == 3); // a loose indicator, then two groups
  CHECK(r.indicators[0].title.empty());
  CHECK(r.indicators[1].title == "Kinh tế");
  CHECK(r.indicators[2].title == "Văn hóa – xã hội");

  const auto& budget = r.indicators[0].indicators.at(0);
  CHECK(budget.result.kind == K::number);
  CHECK(budget.result.number.value == 17.6);
  CHECK(budget.result.number.written.empty()); // written the template's way
  CHECK(budget.against == "nghị quyết");
  REQUIRE(budget.baseline);
  CHECK(budget.baseline->value.value == 10);
  CHECK(budget.baseline->when == "đầu nhiệm kỳ");
  CHECK(budget.baseline->as == model::ChangeAs::ratio);

  const auto& poverty = r.indicators[1].indicators.at(0);
  CHECK(poverty.comparator == model::Comparator::less_than);
  CHECK(poverty.direction == model::Direction::lower_is_better);
  CHECK(poverty.period == "đến năm 2025");
  CHECK(model::assess(poverty) == model::Status::missed);

  const auto& villages = r.indicators[1].indicators.at(1);
  CHECK(villages.result.kind == K::count);
  CHECK(villages.result.number.written == "04");
  CHECK(villages.result.total.written == "09");
  CHECK(villages.target.number.value == 5);

  const auto& water = r.indicators[2].indicators.at(0);
  CHECK(water.result.number.value == 5);
  CHECK(water.result.number.written == "05"); // the leading zero is kept

  const auto& health = r.indicators[2].indicators.at(1);
  CHECK(health.result.kind == K::text);
  CHECK(health.target.text == "Duy trì");
  REQUIRE(health.stated);
  CHECK(*health.stated == model::Status::met);
  CHECK(health.note == "từ năm 2021");

  REQUIRE(r.goals.indicators.size() == 2);
  CHECK(r.goals.indicators[0].indicators.at(0).target.number.value == 95);
  CHECK(r.goals.indicators[0].indicators.at(0).result.empty());
  CHECK(r.goals.indicators[1].indicators.at(0).target.text == "Đạt chuẩn");
  CHECK(r.goals.targets.empty());

  // Blocks: the results table twice, cards and a target chart from indicators.
  const auto& body = r.sections.at(0).body;
  const auto& some = std::get<model::IndicatorsBlock>(body.at(0));
  CHECK(some.caption == "Kết quả thực hiện các chỉ tiêu");
  CHECK(some.groups == std::vector<std::string>{"Kinh tế"});
  CHECK(some.tally == false);
  const auto& all = std::get<model::IndicatorsBlock>(body.at(1));
  CHECK(all.groups.empty());
  CHECK(!all.tally);
  CHECK(std::get<model::FiguresBlock>(body.at(2)).ids ==
        std::vector<std::string>{"ngan_sach", "ho_ngheo"});
  const auto& chart = std::get<model::Chart>(body.at(3));
  REQUIRE(chart.items.size() == 1);
  CHECK(chart.items[0].value == 17.6);
  CHECK(chart.items[0].target == 12);
}

TEST_CASE("a schema-1 habit in a schema-2 file says what to change", "[input][indicators]") {
  CHECK(parse_error(kHead + "figures:\n  - {label: A, value: 1}\n" + kShown) ==
        "r.yaml:4:1: figures: schema 2 has indicators, not figures; expected indicators: instead "
        "of figures:, and result: instead of each value: (docs/schema-2.md)");
  CHECK(parse_error(with_indicators("  - {label: A, value: 1}\n")) ==
        "r.yaml:5:16: indicators[0].value: schema 2 calls a figure's value \"result\"; expected "
        "result: instead of value:");
  std::string v1 = with_indicators("  - {label: A, result: 1}\n");
  v1.replace(0, 9, "schema: 1");
  CHECK(parse_error(v1) == "r.yaml:4:1: indicators: indicators are schema 2; expected schema: 2 "
                           "at the top (docs/schema-2.md), or figures: as in schema 1");
}

TEST_CASE("figures typed as printed get a hint in schema 2", "[input][indicators]") {
  CHECK(parse_error(with_indicators("  - {label: Hộ nghèo, unit: '%', result: 4, target: dưới "
                                    "2%}\n")) ==
        "r.yaml:5:53: indicators[0].target: got text \"dưới 2%\" (write target: 2 and "
        "comparator: less_than); expected a number, a count such as 04/09, or words");
  CHECK(parse_error(with_indicators("  - label: Thu nhập\n    result: 1.234.567\n")) ==
        "r.yaml:6:13: indicators[0].result: got text \"1.234.567\" (YAML numbers have no "
        "thousands separator: write result: 1234567); expected a number, a count such as 04/09, "
        "or words");
  // Quoted, it is words as written: no hint, no assessment.
  model::Report r = input::parse_report(
      with_indicators("  - {label: A, result: \"4,25%\", target: 2}\n"), "r.yaml");
  CHECK(r.indicators.at(0).indicators.at(0).result.text == "4,25%");
  CHECK(model::assess(r.indicators.at(0).indicators.at(0)) == model::Status::none);
}

TEST_CASE("what an indicator cannot be", "[input][indicators]") {
  CHECK(parse_error(with_indicators("  - {label: A, unit: '%'}\n")) ==
        "r.yaml:5:5: indicators[0]: the indicator \"A\" has no result and no target; expected "
        "result:, target:, or both");
  CHECK(parse_error(with_indicators("  - {label: A, result: 1, comparator: less_than}\n")) ==
        "r.yaml:5:27: indicators[0].comparator: a comparator without a target; expected target: "
        "the bound the comparator applies to");
  CHECK(parse_error(with_indicators("  - {label: A, result: 1, target: 2, status: met}\n")) ==
        "r.yaml:5:38: indicators[0].status: the status of numbers is computed, never typed; "
        "expected no status: here (status: is for a result or target in words)");
  CHECK(parse_error(with_indicators("  - {label: A, result: 04/00}\n")) ==
        "r.yaml:5:24: indicators[0].result: a count out of a total of 0; expected a total above "
        "0: 04/09");
  CHECK(parse_error(with_indicators("  - {label: A, result: [1]}\n")) ==
        "r.yaml:5:24: indicators[0].result: got a list; expected a number, a count such as "
        "04/09, or words");
  CHECK(parse_error(with_indicators("  - {label: A, result: Đạt, baseline: {value: 1}}\n")) ==
        "r.yaml:5:39: indicators[0].baseline: a baseline, but the result is not a number; "
        "expected a number result to compare with the baseline, or no baseline");
  CHECK(parse_error(with_indicators("  - {id: a, label: A, result: 1}\n"
                                    "  - {id: a, label: B, result: 2}\n")) ==
        "r.yaml:6:10: indicators[1].id: the id \"a\" is already used by indicators[0]; expected "
        "a unique id");
  CHECK(parse_error(with_indicators("  - group: G\n    indicators:\n"
                                    "      - {group: H, indicators: [{label: A, result: 1}]}\n")) ==
        "r.yaml:7:9: indicators[0].indicators[0]: a group inside a group; expected indicators "
        "here; groups do not nest (numbering runs on across groups)");
  CHECK(parse_error(with_indicators("  - {indicators: [{label: A, result: 1}]}\n")) ==
        "r.yaml:5:5: indicators[0]: missing required key \"group\"; expected a \"group\" key "
        "with the group's title");
}

TEST_CASE("next-term targets have no result", "[input][indicators]") {
  CHECK(parse_error(kHead + "goals:\n  targets:\n    - {label: A, result: 1, target: 2}\n"
                            "sections:\n  - title: S\n    body:\n      - goals: {}\n") ==
        "r.yaml:6:18: goals.targets[0].result: a next-term target has no result yet; expected "
        "target: (what the next term is to reach), without result:");
}

TEST_CASE("the indicators block names groups that exist", "[input][indicators]") {
  const std::string groups = "  - group: Kinh tế\n    indicators: [{label: A, result: 1}]\n";
  auto with_block = [&](const std::string& block) {
    return kHead + "indicators:\n" + groups + "sections:\n  - title: S\n    body:\n      - " +
           block + "\n";
  };
  CHECK(parse_error(with_block("indicators: {groups: [Kinh te]}")) ==
        "r.yaml:10:31: sections[0].body[0].indicators.groups[0]: no group is titled \"Kinh te\" "
        "(did you mean \"Kinh tế\"?); expected one of the group titles: Kinh tế");
  CHECK(parse_error(with_block("paragraph: x")) ==
        "r.yaml:4:1: indicators: the indicators are not shown: no section body has an indicators "
        "or figures block; expected an \"- indicators: {}\" block in a section's body");
  CHECK(parse_error(kHead + "sections:\n  - title: S\n    body:\n      - indicators: {}\n") ==
        "r.yaml:7:9: sections[0].body[0]: an indicators block, but the report has no "
        "indicators; expected a top-level \"indicators\" list");
}

TEST_CASE("a target chart draws indicators with number results and targets",
          "[input][indicators]") {
  auto with_chart = [&](const std::string& indicator) {
    return kHead + "indicators:\n  - " + indicator +
           "\nsections:\n  - title: S\n    body:\n      - indicators: {}\n"
           "      - chart: {kind: target, figures: [a]}\n";
  };
  CHECK(parse_error(with_chart("{id: a, label: A, result: 04/09, target: 5}")) ==
        "r.yaml:10:41: sections[0].body[1].chart.figures[0]: the indicator \"a\" has no number "
        "result; expected indicators whose result is a number (a count or words cannot be "
        "drawn)");
  CHECK(parse_error(with_chart("{id: a, label: A, result: 4}")) ==
        "r.yaml:10:41: sections[0].body[1].chart.figures[0]: the indicator \"a\" has no number "
        "target above 0; expected indicators with a number result and a number target for a "
        "target chart");
  CHECK(parse_error(with_chart("{id: a, label: A, unit: '%', result: 4, target: 2, comparator: "
                               "less_than}")) ==
        "r.yaml:10:41: sections[0].body[1].chart.figures[0]: the indicator \"a\" is better when "
        "lower; expected indicators where more is better: a target chart fills a bar up to its "
        "target");
}

TEST_CASE("{tally} in a paragraph needs indicators to count", "[input][indicators]") {
  CHECK(parse_error(with_indicators("  - {label: A, result: 1}\n") +
                    "      - \"Đạt {tally} Nghị quyết đề ra.\"\n") ==
        "r.yaml:10:9: sections[0].body[1]: {tally} counts the indicators met, but no indicator "
        "has a result and a target; expected indicators with a result and a target, or no "
        "{tally}");
  CHECK(parse_error(with_indicators("  - {label: A, result: 1, target: 1}\n") +
                    "      - \"Đạt {tally} Nghị quyết đề ra.\"\n") == "no error");
}
