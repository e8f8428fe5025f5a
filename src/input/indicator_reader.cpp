#include "input/indicator_reader.hpp"

#include <cmath>

#include "input/loader_util.hpp"
#include "input/messages.hpp"
#include "input/number_hints.hpp"
#include "input/report_schema.hpp"

namespace baocao::input {
namespace {

const std::string kQuantity = "a number, a count such as 04/09, or words";

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

/// Official texts keep a leading zero ("05%", "04 trường"): keep the digits
/// when they begin with 0 and more follow.
model::Number kept(double value, std::string_view written) {
  model::Number n;
  n.value = value;
  if (written.size() > 1 && written[0] == '0' && written[1] >= '0' && written[1] <= '9') {
    n.written = std::string(written);
  }
  return n;
}

model::Comparator comparator_of(const std::string& s) {
  using C = model::Comparator;
  if (s == "equal") return C::equal;
  if (s == "at_least") return C::at_least;
  if (s == "more_than") return C::more_than;
  if (s == "at_most") return C::at_most;
  if (s == "less_than") return C::less_than;
  return C::about;
}

model::ChangeAs change_as_of(const std::string& s) {
  using A = model::ChangeAs;
  if (s == "ratio") return A::ratio;
  if (s == "percent") return A::percent;
  if (s == "difference") return A::difference;
  return A::automatic;
}

model::Status status_of(const std::string& s) {
  using S = model::Status;
  if (s == "exceeded") return S::exceeded;
  if (s == "met") return S::met;
  return S::missed;
}

bool is_words(const model::Quantity& q) {
  return q.kind == model::Quantity::Kind::text;
}

class IndicatorReader {
public:
  IndicatorReader(IndicatorUse use, std::map<std::string, std::string>& ids)
      : use_(use), ids_(ids) {}

  std::vector<model::IndicatorGroup> read(const Tree& list_node) {
    std::vector<model::IndicatorGroup> groups;
    const std::string expected = use_ == IndicatorUse::results
                                     ? "a list of indicators and groups {group, indicators}"
                                     : "a list of targets and groups {group, indicators}";
    if (list_node.kind == Tree::Kind::null) return groups;
    for (const auto& item : list(list_node, 0, expected)) {
      if (is_group(item)) {
        groups.push_back(read_group(item));
        continue;
      }
      if (groups.empty() || !groups.back().title.empty()) {
        model::IndicatorGroup loose;
        loose.where = item.where;
        groups.push_back(std::move(loose));
      }
      groups.back().indicators.push_back(read_indicator(item));
    }
    return groups;
  }

private:
  /// A group has a title or a list of indicators; an indicator has neither.
  static bool is_group(const Tree& item) {
    return item.kind == Tree::Kind::mapping && (child(item, "group") || child(item, "indicators"));
  }

  model::IndicatorGroup read_group(const Tree& node) {
    Mapping m(node, schema::keys_of("indicator_group"),
              "a group {group: title, indicators: [...]}");
    model::IndicatorGroup g;
    g.where = node.where;
    g.title = text(m.need("group", "the group's title"));
    const Tree& items = m.need("indicators", "a list of indicators");
    for (const auto& item : list(items, 1, "a list of indicators")) {
      if (is_group(item)) {
        fail(item, "a group inside a group",
             "indicators here; groups do not nest (numbering runs on across groups)");
      }
      g.indicators.push_back(read_indicator(item));
    }
    return g;
  }

