#include <catch2/catch.hpp>

#include "core/timestamp.hpp"

using baocao::core::UtcTime;

TEST_CASE("parse_utc_date reads a day or a UTC time", "[timestamp]") {
  CHECK(baocao::core::parse_utc_date("2015-08-11") == UtcTime{2015, 8, 11, 0, 0, 0});
  CHECK(baocao::core::parse_utc_date("2024-02-29T23:59:58Z") == UtcTime{2024, 2, 29, 23, 59, 58});
  CHECK_FALSE(baocao::core::parse_utc_date("2023-02-29"));
  CHECK_FALSE(baocao::core::parse_utc_date("2015-13-01"));
  CHECK_FALSE(baocao::core::parse_utc_date("2015-08-11T10:00:00"));
  CHECK_FALSE(baocao::core::parse_utc_date("2015-08-11T24:00:00Z"));
  CHECK_FALSE(baocao::core::parse_utc_date("11/08/2015"));
  CHECK_FALSE(baocao::core::parse_utc_date(""));
}

TEST_CASE("parse_epoch turns SOURCE_DATE_EPOCH into a UTC time", "[timestamp]") {
  CHECK(baocao::core::parse_epoch("0") == UtcTime{1970, 1, 1, 0, 0, 0});
  CHECK(baocao::core::parse_epoch("951782400") == UtcTime{2000, 2, 29, 0, 0, 0});
  CHECK(baocao::core::parse_epoch("1700000000") == UtcTime{2023, 11, 14, 22, 13, 20});
  CHECK(baocao::core::parse_epoch("253402300799") == UtcTime{9999, 12, 31, 23, 59, 59});
  CHECK_FALSE(baocao::core::parse_epoch("253402300800"));
  CHECK_FALSE(baocao::core::parse_epoch("-1"));
  CHECK_FALSE(baocao::core::parse_epoch("12abc"));
  CHECK_FALSE(baocao::core::parse_epoch(""));
}

TEST_CASE("a signing time is written in Vietnam's time, whatever the machine's zone", "[core]") {
  // 2026-12-06T08:04:05Z is 15:04:05 in Hà Nội.
  const int64_t t = 1796544245;
  CHECK(baocao::core::vietnam_time(t, "%Y-%m-%dT%H:%M:%S+07:00") == "2026-12-06T15:04:05+07:00");
  // At 18:00 UTC it is already the next day in Hà Nội.
  CHECK(baocao::core::vietnam_time(t + 9 * 3600 + 55 * 60, "%Y-%m-%d %H:%M") ==
        "2026-12-07 00:59");
}
