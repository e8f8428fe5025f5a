#include "layout/indicator_text.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/number_format.hpp"
#include "core/placeholders.hpp"

namespace baocao::layout {
namespace {

using model::Comparator;
using model::Quantity;
using model::Status;

/// Rounded half away from zero at `decimals`. A half that binary arithmetic
/// left a hair below (1.765 is 1.76499…) still rounds up, as a person would.
double round_half_away(double x, int decimals) {
  double scale = std::pow(10.0, decimals);
  double s = std::fabs(x) * scale;
  double whole = std::floor(s);
  if (s - whole >= 0.5 - 1e-12 * std::max(1.0, s)) whole += 1;
  return std::copysign(whole / scale, x);
}

/// How many decimals a typed number has (up to 6), as format_number counts them.
int decimals_of(double v) {
  v = std::fabs(v);
  int d = 0;
  while (d < 6) {
    double scaled = v * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-9 * std::max(1.0, scaled)) break;
    ++d;
  }
  return d;
}

std::string number_text(double v, const style::NumberStyle& ns) {
  return core::format_number(v, -1, ns.thousands, ns.decimal);
}

std::string written(const model::Number& n, const style::NumberStyle& ns) {
  return n.written.empty() ? number_text(n.value, ns) : n.written;
}

std::string with_unit(std::string v, const std::string& unit, Units units) {
  if (unit.empty()) return v;
  if (unit == "%") return v + "%";
  if (units == Units::percent_only) return v;
  return v + " " + unit;
}

bool has_words(const model::Indicator& ind) {
  return ind.result.kind == Quantity::Kind::text || ind.target.kind == Quantity::Kind::text;
}

/// A share of the target says something only for plain numbers where more is
/// better and the unit is not "%": "vượt 2%" of a rate would read as points.
bool share_applies(const model::Indicator& ind) {
  return ind.result.kind == Quantity::Kind::number && ind.target.kind == Quantity::Kind::number &&
         model::higher_is_better(ind) && ind.unit != "%" && ind.target.number.value > 0 &&
         ind.result.number.value >= 0;
}

/// The percent for "vượt {percent}%" (the excess over 100) or "đạt
/// {percent}%" (the share), in whole percent, or with 1 or 2 decimals when
/// fewer would contradict the status (600,3 of 600 is not "vượt 0%"); none
/// when even 2 decimals cannot tell it from 100%.
std::optional<std::string> share_percent(const model::Indicator& ind, Status status,
                                         const style::NumberStyle& ns) {
  // value * 100 first: 100.5 / 100 * 100 is 100.4999…, which would round down.
  double share = ind.result.number.value * 100.0 / ind.target.number.value;
  for (int d = 0; d <= 2; ++d) {
    double rounded = round_half_away(share, d);
    if (status == Status::exceeded && rounded > 100) {
      return number_text(round_half_away(rounded - 100, d), ns);
    }
    if (status == Status::missed && rounded < 100) return number_text(rounded, ns);
  }
  return std::nullopt;
}

const std::string& stated_word(Status s, const style::IndicatorWords& w) {
  if (s == Status::exceeded) return w.stated_exceeded;
  if (s == Status::met) return w.stated_met;
  return w.stated_missed;
}

/// Rounded to `from` decimals, or more (up to 6) while that would show
/// `never` (a 0,001% change is not "0%"): the amount of a change.
std::string amount_text(double x, int from, double never, const style::NumberStyle& ns) {
  double rounded = round_half_away(x, from);
  for (int d = from + 1; d <= 6 && rounded == never; ++d) rounded = round_half_away(x, d);
  return number_text(rounded, ns);
}

} // namespace

std::string format_quantity(const Quantity& q, const std::string& unit,
                            const style::NumberStyle& numbers, Units units) {
  switch (q.kind) {
  case Quantity::Kind::none:
    return "";
  case Quantity::Kind::number:
    return with_unit(written(q.number, numbers), unit, units);
  case Quantity::Kind::count: {
    // "04/09 thôn": a "%" after a count would read as its share.
    std::string v = written(q.number, numbers) + "/" + written(q.total, numbers);
    return unit == "%" ? v : with_unit(v, unit, units);
  }
  case Quantity::Kind::text:
    return q.text;
  }
  return "";
}

std::string format_indicator_target(const model::Indicator& ind, const style::IndicatorWords& w,
                                    const style::NumberStyle& numbers, Units units) {
  std::string target = format_quantity(ind.target, ind.unit, numbers, units);
  if (ind.target.kind != Quantity::Kind::number && ind.target.kind != Quantity::Kind::count) {
    return target; // words say their own bound
  }
  const std::string* pattern = nullptr;
  switch (ind.comparator) {
  case Comparator::unstated:
    return target;
  case Comparator::equal:
    pattern = &w.equal;
    break;
  case Comparator::at_least:
    pattern = &w.at_least;
    break;
  case Comparator::more_than:
    pattern = &w.more_than;
    break;
  case Comparator::at_most:
    pattern = &w.at_most;
    break;
  case Comparator::less_than:
    pattern = &w.less_than;
    break;
  case Comparator::about:
    pattern = &w.about;
    break;
  }
  return core::fill_placeholders(*pattern, {{"target", target}});
}

