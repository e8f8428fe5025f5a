#include "core/number_format.hpp"

#include "core/placeholders.hpp"

#include <cctype>
#include <cmath>
#include <cstdio>

namespace baocao::core {

std::string format_number(double value, int decimals, const std::string& thousands,
                          const std::string& decimal) {
  bool negative = value < 0;
  double v = std::fabs(value);
  int digits = decimals;
  if (digits < 0) {
    // Shortest form up to 6 decimals: what a person typed in the YAML.
    digits = 0;
    while (digits < 6) {
      double scaled = v * std::pow(10.0, digits);
      if (std::fabs(scaled - std::round(scaled)) < 1e-9 * std::max(1.0, scaled)) break;
      ++digits;
    }
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  std::string plain(buf);
  auto dot = plain.find('.');
  std::string whole = plain.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : plain.substr(dot + 1);
  std::string grouped;
  int count = 0;
  for (auto it = whole.rbegin(); it != whole.rend(); ++it) {
    if (count > 0 && count % 3 == 0) grouped.insert(0, thousands);
    grouped.insert(grouped.begin(), *it);
    ++count;
  }
  std::string out = negative && (v != 0) ? "-" : "";
  out += grouped;
  if (!frac.empty()) out += decimal + frac;
  return out;
}

std::string format_year(int year) {
  return std::to_string(year);
}

bool Date::valid() const {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int max = days[month - 1];
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && leap) max = 29;
  return day <= max;
}

namespace {
// Days 1-9 and months 1-2 get a leading zero (official-format.md).
std::string two_digits(int v) {
  return v < 10 ? "0" + std::to_string(v) : std::to_string(v);
}
std::string day_text(const Date& d) {
  return two_digits(d.day);
}
std::string month_text(const Date& d) {
  return d.month <= 2 ? two_digits(d.month) : std::to_string(d.month);
}
} // namespace

std::string format_date_vi(const Date& d) {
  return "ngày " + day_text(d) + " tháng " + month_text(d) + " năm " + std::to_string(d.year);
}

std::string format_date(const std::string& pattern, const Date& d,
                        const std::vector<std::string>& month_names, const std::string& place) {
  std::string month_name = d.month >= 1 && static_cast<size_t>(d.month) <= month_names.size()
                               ? month_names[d.month - 1]
                               : "";
  return fill_placeholders(pattern, {{"place", place},
                                     {"date", format_date_vi(d)},
                                     {"day", day_text(d)},
                                     {"month", month_text(d)},
                                     {"d", std::to_string(d.day)},
                                     {"m", std::to_string(d.month)},
                                     {"year", std::to_string(d.year)},
                                     {"month_name", month_name}});
}

std::string blank(int width) {
  std::string out;
  for (int i = 0; i < width; ++i) out += "\u00A0";
  return out;
}

std::string blank_number(const std::string& number) {
  size_t digits = 0;
  while (digits < number.size() && number[digits] >= '0' && number[digits] <= '9') ++digits;
  return blank(6) + number.substr(digits);
}

std::string format_blank_date(const std::string& pattern,
                              const std::vector<std::string>& month_names,
                              const std::string& place) {
  // A month name such as "tháng 8" keeps its word and loses its figure.
  std::string month_word = month_names.empty() ? "" : month_names.front();
  while (!month_word.empty() &&
         (std::isdigit(static_cast<unsigned char>(month_word.back())) || month_word.back() == ' '))
    month_word.pop_back();
  const std::string day = blank(5), month = blank(5), year = "20" + blank(4);
  return fill_placeholders(pattern,
                           {{"place", place},
                            {"date", "ngày " + day + " tháng " + month + " năm " + year},
                            {"day", day},
                            {"month", month},
                            {"d", day},
                            {"m", month},
                            {"year", year},
                            {"month_name", month_word.empty() ? month : month_word + " " + month}});
}

TargetShare target_share(double value, double target) {
  TargetShare s;
  if (target <= 0) return s;
  // value * 100 first: 100.5 / 100 * 100 is 100.4999..., which would round down.
  double share = value * 100.0 / target;
  long rounded = std::lround(share);
  if (rounded > 100) {
    s.exceeded = true;
    s.percent = rounded - 100;
  } else {
    s.percent = rounded;
  }
  return s;
}

} // namespace baocao::core