  model::Indicator read_indicator(const Tree& node) {
    const std::string what = use_ == IndicatorUse::results
                                 ? "an indicator mapping with label and result or target"
                                 : "a target mapping with label and target";
    // Schema 1's figure keys get a message that says what schema 2 calls them.
    if (node.kind == Tree::Kind::mapping) {
      for (const auto& e : node.entries) {
        if (e.key == "value") {
          fail_at(e.key_where, node.path + ".value", "schema 2 calls a figure's value \"result\"",
                  use_ == IndicatorUse::results ? "result: instead of value:"
                                                : "target: instead of value: (what the next "
                                                  "term is to reach)");
        }
      }
    }
    Mapping m(node, schema::keys_of("indicator"), what,
              NumberUse{NumberUse::Where::figure, {}, true});
    model::Indicator ind;
    ind.where = node.where;
    ind.id = optional_text(m, "id");
    if (!ind.id.empty()) {
      if (!is_id(ind.id)) {
        fail(*m.find("id"),
             "the id \"" + shorten(ind.id) +
                 "\" has characters other than letters, digits, _ and -",
             "an id such as poverty_rate");
      }
      auto [it, inserted] = ids_.emplace(ind.id, node.path);
      if (!inserted) {
        fail(*m.find("id"), "the id \"" + shorten(ind.id) + "\" is already used by " + it->second,
             "a unique id");
      }
    }
    ind.label = text(m.need("label", "text"));
    ind.unit = optional_text(m, "unit");
    if (const Tree* t = m.find("result")) {
      if (use_ == IndicatorUse::next_term) {
        fail_at(m.entry("result")->key_where, node.path + ".result",
                "a next-term target has no result yet",
                "target: (what the next term is to reach), without result:");
      }
      ind.result = read_quantity(*t, "result", ind.unit);
    }
    if (const Tree* t = m.find("target")) ind.target = read_quantity(*t, "target", ind.unit);
    if (ind.result.empty() && ind.target.empty()) {
      fail(node, "the indicator \"" + shorten(ind.label) + "\" has no result and no target",
           use_ == IndicatorUse::results ? "result:, target:, or both" : "target:");
    }
    if (const Tree* t = m.find("comparator")) {
      ind.comparator = comparator_of(choice(*t, schema::values_of("indicator", "comparator")));
      if (ind.target.empty()) {
        fail_at(m.entry("comparator")->key_where, node.path + ".comparator",
                "a comparator without a target", "target: the bound the comparator applies to");
      }
    }
    if (const Tree* t = m.find("direction")) {
      if (choice(*t, schema::values_of("indicator", "direction")) == "lower_is_better") {
        ind.direction = model::Direction::lower_is_better;
      }
    }
    ind.against = optional_text(m, "against");
    ind.period = optional_text(m, "period");
    if (const Tree* t = m.find("baseline")) ind.baseline = read_baseline(*t, ind);
    if (const Tree* t = m.find("status")) {
      ind.stated = status_of(choice(*t, schema::values_of("indicator", "status")));
      if (!is_words(ind.result) && !is_words(ind.target)) {
        fail_at(m.entry("status")->key_where, node.path + ".status",
                "the status of numbers is computed, never typed",
                "no status: here (status: is for a result or target in words)");
      }
    }
    ind.note = optional_text(m, "note");
    return ind;
  }

  static model::Baseline read_baseline(const Tree& node, const model::Indicator& ind) {
    Mapping m(node, schema::keys_of("baseline"),
              "a mapping {value: number, when: text, as: ratio|percent|difference}",
              NumberUse{NumberUse::Where::figure, ind.unit, true});
    model::Baseline b;
    const Tree& v = m.need("value", "a number");
    b.value =
        kept(number(v, "a number", NumberUse{NumberUse::Where::figure, ind.unit, true}), v.scalar);
    b.when = optional_text(m, "when");
    if (const Tree* t = m.find("as")) {
      b.as = change_as_of(choice(*t, schema::values_of("baseline", "as")));
    }
    if (ind.result.kind != model::Quantity::Kind::number) {
      fail(node, "a baseline, but the result is not a number",
           "a number result to compare with the baseline, or no baseline");
    }
    return b;
  }

  IndicatorUse use_;
  std::map<std::string, std::string>& ids_;
};

} // namespace

model::Quantity read_quantity(const Tree& t, std::string_view key, const std::string& unit) {
  model::Quantity q;
  if (t.kind != Tree::Kind::scalar) fail(t, "got " + describe(t), kQuantity);
  const std::string& s = t.scalar;
  if (!t.quoted && is_plain_number(t)) {
    q.kind = model::Quantity::Kind::number;
    q.number = kept(number(t, kQuantity), s);
    return q;
  }
  if (auto slash = s.find('/');
      slash != std::string::npos && digits(s.substr(0, slash)) && digits(s.substr(slash + 1))) {
    auto part = s.substr(0, slash), total = s.substr(slash + 1);
    if (part.size() > 15 || total.size() > 15) fail(t, "the count is too long", "04/09");
    q.kind = model::Quantity::Kind::count;
    q.number = kept(std::stod(part), part);
    q.total = kept(std::stod(total), total);
    if (q.total.value <= 0) fail(t, "a count out of a total of 0", "a total above 0: 04/09");
    return q;
  }
  if (!t.quoted && !is_plain_bool(t)) {
    std::string hint = number_hint(s, key, NumberUse{NumberUse::Where::figure, unit, true});
    if (!hint.empty()) fail(t, "got text \"" + shorten(s) + "\"" + hint, kQuantity);
  }
  q.kind = model::Quantity::Kind::text;
  q.text = text(t, false);
  if (q.text.find_first_not_of(" \t") == std::string::npos) fail(t, "got empty text", kQuantity);
  return q;
}

std::vector<model::IndicatorGroup> read_indicators(const Tree& list_node, IndicatorUse use,
                                                   std::map<std::string, std::string>& ids) {
  return IndicatorReader(use, ids).read(list_node);
}

} // namespace baocao::input