std::string format_indicator_result(const model::Indicator& ind, const style::NumberStyle& numbers,
                                    Units units) {
  return format_quantity(ind.result, ind.unit, numbers, units);
}

AssessmentForm assessment_form(const model::Indicator& ind) {
  Status s = model::assess(ind);
  if (s == Status::none) return AssessmentForm::none;
  if (has_words(ind)) return AssessmentForm::stated;
  if (!share_applies(ind)) return AssessmentForm::compare;
  if (s == Status::met || share_percent(ind, s, style::NumberStyle{})) return AssessmentForm::share;
  return AssessmentForm::compare;
}

std::string format_assessment(const model::Indicator& ind, const style::IndicatorWords& w,
                              const style::NumberStyle& numbers) {
  Status s = model::assess(ind);
  AssessmentForm form = assessment_form(ind);
  if (form == AssessmentForm::none) return "";
  if (form == AssessmentForm::stated) return stated_word(s, w);
  const std::string& against = ind.against.empty() ? w.against : ind.against;
  if (form == AssessmentForm::share && s != Status::met) {
    std::string percent = share_percent(ind, s, numbers).value_or("");
    const std::string& pattern = s == Status::exceeded ? w.exceeded_by : w.reached_share;
    return core::fill_placeholders(pattern, {{"percent", percent}, {"against", against}});
  }
  const std::string& pattern = s == Status::exceeded ? w.exceeded
                               : s == Status::met    ? w.met
                                                     : w.missed;
  return core::fill_placeholders(pattern, {{"against", against},
                                           {"result", format_indicator_result(ind, numbers)},
                                           {"target", format_indicator_target(ind, w, numbers)}});
}

std::string format_change(const model::Indicator& ind, const style::IndicatorWords& w,
                          const style::NumberStyle& numbers) {
  if (!ind.baseline || ind.result.kind != Quantity::Kind::number) return "";
  const double r = ind.result.number.value;
  const double b = ind.baseline->value.value;
  const bool percent_unit = ind.unit == "%";
  std::string change;
  if (model::same_value(r, b)) {
    change = w.unchanged;
  } else {
    const bool up = r > b;
    using As = model::ChangeAs;
    As as = ind.baseline->as;
    if (as == As::automatic) {
      // Rates change by points; "lần" from a doubling on, where "tăng 150%"
      // reads worse than "tăng 2,5 lần"; a fall is a percent ("giảm 2 lần" is
      // ambiguous).
      if (percent_unit || b <= 0) {
        as = As::difference;
      } else {
        as = up && r / b >= 2 ? As::ratio : As::percent;
      }
    }
    // A ratio or a percent of a baseline at or below 0 means nothing.
    if (as == As::ratio && (b <= 0 || r <= 0)) as = As::difference;
    if (as == As::percent && b <= 0) as = As::difference;
    std::string amount;
    if (as == As::ratio) {
      amount = core::fill_placeholders(w.ratio,
                                       {{"ratio", amount_text(up ? r / b : b / r, 2, 1, numbers)}});
    } else if (as == As::percent) {
      amount = amount_text(std::fabs(r - b) * 100.0 / b, 2, 0, numbers) + "%";
    } else {
      // The difference has the decimals its two figures were written with.
      int d = std::max(decimals_of(r), decimals_of(b));
      std::string diff = number_text(round_half_away(std::fabs(r - b), d), numbers);
      if (!percent_unit) {
        amount = with_unit(diff, ind.unit, Units::shown);
      } else if (w.points_as_percent) {
        amount = diff + "%";
      } else {
        amount = core::fill_placeholders(w.points, {{"points", diff}});
      }
    }
    change = core::fill_placeholders(up ? w.increase : w.decrease, {{"amount", amount}});
  }
  if (ind.baseline->when.empty()) return change;
  return core::fill_placeholders(w.since, {{"change", change}, {"when", ind.baseline->when}});
}

std::string format_tally(const model::Tally& t, const style::IndicatorWords& w,
                         const style::NumberStyle& numbers) {
  if (t.assessed == 0) return "";
  auto n = [&](int v) { return number_text(v, numbers); };
  return core::fill_placeholders(w.tally, {{"count", n(t.met_or_exceeded)},
                                           {"total", n(t.assessed)},
                                           {"exceeded", n(t.exceeded)},
                                           {"met", n(t.met)},
                                           {"missed", n(t.missed)}});
}

} // namespace baocao::layout
