#include "core/timestamp.hpp"

#include <cctype>
#include <ctime>

namespace baocao::core {
namespace {

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int days_in_month(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : kDays[m - 1];
}

/// `n` digits of `s` from `at` as a number, or -1.
int digits(const std::string& s, size_t at, size_t n) {
  if (at + n > s.size()) return -1;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

constexpr int64_t kLastSecond = 253402300799; // 9999-12-31T23:59:59Z

} // namespace

std::optional<UtcTime> parse_utc_date(const std::string& s) {
  if (s.size() != 10 && s.size() != 20) return std::nullopt;
  if (s[4] != '-' || s[7] != '-') return std::nullopt;
  UtcTime t{digits(s, 0, 4), digits(s, 5, 2), digits(s, 8, 2)};
  if (t.year < 1 || t.month < 1 || t.month > 12 || t.day < 1 ||
      t.day > days_in_month(t.year, t.month))
    return std::nullopt;
  if (s.size() == 10) return t;
  if (s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') return std::nullopt;
  t.hour = digits(s, 11, 2);
  t.minute = digits(s, 14, 2);
  t.second = digits(s, 17, 2);
  if (t.hour < 0 || t.hour > 23 || t.minute < 0 || t.minute > 59 || t.second < 0 || t.second > 59)
    return std::nullopt;
  return t;
}

std::optional<UtcTime> parse_epoch(const std::string& s) {
  if (s.empty() || s.size() > 12) return std::nullopt;
  int64_t v = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v > kLastSecond) return std::nullopt;
  return from_epoch(v);
}

UtcTime from_epoch(int64_t seconds) {
  // Howard Hinnant's civil_from_days, for days since 1970-01-01 >= 0.
  int64_t days = seconds / 86400, rest = seconds % 86400;
  int64_t z = days + 719468;
  int64_t era = z / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return UtcTime{year,
                 month,
                 day,
                 static_cast<int>(rest / 3600),
                 static_cast<int>(rest % 3600 / 60),
                 static_cast<int>(rest % 60)};
}

std::string vietnam_time(int64_t seconds, const char* pattern) {
  const std::time_t local = static_cast<std::time_t>(seconds + 7 * 3600);
  std::tm tm{};
  gmtime_r(&local, &tm);
  char buf[64];
  size_t n = std::strftime(buf, sizeof buf, pattern, &tm);
  return std::string(buf, n);
}

} // namespace baocao::core
