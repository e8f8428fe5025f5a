// Broken chart blocks against the exact message the user sees.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "input/report_loader.hpp"

using namespace baocao;

namespace {

// The chart is the section's only block, at line 18; its keys follow on lines 19, 20, ...
std::string report_with_chart(const std::string& chart_lines) {
  return "schema: 1\n"
         "document:\n"
         "  kind: BÁO CÁO\n"
         "  place: Phú Thọ\n"
         "  date: 2015-08-11\n"
         "  title: Biểu đồ\n"
         "  issuer: Đảng ủy Khối\n"
         "term: {from: 2010, to: 2015}\n"
         "figures:\n"
         "  - {id: xuat_sac, label: Xuất sắc, value: 14.4, unit: \"%\"}\n"
         "  - {id: tot, label: Tốt, value: 81.3, unit: \"%\"}\n"
         "  - {id: moi, label: Đảng viên mới, value: 919, unit: đảng viên, target: 600}\n"
         "  - {id: lop, label: Số lớp, value: 23}\n"
         "  - {id: am, label: Âm, value: -2, unit: đảng viên}\n"
         "sections:\n"
         "  - title: Kết quả\n"
         "    body:\n"
         "      - chart:\n" +
         chart_lines;
}

std::string error_of(const std::string& chart_lines) {
  try {
    input::parse_report(report_with_chart(chart_lines), "c.yaml");
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "no error";
}

} // namespace

TEST_CASE("a well-formed chart of each kind loads", "[input][chart]") {
  auto r = input::parse_report(
      report_with_chart("          kind: shares\n          figures: [xuat_sac, tot]\n"
                        "          rest: Khác\n"),
      "c.yaml");
  const auto& c = std::get<model::Chart>(r.sections[0].body[0]);
  CHECK(c.kind == model::Chart::Kind::shares);
  REQUIRE(c.items.size() == 2);
  CHECK(c.items[1].label == "Tốt");
  CHECK(c.items[1].value == 81.3);
  CHECK(c.unit == "%");
  CHECK(c.rest == "Khác");
  auto t = input::parse_report(report_with_chart("          {kind: target, figures: [moi]}\n"),
                               "c.yaml");
  const auto& tc = std::get<model::Chart>(t.sections[0].body[0]);
  CHECK(tc.items.at(0).target == 600);
  CHECK(tc.unit == "đảng viên");
}

TEST_CASE("broken charts fail with the exact message", "[input][chart][bad]") {
  const std::pair<const char*, const char*> cases[] = {
      {"          kind: pie\n",
       "c.yaml:19:17: sections[0].body[0].chart.kind: unknown value \"pie\"; expected one of: "
       "bars, shares, target"},
      {"          caption: X\n",
       "c.yaml:19:11: sections[0].body[0].chart: missing required key \"kind\"; expected a "
       "\"kind\" key with bars, shares or target"},
      {"          kind: bars\n          caption: X\n",
       "c.yaml:19:11: sections[0].body[0].chart: the chart has no data; expected categories and "
       "series, or figures"},
      {"          kind: bars\n          categories: [A, B, C]\n"
       "          series: [{name: X, values: [1, 2]}]\n",
       "c.yaml:21:38: sections[0].body[0].chart.series[0].values: the series has 2 values; "
       "expected 3 values, one per category"},
      {"          kind: bars\n          figures: [xuat_sac, totx]\n",
       "c.yaml:20:31: sections[0].body[0].chart.figures[1]: no figure has the id \"totx\" (did "
       "you mean \"tot\"?); expected one of the figure ids: xuat_sac, tot, moi, lop, am"},
      {"          kind: bars\n          figures: [xuat_sac, moi]\n",
       "c.yaml:20:31: sections[0].body[0].chart.figures[1]: the figure \"moi\" is in đảng viên, "
       "but \"xuat_sac\" is in %; expected figures with one unit"},
      {"          kind: bars\n          categories: [A]\n          series: [{values: [-3]}]\n",
       "c.yaml:21:30: sections[0].body[0].chart.series[0].values[0]: -3 is negative; expected a "
       "number >= 0 (bars start at 0)"},
      {"          kind: bars\n          figures: [am]\n",
       "c.yaml:20:21: sections[0].body[0].chart.figures[0]: the figure \"am\" is negative (-2); "
       "expected figures >= 0 (bars start at 0)"},
      {"          kind: shares\n          parts: [{label: A, value: 60}, {label: B, value: "
       "52.5}]\n",
       "c.yaml:20:18: sections[0].body[0].chart.parts: the parts add up to 112.5%; expected at "
       "most 100% in all"},
      {"          kind: shares\n          figures: [xuat_sac, moi]\n",
       "c.yaml:20:31: sections[0].body[0].chart.figures[1]: the figure \"moi\" is in đảng viên, "
       "but \"xuat_sac\" is in %; expected figures with one unit"},
      {"          kind: shares\n          figures: [lop]\n",
       "c.yaml:20:21: sections[0].body[0].chart.figures[0]: the figure \"lop\" is in no unit, "
       "not %; expected figures given in % (shares of one whole)"},
      {"          kind: target\n          figures: [xuat_sac]\n",
       "c.yaml:20:21: sections[0].body[0].chart.figures[0]: the figure \"xuat_sac\" has no "
       "target; expected figures with a target"},
      {"          kind: shares\n          categories: [A]\n",
       "c.yaml:20:11: sections[0].body[0].chart: \"categories\" is not used by a shares chart; "
       "expected one of: kind, caption, parts, figures, rest"},
      {"          kind: target\n          items: [{label: A, value: 5}]\n",
       "c.yaml:20:19: sections[0].body[0].chart.items[0]: missing required key \"target\"; "
       "expected a \"target\" key with a number > 0"},
  };
  for (const auto& [chart, message] : cases) {
    INFO(chart);
    CHECK(error_of(chart) == message);
  }
}
