#pragma once
// Vietnamese number and date writing (official-format.md, "Numbers and dates").
#include <string>

namespace baocao::core {

/// 3677 -> "3.677"; 14.4 (decimals=1) -> "14,4". Negative numbers get a U+2212-free "-".
/// decimals < 0 means "as many as needed, up to 6, trailing zeros dropped".
std::string format_number(double value, int decimals = -1);

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

/// Share of a target reached, in whole percent, as official reports word it:
/// above the target "vượt 53%", otherwise "đạt 98%". Rounded half away from zero.
struct TargetShare {
  bool exceeded = false;
  long percent = 0; ///< "vượt": the excess over 100; "đạt": the share itself
};
TargetShare target_share(double value, double target);

} // namespace baocao::core
