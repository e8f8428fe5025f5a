// The wording of indicators in two templates: dang (Vietnamese) and the
// English test template, which must not leave a Vietnamese word behind.
#include "layout/indicator_text.hpp"
#include "support/indicators.hpp"

#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "input/template_loader.hpp"
#include "support/test_support.hpp"

namespace {

using namespace baocao;
using model::Comparator;
using model::Direction;
using model::Quantity;
using model::Status;

style::Style dang() {
  auto dir = test::repo_dir() / "templates";
  return input::load_template("dang", dir, dir);
}

style::Style english() {
  auto dir = test::repo_dir() / "templates";
  return input::load_template((test::data_dir() / "templates" / "english.yaml").string(), dir, dir);
}

using test::num;
using test::words;

/// A count as written: part and total with their digits.
Quantity count(double part, const char* part_written, double total, const char* total_written) {
  return test::count(part, total, part_written, total_written);
}

model::Indicator ind(const char* unit, Quantity result, Quantity target,
                     Comparator c = Comparator::unstated,
                     Direction d = Direction::higher_is_better) {
  return test::indicator(unit, std::move(result), std::move(target), c, d);
}

model::Indicator members() {
  return ind("đảng viên", num(919), num(600));
}
model::Indicator poverty() {
  return ind("%", num(4.25), num(2), Comparator::less_than, Direction::lower_is_better);
}

model::Indicator with_baseline(model::Indicator i, double value, const char* when,
                               model::ChangeAs as = model::ChangeAs::automatic) {
  i.baseline = model::Baseline{{value, ""}, when, as};
  return i;
}

} // namespace

TEST_CASE("results are written as the report wrote them, units after", "[layout][indicators]") {
  style::Style s = dang();
  CHECK(layout::format_indicator_result(members(), s.numbers) == "919 đảng viên");
  CHECK(layout::format_indicator_result(poverty(), s.numbers) == "4,25%");
  CHECK(layout::format_indicator_result(ind("%", num(5, "05"), num(3)), s.numbers) == "05%");
  CHECK(layout::format_indicator_result(ind("thôn", count(4, "04", 9, "09"), num(5)), s.numbers) ==
        "04/09 thôn");
  CHECK(layout::format_indicator_result(ind("trường", num(4, "04"), num(3)), s.numbers) ==
        "04 trường");
  CHECK(layout::format_indicator_result(ind("đảng viên", num(3677), num(3000)), s.numbers) ==
        "3.677 đảng viên");
  // A table with a unit column: "%" stays, other units go.
  CHECK(layout::format_indicator_result(members(), s.numbers, layout::Units::percent_only) ==
        "919");
  CHECK(layout::format_indicator_result(poverty(), s.numbers, layout::Units::percent_only) ==
        "4,25%");
  CHECK(layout::format_indicator_result(ind("%", count(9, "09", 10, ""), num(90)), s.numbers) ==
        "09/10");
  CHECK(layout::format_indicator_result(ind("", num(0), Quantity{}), s.numbers) == "0");
  CHECK(layout::format_indicator_result(ind("", Quantity{}, num(1)), s.numbers) == "");
}

TEST_CASE("targets are written with their comparator's words", "[layout][indicators]") {
  style::Style s = dang();
  style::Style e = english();
  auto both = [&](Comparator c, const char* unit, double t) {
    model::Indicator i = ind(unit, num(1), num(t), c);
    return std::pair{
        layout::format_indicator_target(i, s.indicators, s.numbers, layout::Units::percent_only),
        layout::format_indicator_target(i, e.indicators, e.numbers, layout::Units::percent_only)};
  };
  using P = std::pair<std::string, std::string>;
  CHECK(both(Comparator::less_than, "%", 2) == P{"dưới 2%", "under 2%"});
  CHECK(both(Comparator::at_least, "%", 90) == P{"từ 90% trở lên", "at least 90%"});
  CHECK(both(Comparator::more_than, "%", 20) == P{"trên 20%", "more than 20%"});
  CHECK(both(Comparator::at_most, "vụ", 3) == P{"không quá 3", "at most 3"});
  CHECK(both(Comparator::about, "%", 5.5) == P{"khoảng 5,5%", "about 5.5%"});
  CHECK(both(Comparator::unstated, "đảng viên", 600) == P{"600", "600"});
  CHECK(both(Comparator::equal, "tiêu chí", 10) == P{"10", "10"});
  model::Indicator words = ind("", num(1), Quantity{});
  words.target.kind = Quantity::Kind::text;
  words.target.text = "duy trì xã đạt chuẩn quốc gia về y tế";
  words.comparator = Comparator::at_least; // words say their own bound
  CHECK(layout::format_indicator_target(words, s.indicators, s.numbers) ==
        "duy trì xã đạt chuẩn quốc gia về y tế");
}

