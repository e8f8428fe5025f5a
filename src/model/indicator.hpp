#pragma once
// Chỉ tiêu (issue 13): what a congress resolution set, what was reached, and
// whether it was met, as real reports state them: "dưới 2%", "từ 90% trở
// lên", "04/09 thôn", "tăng 1,76 lần so với đầu nhiệm kỳ", or a sentence.
// Plain data checked by `input`; the status is computed here, never typed,
// and worded by layout (layout/indicator_text) with the template's words.
#include <optional>
#include <string>
#include <vector>

#include "core/source_span.hpp"

namespace baocao::model {

using core::SourceSpan;

/// A number as the report wrote it. `written` keeps the digits when the
/// writing matters ("05", "04"): official texts keep leading zeros.
struct Number {
  double value = 0;
  std::string written; ///< "05"; empty: written the template's way from `value`
};

/// A result or a target: a number, a count out of a total ("04/09 thôn"), or
/// words for what cannot be counted ("duy trì xã đạt chuẩn quốc gia về y tế").
struct Quantity {
  enum class Kind { none, number, count, text } kind = Kind::none;
  Number number;    ///< number; count: the part (04 of 04/09)
  Number total;     ///< count: the whole (09 of 04/09)
  std::string text; ///< text
  bool empty() const { return kind == Kind::none; }
};

/// How a target bounds the result. `unstated` is a bare number: read as at
/// least (higher is better) or at most (lower is better), and written bare.
enum class Comparator { unstated, equal, at_least, more_than, at_most, less_than, about };

/// Whether more is better (members, income) or less (poverty, accidents, cost).
enum class Direction { higher_is_better, lower_is_better };

/// Whether a result met its target.
enum class Status {
  none,     ///< nothing to compare: no result, no target, or words on either side
  exceeded, ///< vượt: better than the target
  met,      ///< đạt: exactly the target, or within an `about` / bounded target
  missed    ///< không đạt
};

/// How a change against the baseline is written: "tăng 1,76 lần" (ratio),
/// "tăng 25%" (percent), "tăng 8 triệu đồng" (difference); automatic lets the
/// rules of docs/indicators.md choose (a "%" unit: the difference, in points or
/// "%" as the template says).
enum class ChangeAs { automatic, ratio, percent, difference };

/// Where a change is measured from: "tăng 1,76 lần so với đầu nhiệm kỳ".
struct Baseline {
  Number value;
  std::string when; ///< "đầu nhiệm kỳ", "năm 2015"
  ChangeAs as = ChangeAs::automatic;
};

struct Indicator {
  std::string id; ///< how a figures block or a chart refers to it; may be empty
  std::string label;
  std::string unit; ///< "%" is written without a space
  Quantity result;  ///< what was reached; none for a next-term target
  Quantity target;  ///< what was set; none when there was no target
  Comparator comparator = Comparator::unstated;
  Direction direction = Direction::higher_is_better;
  std::optional<Baseline> baseline;
  std::string against; ///< "nghị quyết", "kế hoạch", "cùng kỳ"; empty: the template's word
  std::string period; ///< "hằng năm", "bình quân/năm", "đến năm 2025"; may be empty
  std::string note;
  /// Only where the result or the target is words (nothing to compute): the
  /// status the report states. A number's status is always computed.
  std::optional<Status> stated;
  SourceSpan where;
};

/// Indicators under a heading ("Kinh tế"); numbering runs on across groups.
struct IndicatorGroup {
  std::string title; ///< empty: indicators written without a group
  std::vector<Indicator> indicators;
  SourceSpan where;
};

/// Two values are equal when they differ by at most this share of the
/// larger (1e-9): so 0.1 + 0.2 equals 0.3, and no written figure is rounded away.
inline constexpr double kEqualEpsilon = 1e-9;
/// `about` is met within this share of the target either side (±5%).
inline constexpr double kAboutTolerance = 0.05;

/// Equal within kEqualEpsilon.
bool same_value(double a, double b);

/// The two numbers assess() compares: for counts, their parts when the totals
/// agree, else their shares; a count against a number, its share in percent
/// for a "%" unit, else its part. None without a comparable result and target.
struct Compared {
  double result = 0;
  double target = 0;
};
std::optional<Compared> compared(const Indicator& indicator);

/// The comparator with `unstated` read by the direction: at_least when higher
/// is better, at_most when lower is better.
Comparator effective_comparator(const Indicator& indicator);
/// Which side of the target is better: the bound's for at_least / more_than
/// (higher) and at_most / less_than (lower), the direction's otherwise.
bool higher_is_better(const Indicator& indicator);

/// Computed from the numbers, never typed; docs/indicators.md states the
/// rules with worked examples that a test checks one by one. Words on either
/// side give the status the report states (`stated`), or none.
Status assess(const Indicator& indicator);

/// "13/15 chỉ tiêu đạt và vượt": of the indicators with a status, how many
/// were met or exceeded.
struct Tally {
  int met_or_exceeded = 0;
  int assessed = 0; ///< indicators whose status is not none
  int exceeded = 0;
  int met = 0;
  int missed = 0;
};
Tally tally(const std::vector<IndicatorGroup>& groups);

} // namespace baocao::model
