#pragma once
// A UTC date and time for a document's metadata, and the two ways a user
// gives one: `--date` and SOURCE_DATE_EPOCH (docs/reproducible.md).
#include <cstdint>
#include <optional>
#include <string>

namespace baocao::core {

/// A moment in UTC, to the second.
struct UtcTime {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool operator==(const UtcTime&) const = default;
};

/// "YYYY-MM-DD" (midnight) or "YYYY-MM-DDTHH:MM:SSZ"; nullopt for anything
/// else, including a day the month does not have.
std::optional<UtcTime> parse_utc_date(const std::string& text);

/// SOURCE_DATE_EPOCH's value: decimal seconds since 1970-01-01 UTC, up to
/// the end of year 9999; nullopt for anything else.
std::optional<UtcTime> parse_epoch(const std::string& text);

/// The moment `seconds` after 1970-01-01T00:00:00Z (not before it).
UtcTime from_epoch(int64_t seconds);

/// `seconds` since 1970 written by a strftime `pattern` in Vietnam's time
/// (UTC+7, no daylight saving), whatever the machine's zone: Decree 30 dates
/// a signature so ("%Y-%m-%dT%H:%M:%S+07:00").
std::string vietnam_time(int64_t seconds, const char* pattern);

} // namespace baocao::core
