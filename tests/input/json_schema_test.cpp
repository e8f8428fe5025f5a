// The JSON Schema against real files: every example, good test input and
// starter is valid; structural mistakes the loader rejects are rejected too.
// Runs validate_schema.py (python3-jsonschema, Draft 2020-12).
#include "input/json_schema.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "input/report_loader.hpp"
#include "support/schema_check.hpp"
#include "support/test_support.hpp"

namespace {

namespace fs = std::filesystem;
using namespace baocao;

/// tests/data/input/good/minimal.yaml with one replacement.
std::string minimal_with(const std::string& from, const std::string& to) {
  std::string text = test::read_file(test::data_dir() / "input" / "good" / "minimal.yaml");
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

const std::string kBody = "      - figures: [new_members]\n";

/// tests/data/input/good/schema2.yaml with one replacement.
std::string schema2_with(const std::string& from, const std::string& to) {
  std::string text = test::read_file(test::data_dir() / "input" / "good" / "schema2.yaml");
  auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

/// Structural mistakes: what a JSON Schema can state.
std::vector<std::pair<std::string, std::string>> bad_inputs() {
  return {
      {"unknown_key", minimal_with("  title: Tổng kết", "  titel: Tổng kết")},
      {"missing_required", minimal_with("  place: Phú Thọ\n", "")},
      {"missing_sections",
       minimal_with("sections:\n  - title: Kết quả đạt được\n    body:\n      - Đảng bộ hiện có "
                    "**59 cơ sở** và 3.677 đảng viên.\n" +
                        kBody,
                    "")},
      {"wrong_type_number", minimal_with("value: 919", "value: \"919\"")},
      {"wrong_type_text", minimal_with("place: Phú Thọ", "place: 2015")},
      {"wrong_type_list", minimal_with("figures: [new_members]", "figures: new_members")},
      {"bad_date_shape", minimal_with("date: 2015-08-11", "date: 2015-8-11")},
      {"bad_enum", minimal_with(kBody, kBody + "      - list: {style: dotted, items: [a]}\n")},
      {"bad_chart_kind", minimal_with(kBody, kBody + "      - chart: {kind: pie, figures: [x]}\n")},
      {"negative_target", minimal_with("target: 600", "target: -600")},
      {"zero_target", minimal_with("target: 600", "target: 0")},
      {"negative_bar",
       minimal_with(kBody, kBody + "      - chart: {kind: bars, categories: [a], series: "
                                   "[{values: [-1]}]}\n")},
      {"year_out_of_range", minimal_with("from: 2010", "from: 1800")},
      {"schema_3", minimal_with("schema: 1", "schema: 3")},
      {"figures_in_schema_2", minimal_with("schema: 1", "schema: 2")},
      {"bad_id", minimal_with("id: new_members", "id: new members")},
      {"two_block_kinds", minimal_with(kBody, "      - {figures: [new_members], paragraph: x}\n")},
      {"empty_block", minimal_with(kBody, "      - {}\n")},
      {"empty_title", minimal_with("  - title: Kết quả đạt được", "  - title: \"  \"")},
      {"cell_two_contents",
       minimal_with(kBody, "      - table: {columns: [A], rows: [[{text: a, number: 1}]]}\n")},
      {"cell_boolean", minimal_with(kBody, "      - table: {columns: [A], rows: [[true]]}\n")},
      {"width_without_unit",
       minimal_with(kBody, "      - table: {columns: [{title: A, width: 25}], rows: [[x]]}\n")},
      {"chart_key_of_other_kind",
       minimal_with(kBody, "      - chart: {kind: target, figures: [new_members], rest: x}\n")},
      {"figures_columns_7",
       minimal_with("figures: [new_members]", "figures: {ids: [new_members], columns: 7}")},
      {"goals_block_with_key", minimal_with(kBody, kBody + "      - goals: {as: table}\n")},
      {"empty_list_items", minimal_with(kBody, kBody + "      - list: {items: []}\n")},
      {"s2_bad_comparator", schema2_with("comparator: less_than", "comparator: below")},
      {"s2_bad_direction", schema2_with("direction: lower_is_better", "direction: down")},
      {"s2_status_typo", schema2_with("status: met", "status: achieved")},
      {"s2_group_without_title", schema2_with("  - group: Kinh tế\n", "  - \n")},
      {"s2_result_list", schema2_with("result: 17.6", "result: [17.6]")},
      {"s2_baseline_as", schema2_with("as: ratio", "as: times")},
      {"s2_block_key", schema2_with("tally: false", "total: false")},
      {"s2_figures_key",
       schema2_with("indicators:\n  - id: ngan_sach", "figures:\n  - id: ngan_sach")},
      {"award_count_0", minimal_with(kBody, kBody + "      - awards: {}\n") +
                            "awards:\n  - {recipient: R, award: A, conferred_by: C, count: 0}\n"},
  };
}

TEST_CASE("The JSON schema accepts every example and rejects what the loader rejects", "[schema]") {
  test::TempDir dir;
  fs::path schema_file = dir / "schema.json";
  test::write_file(schema_file, input::json_schema());

  std::string valid;
  auto add = [&](const fs::path& p) { valid += " " + test::q(p); };
  for (const auto& e : fs::directory_iterator(test::repo_dir() / "examples")) {
    if (e.path().extension() == ".yaml") add(e.path());
  }
  for (const char* name : {"full.yaml", "minimal.yaml", "schema2.yaml"}) {
    add(test::data_dir() / "input" / "good" / name);
  }
  add(test::repo_dir() / "tests" / "golden" / "headings-lists-table.yaml");
  // What `baocao init` writes for each built-in template.
  for (const auto& e : fs::directory_iterator(test::repo_dir() / "templates")) {
    std::string name = e.path().stem().string();
    fs::path out = dir / ("init-" + name + ".yaml");
    auto r = test::run_baocao("init --template " + test::q(name) + " " + test::q(out));
    INFO(r.output);
    REQUIRE(r.status == 0);
    add(out);
  }

  std::string invalid;
  for (const auto& [name, yaml] : bad_inputs()) {
    fs::path p = dir / (name + ".yaml");
    test::write_file(p, yaml);
    INFO(name << ":\n" << yaml);
    CHECK_THROWS_AS(input::load_report(p), core::InputError);
    invalid += " " + test::q(p);
  }

  test::check_schema_verdicts(schema_file, valid, invalid);
}

TEST_CASE("The JSON schema states types and bounds from the schema description", "[schema]") {
  std::string s = input::json_schema();
  CHECK_THAT(s, Catch::Contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
  CHECK_THAT(s, Catch::Contains("\"pattern\": \"^\\\\d{4}-\\\\d{2}-\\\\d{2}$\""));
  CHECK_THAT(s, Catch::Contains("\"additionalProperties\": false"));
  CHECK_THAT(s, Catch::Contains("\"enum\": [\"bullet\", \"numbered\"]"));
  CHECK_THAT(s, Catch::Contains("\"$ref\": \"#/$defs/figure\""));
  CHECK_THAT(s, Catch::Contains("Ngày ban hành (YYYY-MM-DD) — Date of issue (YYYY-MM-DD)"));
}

} // namespace
