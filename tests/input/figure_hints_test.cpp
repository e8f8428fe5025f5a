// Figures typed the way a report prints them, where the loader reads numbers
// (goals, charts, table cells): the exact message, its line:col and key path.
// The figures list itself is in bad_report_test.cpp; the hints' wording on
// its own in number_hints_test.cpp.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "input/report_loader.hpp"

namespace {

using namespace baocao;

std::string parse_error(const std::string& yaml) {
  try {
    input::parse_report(yaml, "r.yaml");
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "no error";
}

/// schema, document and term: lines 1-3.
const std::string kHead =
    "schema: 1\n"
    "document: {kind: BÁO CÁO, place: Phú Thọ, date: 2015-08-11, title: T, issuer: I}\n"
    "term: {from: 2010, to: 2015}\n";

/// One section whose body starts on line 7.
std::string with_body(const std::string& body_items) {
  return kHead + "sections:\n  - title: S\n    body:\n" + body_items;
}

} // namespace

TEST_CASE("a next-term target typed with its comparator", "[input][hints]") {
  CHECK(parse_error(kHead +
                    "goals:\n"
                    "  targets:\n"
                    "    - {label: Lao động qua đào tạo, value: 20, unit: '%', target: trên 20}\n"
                    "sections:\n  - title: S\n    body:\n      - goals: {}\n") ==
        "r.yaml:6:67: goals.targets[0].target: got text \"trên 20\" (write target: 20 and say "
        "\"trên 20\" in note: schema 1 has no comparator, schema 2 takes comparator: more_than); "
        "expected a number > 0");
}

TEST_CASE("a figure's unit unquoted inside { }", "[input][hints]") {
  // yaml-cpp stops before it reports the mapping, so the path is the figure's.
  CHECK(parse_error(kHead + "figures:\n  - {label: A, value: 3, unit: %}\n") ==
        "r.yaml:5:32: figures[0]: YAML cannot read a value that starts with \"%\" unquoted; "
        "expected quotes around it: unit: '%'");
  CHECK(parse_error(kHead + "figures:\n  - label: A\n    value: 3\n    unit: %/năm\n") ==
        "r.yaml:7:11: figures[0].unit: YAML cannot read a value that starts with \"%\" "
        "unquoted; expected quotes around it: unit: '%/năm'");
}

TEST_CASE("chart values say where their unit goes", "[input][hints]") {
  CHECK(parse_error(with_body("      - chart:\n"
                              "          kind: target\n"
                              "          items:\n"
                              "            - {label: Hộ nghèo, value: 4.25, target: dưới 2}\n")) ==
        "r.yaml:10:54: sections[0].body[0].chart.items[0].target: got text \"dưới 2\" (write "
        "target: 2: a chart's target has no comparator); expected a number > 0");
  // A shares chart is in % already: only the number is asked for.
  CHECK(parse_error(with_body("      - chart:\n"
                              "          kind: shares\n"
                              "          parts:\n"
                              "            - {label: Xuất sắc, value: 14,4%}\n")) ==
        "r.yaml:10:43: sections[0].body[0].chart.parts[0].value: YAML ended value: 14 at the "
        "comma, so \"4%\" is read as a key; expected a decimal point, not a comma: write value: "
        "14.4");
  CHECK(parse_error(with_body("      - chart:\n"
                              "          kind: bars\n"
                              "          categories: [A]\n"
                              "          series:\n"
                              "            - values:\n"
                              "                - 142,5 tỷ đồng\n")) ==
        "r.yaml:12:19: sections[0].body[0].chart.series[0].values[0]: got text \"142,5 tỷ "
        "đồng\" (YAML numbers take a decimal point: write 142.5 and the chart's unit: tỷ đồng); "
        "expected a number >= 0");
}

TEST_CASE("a number cell offers the text cell that prints it as written", "[input][hints]") {
  CHECK(parse_error(with_body("      - table:\n"
                              "          columns: [Chỉ tiêu, Kết quả]\n"
                              "          rows:\n"
                              "            - [Thu ngân sách, {number: 1.234.567}]\n")) ==
        "r.yaml:10:40: sections[0].body[0].table.rows[0][1].number: got text \"1.234.567\" (YAML "
        "numbers have no thousands separator: write text: \"1.234.567\" to print it as written, "
        "or number: 1234567); expected a number");
  CHECK(parse_error(with_body("      - table:\n"
                              "          columns: [Chỉ tiêu, Kết quả]\n"
                              "          rows:\n"
                              "            - [Tỷ lệ, {number: 4,25}]\n")) ==
        "r.yaml:10:34: sections[0].body[0].table.rows[0][1].number: YAML ended number: 4 at the "
        "comma, so \"25\" is read as a key; expected a decimal point, not a comma: write text: "
        "\"4,25\" to print it as written, or number: 4.25");
}

TEST_CASE("a row YAML split at a decimal comma says so", "[input][hints]") {
  CHECK(parse_error(with_body("      - table:\n"
                              "          columns: [Chỉ tiêu, Kết quả]\n"
                              "          rows:\n"
                              "            - [Tỷ lệ, 4,25%]\n")) ==
        "r.yaml:10:15: sections[0].body[0].table.rows[0]: the row has 3 cells: YAML ends a cell "
        "at the comma of 4,25%; expected \"4,25%\" in quotes to print it as written, or 4.25");
}

TEST_CASE("any text YAML splits at a comma inside { } gets the quotes", "[input][hints]") {
  CHECK(parse_error(with_body("      - {paragraph: Hộ nghèo, cận nghèo}\n")) ==
        "r.yaml:7:31: sections[0].body[0].paragraph: YAML ended paragraph: Hộ nghèo at the "
        "comma, so \"cận nghèo\" is read as a key; expected quotes around a value that contains "
        "a comma: paragraph: \"Hộ nghèo, cận nghèo\"");
  // Outside { } a comma is part of the text.
  CHECK(parse_error(kHead + "figures:\n  - label: Thu nhập bình quân, đầu người\n    value: 38\n"
                            "sections:\n  - title: S\n    body:\n      - x\n") == "no error");
}

TEST_CASE("3.677 is a number, taken as YAML reads it", "[input][hints]") {
  // Valid YAML: no error and no guess. docs/schema.md says to write counts without a dot.
  model::Report r = input::parse_report(kHead + "figures:\n  - {label: Đảng viên, value: 3.677}\n"
                                                "sections:\n  - title: S\n    body:\n      - x\n",
                                        "r.yaml");
  CHECK(r.figures.at(0).value == 3.677);
}
