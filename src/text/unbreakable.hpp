#pragma once
// Stretches of text a line must never break inside, found before shaping so
// every paragraph, title, caption and cell gets the same rules. The text
// itself is left as written (extracted PDF text reads as the author typed);
// the shaper turns each stretch into a Pango "no break here" attribute.
#include <cstddef>
#include <string_view>
#include <vector>

namespace baocao::text {

/// Byte offsets [begin, end) into UTF-8 text: no line break strictly inside.
struct ByteRange {
  size_t begin = 0;
  size_t end = 0;
  bool operator==(const ByteRange&) const = default;
};

/// The stretches of `text` that stay on one line, sorted and disjoint:
///   - a number range: "2020 - 2025", "2020 – 2025", "2010–2015", "2010 -2015";
///   - a number and the units after it: "45 triệu đồng", "15 %", "120 hộ",
///     "32 đảng viên" (units: unit_words());
///   - "Số" and the number after it: "Số 05", "Số: 125-BC/ĐU";
///   - a closing "./." and the word before it: "Lang ./.".
/// Words are split at ASCII spaces; a U+00A0 the author wrote is already a
/// space Pango never breaks at, so it needs no rule here.
std::vector<ByteRange> unbreakable_ranges(std::string_view text);

/// The unit words (lower case) a number keeps on its line, for the docs and tests.
const std::vector<std::string_view>& unit_words();

} // namespace baocao::text
