// docs/indicators.md's worked examples, row by row: each row's inputs become
// a model::Indicator, and assess(), the assessment and the change in dang's
// words must be the row's last three cells. The doc and the code cannot drift.
#include <catch2/catch.hpp>

#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "input/template_loader.hpp"
#include "layout/indicator_text.hpp"
#include "model/indicator.hpp"
#include "support/test_support.hpp"

namespace {

using namespace baocao;
using model::Quantity;
using model::Status;

const std::string kNothing = "—";

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(' ');
  auto e = s.find_last_not_of(' ');
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

/// "| a | b |" -> {"a", "b"}.
std::vector<std::string> cells(const std::string& line) {
  std::vector<std::string> out;
  std::stringstream in(line.substr(1));
  for (std::string cell; std::getline(in, cell, '|');) out.push_back(trim(cell));
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

/// A number as typed in YAML; a leading 0 ("05", "04") keeps its digits.
model::Number number(const std::string& s) {
  model::Number n;
  n.value = std::stod(s);
  if (s.size() > 1 && s[0] == '0' && s[1] != '.') n.written = s;
  return n;
}

Quantity quantity(const std::string& s) {
  Quantity q;
  if (s == kNothing) return q;
  if (s.front() == '"') {
    q.kind = Quantity::Kind::text;
    q.text = s.substr(1, s.size() - 2);
  } else if (auto slash = s.find('/'); slash != std::string::npos) {
    q.kind = Quantity::Kind::count;
    q.number = number(s.substr(0, slash));
    q.total = number(s.substr(slash + 1));
  } else {
    q.kind = Quantity::Kind::number;
    q.number = number(s);
  }
  return q;
}

model::Comparator comparator(const std::string& s) {
  using C = model::Comparator;
  const std::vector<std::pair<std::string, C>> names = {
      {"unstated", C::unstated},   {"equal", C::equal},     {"at_least", C::at_least},
      {"more_than", C::more_than}, {"at_most", C::at_most}, {"less_than", C::less_than},
      {"about", C::about}};
  for (const auto& [name, c] : names) {
    if (name == s) return c;
  }
  FAIL("unknown comparator " << s);
  return C::unstated;
}

Status status(const std::string& s) {
  if (s == "exceeded") return Status::exceeded;
  if (s == "met") return Status::met;
  if (s == "missed") return Status::missed;
  REQUIRE(s == "none");
  return Status::none;
}

/// "{value: 10, when: đầu nhiệm kỳ, as: ratio}".
model::Baseline baseline(const std::string& s) {
  REQUIRE(s.front() == '{');
  REQUIRE(s.back() == '}');
  model::Baseline b;
  std::stringstream in(s.substr(1, s.size() - 2));
  for (std::string entry; std::getline(in, entry, ',');) {
    auto colon = entry.find(':');
    REQUIRE(colon != std::string::npos);
    std::string key = trim(entry.substr(0, colon));
    std::string value = trim(entry.substr(colon + 1));
    if (key == "value") {
      b.value = number(value);
    } else if (key == "when") {
      b.when = value;
    } else {
      REQUIRE(key == "as");
      using A = model::ChangeAs;
      b.as = value == "ratio"        ? A::ratio
             : value == "percent"    ? A::percent
             : value == "difference" ? A::difference
                                     : A::automatic;
      CHECK((b.as != A::automatic || value == "automatic"));
    }
  }
  return b;
}

struct Row {
  std::string line;
  model::Indicator indicator;
  Status status = Status::none;
  std::string assessment, change;
};

std::vector<Row> worked_examples() {
  std::ifstream in(test::repo_dir() / "docs" / "indicators.md");
  REQUIRE(in);
  std::vector<Row> rows;
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("## ", 0) == 0) inside = line.rfind("## 6. Worked examples", 0) == 0;
    if (!inside || line.size() < 3 || line[0] != '|' || !std::isdigit(line[2])) continue;
    auto c = cells(line);
    INFO(line);
    REQUIRE(c.size() == 12);
    Row r;
    r.line = line;
    model::Indicator& ind = r.indicator;
    ind.label = c[1];
    REQUIRE((c[2] == "higher" || c[2] == "lower"));
    ind.direction =
        c[2] == "higher" ? model::Direction::higher_is_better : model::Direction::lower_is_better;
    ind.comparator = comparator(c[3]);
    ind.unit = c[4] == kNothing ? "" : c[4];
    ind.result = quantity(c[5]);
    ind.target = quantity(c[6]);
    if (c[7] != kNothing) ind.against = c[7];
    if (c[8] != kNothing) ind.baseline = baseline(c[8]);
    r.status = status(c[9]);
    // Words cannot be computed: the status cell is what the report states.
    bool words = ind.result.kind == Quantity::Kind::text || ind.target.kind == Quantity::Kind::text;
    if (words && r.status != Status::none) ind.stated = r.status;
    r.assessment = c[10] == kNothing ? "" : c[10];
    r.change = c[11] == kNothing ? "" : c[11];
    rows.push_back(r);
  }
  return rows;
}

} // namespace

TEST_CASE("docs/indicators.md's worked examples are what assess() and the wording give",
          "[layout][indicators][docs]") {
  auto dir = test::repo_dir() / "templates";
  style::Style dang = input::load_template("dang", dir, dir);
  std::vector<Row> rows = worked_examples();
  REQUIRE(rows.size() >= 25);
  int number = 0;
  for (const Row& r : rows) {
    INFO(r.line);
    // Rows are numbered 1, 2, … so a reader can cite one.
    CHECK(r.line.rfind("| " + std::to_string(++number) + " |", 0) == 0);
    CHECK(model::assess(r.indicator) == r.status);
    CHECK(layout::format_assessment(r.indicator, dang.indicators, dang.numbers) == r.assessment);
    CHECK(layout::format_change(r.indicator, dang.indicators, dang.numbers) == r.change);
  }
}

TEST_CASE("the worked examples cover every comparator, both directions and every form",
          "[layout][indicators][docs]") {
  std::vector<Row> rows = worked_examples();
  std::set<int> comparators, forms, statuses, changes;
  std::set<model::Direction> directions;
  for (const Row& r : rows) {
    comparators.insert(static_cast<int>(r.indicator.comparator));
    directions.insert(r.indicator.direction);
    forms.insert(static_cast<int>(layout::assessment_form(r.indicator)));
    statuses.insert(static_cast<int>(r.status));
    if (r.indicator.baseline) changes.insert(static_cast<int>(r.indicator.baseline->as));
  }
  CHECK(comparators.size() == 7);
  CHECK(directions.size() == 2);
  CHECK(forms.size() == 4);    // none, share, compare, stated
  CHECK(statuses.size() == 4); // none, exceeded, met, missed
  CHECK(changes.size() == 4);  // automatic, ratio, percent, difference
}
