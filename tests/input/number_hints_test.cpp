// The hints for figures typed the way a Vietnamese office writes them
// (issue 13, item 5), on the helpers alone: the schema-2 reader will call
// the same ones, so both uses are checked here.
#include "input/number_hints.hpp"

#include <catch2/catch.hpp>

namespace {

using baocao::input::comma_split_hint;
using baocao::input::number_hint;
using baocao::input::NumberUse;
using baocao::input::reserved_start_hint;
using W = NumberUse::Where;

const NumberUse kFigure{W::figure, {}, false};
const NumberUse kPercentFigure{W::figure, "%", false};
const NumberUse kSchema2{W::figure, {}, true};
const NumberUse kChart{W::chart, {}, false};
const NumberUse kCell{W::table_cell, {}, false};

} // namespace

TEST_CASE("a decimal comma, a thousands dot and a unit typed after the number", "[input][hints]") {
  CHECK(number_hint("4,25%", "value", kFigure) ==
        " (YAML numbers take a decimal point: write value: 4.25 and unit: '%')");
  CHECK(number_hint("4.25%", "value", kFigure) == " (write value: 4.25 and unit: '%')");
  // The unit is there already: only the number is asked for.
  CHECK(number_hint("4,25%", "value", kPercentFigure) ==
        " (YAML numbers take a decimal point: write value: 4.25)");
  CHECK(number_hint("4,25", "value", kFigure) ==
        " (YAML numbers take a decimal point: write value: 4.25)");
  CHECK(number_hint("-4,5", "value", kFigure) ==
        " (YAML numbers take a decimal point: write value: -4.5)");
  CHECK(number_hint("1.234.567", "value", kFigure) ==
        " (YAML numbers have no thousands separator: write value: 1234567)");
  CHECK(number_hint("1,234,567", "value", kFigure) ==
        " (YAML numbers have no thousands separator: write value: 1234567)");
  CHECK(number_hint("1.234,5", "value", kFigure) ==
        " (YAML numbers take a decimal point and no thousands separator: write value: 1234.5)");
  CHECK(number_hint("38 triệu đồng", "value", kFigure) ==
        " (write value: 38 and unit: triệu đồng)");
  CHECK(number_hint("05%", "value", kFigure) == " (write value: 5 and unit: '%')");
  CHECK(number_hint("1,5 %/năm", "value", kFigure) ==
        " (YAML numbers take a decimal point: write value: 1.5 and unit: '%/năm')");
  // One dot and three digits is a Vietnamese thousands dot or a decimal point.
  CHECK(number_hint("3.677 đảng viên", "value", kFigure) ==
        " (write value: 3677 and unit: đảng viên, or value: 3.677 if the dot marks decimals)");
}

TEST_CASE("comparator phrases name the comparator of schema 2", "[input][hints]") {
  struct Case {
    const char* typed;
    const char* number;
    const char* comparator;
  };
  const Case cases[] = {
      {"dưới 2", "2", "less_than"},         {"Dưới 2", "2", "less_than"},
      {"trên 20", "20", "more_than"},       {"hơn 20", "20", "more_than"},
      {"từ 90 trở lên", "90", "at_least"},  {"90 trở lên", "90", "at_least"},
      {"ít nhất 90", "90", "at_least"},     {"không quá 3", "3", "at_most"},
      {"không vượt quá 3", "3", "at_most"}, {"tối đa 3", "3", "at_most"},
      {"khoảng 5", "5", "about"},           {"trên dưới 5", "5", "about"},
  };
  for (const Case& c : cases) {
    INFO(c.typed);
    CHECK(number_hint(c.typed, "target", kFigure) ==
          std::string(" (write target: ") + c.number + " and say \"" + c.typed +
              "\" in note: schema 1 has no comparator, schema 2 takes comparator: " + c.comparator +
              ")");
    CHECK(number_hint(c.typed, "target", kSchema2) ==
          std::string(" (write target: ") + c.number + " and comparator: " + c.comparator + ")");
  }
  CHECK(number_hint("từ 90% trở lên", "target", kFigure) ==
        " (write target: 90 and unit: '%', and say \"từ 90% trở lên\" in note: schema 1 has no "
        "comparator, schema 2 takes comparator: at_least)");
  CHECK(number_hint("dưới 2%", "target", kSchema2) ==
        " (write target: 2, unit: '%' and comparator: less_than)");
  // A result has no comparator: the words go in the note.
  CHECK(number_hint("trên 20", "value", kFigure) ==
        " (write value: 20 and say \"trên 20\" in note)");
}

