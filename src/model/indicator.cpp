#include "model/indicator.hpp"

#include <algorithm>
#include <cmath>

namespace baocao::model {

bool same_value(double a, double b) {
  // Relative, so 0.1 + 0.2 equals 0.3 and 919 never equals 919.001.
  return std::fabs(a - b) <= kEqualEpsilon * std::max(std::fabs(a), std::fabs(b));
}

namespace {

bool is_percent(const std::string& unit) {
  return unit == "%";
}

double share_of(const Quantity& count) {
  return count.number.value / count.total.value;
}

/// The count as one number to compare with a plain number: its share in
/// percent for a "%" unit (09/10 against 90%), else its part (05/09 against 4).
double count_as_number(const Quantity& count, const std::string& unit) {
  return is_percent(unit) ? share_of(count) * 100.0 : count.number.value;
}

} // namespace

std::optional<Compared> compared(const Indicator& ind) {
  using K = Quantity::Kind;
  const Quantity& r = ind.result;
  const Quantity& t = ind.target;
  auto number = [](const Quantity& q) { return q.kind == K::number; };
  auto count = [](const Quantity& q) { return q.kind == K::count && q.total.value > 0; };
  if (number(r) && number(t)) return Compared{r.number.value, t.number.value};
  if (count(r) && count(t)) {
    // Parts out of the same whole compare as they are (04/09 against 05/09);
    // out of different wholes only their shares mean the same thing.
    if (same_value(r.total.value, t.total.value)) return Compared{r.number.value, t.number.value};
    return Compared{share_of(r), share_of(t)};
  }
  if (count(r) && number(t)) return Compared{count_as_number(r, ind.unit), t.number.value};
  if (number(r) && count(t)) return Compared{r.number.value, count_as_number(t, ind.unit)};
  return std::nullopt;
}

Comparator effective_comparator(const Indicator& ind) {
  if (ind.comparator != Comparator::unstated) return ind.comparator;
  return ind.direction == Direction::higher_is_better ? Comparator::at_least : Comparator::at_most;
}

bool higher_is_better(const Indicator& ind) {
  switch (effective_comparator(ind)) {
  case Comparator::at_least:
  case Comparator::more_than:
    return true;
  case Comparator::at_most:
  case Comparator::less_than:
    return false;
  default:
    return ind.direction == Direction::higher_is_better;
  }
}

Status assess(const Indicator& ind) {
  using K = Quantity::Kind;
  if (ind.result.empty() || ind.target.empty()) return Status::none;
  if (ind.result.kind == K::text || ind.target.kind == K::text) {
    return ind.stated.value_or(Status::none);
  }
  auto c = compared(ind);
  if (!c) return Status::none;
  const double r = c->result;
  const double t = c->target;
  const bool equal = same_value(r, t);
  // The side a result beyond the target falls on decides between vượt and không đạt.
  const bool better = higher_is_better(ind) ? r > t : r < t;
  const Status beyond = better ? Status::exceeded : Status::missed;
  switch (effective_comparator(ind)) {
  case Comparator::at_least:
  case Comparator::at_most:
  case Comparator::equal:
    return equal ? Status::met : beyond;
  case Comparator::more_than:
  case Comparator::less_than:
    // A strict bound is not reached by the bound itself.
    return !equal && better ? Status::exceeded : Status::missed;
  case Comparator::about: {
    double slack = kAboutTolerance * std::fabs(t);
    if (equal || std::fabs(r - t) <= slack * (1 + kEqualEpsilon)) return Status::met;
    return beyond;
  }
  case Comparator::unstated:
    break; // effective_comparator never returns it
  }
  return Status::none;
}

Tally tally(const std::vector<IndicatorGroup>& groups) {
  Tally t;
  for (const auto& g : groups) {
    for (const auto& ind : g.indicators) {
      Status s = assess(ind);
      if (s == Status::none) continue;
      ++t.assessed;
      if (s == Status::exceeded) ++t.exceeded;
      if (s == Status::met) ++t.met;
      if (s == Status::missed) ++t.missed;
    }
  }
  t.met_or_exceeded = t.met + t.exceeded;
  return t;
}

} // namespace baocao::model