TEST_CASE("the assessment in dang's words and in English", "[layout][indicators]") {
  style::Style s = dang();
  style::Style e = english();
  auto vi = [&](const model::Indicator& i) {
    return layout::format_assessment(i, s.indicators, s.numbers);
  };
  auto en = [&](const model::Indicator& i) {
    return layout::format_assessment(i, e.indicators, e.numbers);
  };
  model::Indicator m = members();
  CHECK(vi(m) == "vượt 53% so với chỉ tiêu");
  CHECK(en(m) == "53% above target");
  m.against = "nghị quyết"; // the indicator's own word wins over the template's
  CHECK(vi(m) == "vượt 53% so với nghị quyết");
  model::Indicator plan = ind("tỷ đồng", num(588), num(600));
  plan.against = "kế hoạch";
  CHECK(vi(plan) == "đạt 98% kế hoạch");
  CHECK(en(ind("t", num(588), num(600))) == "98% of target");
  CHECK(vi(poverty()) == "không đạt (4,25% so với chỉ tiêu dưới 2%)");
  CHECK(en(poverty()) == "not met (4.25% against a target of under 2%)");
  model::Indicator low =
      ind("%", num(1.5), num(2), Comparator::less_than, Direction::lower_is_better);
  CHECK(vi(low) == "vượt chỉ tiêu");
  CHECK(en(low) == "target exceeded");
  CHECK(vi(ind("vụ", num(3), num(3), Comparator::at_most)) == "đạt chỉ tiêu");
  CHECK(en(ind("vụ", num(3), num(3), Comparator::at_most)) == "target met");
  // A share in each number format, with the decimals the edge needs (100,02%).
  CHECK(en(ind("t", num(6001.2), num(6000))) == "0.02% above target");
  CHECK(vi(ind("t", num(6001.2), num(6000))) == "vượt 0,02% so với chỉ tiêu");
  // Words: the stated status.
  model::Indicator q = ind("", Quantity{}, Quantity{});
  q.result.kind = q.target.kind = Quantity::Kind::text;
  q.result.text = "hoàn thành tốt nhiệm vụ";
  q.target.text = "hoàn thành tốt nhiệm vụ trở lên";
  CHECK(vi(q) == "");
  for (auto [st, v, english] :
       {std::tuple{Status::exceeded, "vượt", "exceeded"}, std::tuple{Status::met, "đạt", "met"},
        std::tuple{Status::missed, "không đạt", "not met"}}) {
    q.stated = st;
    CHECK(vi(q) == v);
    CHECK(en(q) == english);
  }
  CHECK(vi(ind("%", Quantity{}, num(95), Comparator::at_least)) == "");
}