TEST_CASE("a count out of a total", "[input][hints]") {
  CHECK(number_hint("04/09", "value", kFigure) ==
        " (04/09 is a count out of a total: write value: 4 and say \"04/09\" in note: schema 1 "
        "has no counts, schema 2 takes result: 04/09)");
  CHECK(number_hint("10/10", "target", kFigure) ==
        " (10/10 is a count out of a total: write target: 10 and say \"10/10\" in note: schema 1 "
        "has no counts, schema 2 takes target: 10/10)");
  CHECK(number_hint("04/09 thôn", "value", kFigure) ==
        " (04/09 is a count out of a total: write value: 4 and unit: thôn, and say \"04/09 thôn\" "
        "in note: schema 1 has no counts, schema 2 takes result: 04/09)");
  // A date is no count.
  CHECK(number_hint("11/08/2015", "value", kFigure).empty());
}

TEST_CASE("charts and table cells say where their unit goes", "[input][hints]") {
  CHECK(number_hint("4,25%", "", kChart) ==
        " (YAML numbers take a decimal point: write 4.25 and the chart's unit: '%')");
  CHECK(number_hint("dưới 2", "target", kChart) ==
        " (write target: 2: a chart's target has no comparator)");
  CHECK(number_hint("4,25%", "number", kCell) ==
        " (YAML numbers take a decimal point: write text: \"4,25%\" to print it as written, or "
        "number: 4.25)");
}

TEST_CASE("what is not a mistyped number gets no hint", "[input][hints]") {
  for (const char* typed : {"nhiều", "1 234 567", "2015-02-30", "", "%", "abc 12", "1..2", ",5"}) {
    INFO(typed);
    CHECK(number_hint(typed, "value", kFigure).empty());
  }
}

TEST_CASE("a value YAML split at a comma inside { }", "[input][hints]") {
  CHECK(comma_split_hint("label", "Thu nhập bình quân", {"đầu người"}) ==
        "quotes around a value that contains a comma: label: \"Thu nhập bình quân, đầu người\"");
  CHECK(comma_split_hint("label", "A", {"B", "C"}) ==
        "quotes around a value that contains a comma: label: \"A, B, C\"");
  CHECK(comma_split_hint("label", "say \"x\"", {"y"}) ==
        "quotes around a value that contains a comma: label: \"say \\\"x\\\", y\"");
  CHECK(comma_split_hint("value", "4", {"25%"}, kFigure) ==
        "a decimal point, not a comma: write value: 4.25 and unit: '%'");
  CHECK(comma_split_hint("value", "4", {"25"}, kFigure) ==
        "a decimal point, not a comma: write value: 4.25");
  // A number then words is another mistake: quotes would make the number text.
  CHECK(comma_split_hint("value", "38", {"đầu người"}, kFigure).empty());
  // Under a text key the same comma is quoted, and a decimal comma kept as typed.
  CHECK(comma_split_hint("label", "Thu 2", {"5 triệu"}) ==
        "quotes around a value that contains a comma: label: \"Thu 2,5 triệu\"");
  CHECK(comma_split_hint("label", "x", {}).empty());
}

TEST_CASE("a table row YAML split at a decimal comma", "[input][hints]") {
  CHECK(baocao::input::cell_split_hint("4", "25%") ==
        "\"4,25%\" in quotes to print it as written, or 4.25");
  CHECK(baocao::input::cell_split_hint("1", "234") ==
        "\"1,234\" in quotes to print it as written, or 1.234");
  CHECK(baocao::input::cell_split_hint("Tỷ lệ", "4").empty());
  CHECK(baocao::input::cell_split_hint("4", "năm").empty());
}

TEST_CASE("a plain value that starts with %, @ or `", "[input][hints]") {
  CHECK(reserved_start_hint("    unit: %", 10) == "quotes around it: unit: '%'");
  CHECK(reserved_start_hint("  - {label: x, unit: %, value: 3}", 21) ==
        "quotes around it: unit: '%'");
  CHECK(reserved_start_hint("unit: %/năm # per year", 6) == "quotes around it: unit: '%/năm'");
  CHECK(reserved_start_hint("  - %d phần", 4) == "quotes around it: - '%d phần'");
  CHECK(reserved_start_hint("a: [x, %]", 7) == "quotes around it: '%'");
  CHECK(reserved_start_hint("a: @x", 3) == "quotes around it: a: '@x'");
  CHECK(reserved_start_hint("a: x", 3).empty());
}
