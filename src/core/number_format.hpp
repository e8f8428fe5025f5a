#pragma once
// Vietnamese number and date writing (official-format.md, "Numbers and dates").
#include <string>
#include <vector>

namespace baocao::core {

/// 3677 -> "3.677"; 14.4 (decimals=1) -> "14,4". Negative numbers get a U+2212-free "-".
/// decimals < 0 means "as many as needed, up to 6, trailing zeros dropped".
/// thousands/decimal choose other separators ("3,677.5" for English).
std::string format_number(double value, int decimals = -1, const std::string& thousands = ".",
                          const std::string& decimal = ",");

/// Whole year, never grouped: 2015 -> "2015".
std::string format_year(int year);

/// A calendar date.
struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  bool valid() const;
};

/// "ngày 11 tháng 8 năm 2015". Days 1-9 and months 1-2 get a leading zero.
std::string format_date_vi(const Date& d);

/// A date written by a pattern with placeholders: {place}, {date} (the
/// Vietnamese "ngày 11 tháng 8 năm 2015"), {day} and {month} (with the
/// leading-zero rule above), {d} and {m} (no zero), {year}, {month_name}
/// (from `month_names`, January first).
std::string format_date(const std::string& pattern, const Date& d,
                        const std::vector<std::string>& month_names,
                        const std::string& place = "{place}");

/// The blank an issuing office writes a figure into by hand or on signing:
/// no-break spaces, so it keeps its width and never breaks or collapses.
std::string blank(int width);

/// A document number with its serial left blank for the issuing office: the
/// leading digits go ("125-BC/ĐUK" -> "     -BC/ĐUK"); a number without them
/// gets the blank in front ("/BC-UBND" -> "     /BC-UBND").
std::string blank_number(const std::string& number);

/// format_date with the day, the month and the year's last two digits left
/// blank ("ngày      tháng      năm 20    "): the date the office issues it.
std::string format_blank_date(const std::string& pattern,
                              const std::vector<std::string>& month_names,
                              const std::string& place);

/// Share of a target reached, in whole percent, as official reports word it:
/// above the target "vượt 53%", otherwise "đạt 98%". Rounded half away from zero.
struct TargetShare {
  bool exceeded = false;
  long percent = 0; ///< "vượt": the excess over 100; "đạt": the share itself
};
TargetShare target_share(double value, double target);

} // namespace baocao::core