TEST_CASE("the change against a baseline in dang's words and in English", "[layout][indicators]") {
  style::Style s = dang();
  style::Style e = english();
  auto vi = [&](const model::Indicator& i) {
    return layout::format_change(i, s.indicators, s.numbers);
  };
  auto en = [&](const model::Indicator& i) {
    return layout::format_change(i, e.indicators, e.numbers);
  };
  using As = model::ChangeAs;
  auto budget = with_baseline(ind("tỷ đồng", num(17.6), Quantity{}), 10, "đầu nhiệm kỳ", As::ratio);
  CHECK(vi(budget) == "tăng 1,76 lần so với đầu nhiệm kỳ");
  CHECK(en(with_baseline(ind("bn", num(17.6), Quantity{}), 10, "the start of the term",
                         As::ratio)) == "up 1.76 times since the start of the term");
  auto rate = with_baseline(
      ind("%", num(2.31), num(3), Comparator::less_than, Direction::lower_is_better), 4.25, "");
  CHECK(vi(rate) == "giảm 1,94 điểm phần trăm");
  CHECK(en(rate) == "down 1.94 percentage points");
  auto income = with_baseline(ind("triệu đồng", num(38), Quantity{}), 30, "", As::difference);
  CHECK(vi(income) == "tăng 8 triệu đồng");
  auto fall = with_baseline(ind("vụ", num(88.45), Quantity{}), 100, "năm 2015");
  CHECK(vi(fall) == "giảm 11,55% so với năm 2015");
  CHECK(en(with_baseline(ind("cases", num(88.45), Quantity{}), 100, "2015")) ==
        "down 11.55% since 2015");
  CHECK(en(with_baseline(ind("t", num(1500), Quantity{}), 1500, "2020")) == "unchanged since 2020");
  CHECK(en(with_baseline(ind("t", num(12500), Quantity{}), 1000, "")) == "up 12.5 times");
  // No baseline, or a result that is not a number: nothing to say.
  CHECK(vi(members()) == "");
  auto counted = with_baseline(ind("thôn", count(4, "04", 9, "09"), Quantity{}), 2, "");
  CHECK(vi(counted) == "");
}

TEST_CASE("a template chooses points or a percent sign for a rate's change",
          "[layout][indicators]") {
  test::TempDir dir;
  test::write_file(dir / "t.yaml", "extends: dang\nindicators: {percent_difference: percent}\n");
  auto builtin = test::repo_dir() / "templates";
  style::Style s = input::load_template((dir / "t.yaml").string(), builtin, dir.path());
  CHECK(s.indicators.points_as_percent);
  CHECK_FALSE(dang().indicators.points_as_percent);
  auto rate = with_baseline(poverty(), 6.19, "đầu nhiệm kỳ");
  CHECK(layout::format_change(rate, s.indicators, s.numbers) == "giảm 1,94% so với đầu nhiệm kỳ");
  CHECK(layout::format_change(rate, dang().indicators, s.numbers) ==
        "giảm 1,94 điểm phần trăm so với đầu nhiệm kỳ");
}

TEST_CASE("the tally line", "[layout][indicators]") {
  style::Style s = dang();
  style::Style e = english();
  model::Tally t;
  t.met_or_exceeded = 13;
  t.assessed = 15;
  t.exceeded = 5;
  t.met = 8;
  t.missed = 2;
  CHECK(layout::format_tally(t, s.indicators, s.numbers) == "13/15 chỉ tiêu đạt và vượt");
  CHECK(layout::format_tally(t, e.indicators, e.numbers) == "13 of 15 targets met or exceeded");
  CHECK(layout::format_tally(model::Tally{}, s.indicators, s.numbers) == "");
  // From the indicators themselves.
  model::IndicatorGroup g{"Kinh tế", {members(), poverty(), ind("%", Quantity{}, num(95))}, {}};
  CHECK(layout::format_tally(model::tally({g}), s.indicators, s.numbers) ==
        "1/2 chỉ tiêu đạt và vượt");
}

TEST_CASE("indicator words are checked for their placeholders", "[layout][indicators]") {
  test::TempDir dir;
  auto builtin = test::repo_dir() / "templates";
  auto error_of = [&](const std::string& yaml) -> std::string {
    test::write_file(dir / "t.yaml", "extends: dang\n" + yaml);
    try {
      input::load_template((dir / "t.yaml").string(), builtin, dir.path());
    } catch (const core::InputError& e) {
      return e.what();
    }
    return "no error";
  };
  CHECK_THAT(error_of("indicators: {less_than: \"dưới\"}\n"), Catch::Contains("{target}"));
  CHECK_THAT(error_of("indicators: {exceeded_by: \"vượt {percent}% {when}\"}\n"),
             Catch::Contains("unknown placeholder {when}"));
  CHECK_THAT(error_of("indicators: {percent_difference: percentage}\n"), Catch::Contains("points"));
  CHECK(error_of("indicators: {missed: \"không đạt\"}\n") == "no error");
}
