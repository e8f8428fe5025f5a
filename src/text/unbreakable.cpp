#include "text/unbreakable.hpp"

#include <algorithm>
#include <string>

#include <glib.h>

#include "text/pango_handles.hpp"

namespace baocao::text {
namespace {

/// A bound stretch longer than this is left breakable: overflowing a narrow
/// table cell is worse than a break inside it.
constexpr size_t kMaxBytes = 48;

struct Word {
  size_t begin;
  size_t end;
  std::string_view text;
};

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    size_t start = i;
    // A newline is an explicit break: a rule never joins across it.
    while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
    if (i > start) out.push_back({start, i, text.substr(start, i - start)});
    if (i < text.size() && text[i] == '\n') {
      out.push_back({i, i + 1, text.substr(i, 1)});
      ++i;
    }
  }
  return out;
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/// Lower case and composed, so "ĐỒNG" and a decomposed "đồng" match "đồng".
std::string fold(std::string_view s) {
  GCharPtr nfc(g_utf8_normalize(s.data(), static_cast<gssize>(s.size()), G_NORMALIZE_NFC));
  if (!nfc) return std::string(s);
  GCharPtr low(g_utf8_strdown(nfc.get(), -1));
  return low ? std::string(low.get()) : std::string(s);
}

/// The word without punctuation that may follow it in a sentence ("đồng," "hộ).").
std::string_view strip_trailing(std::string_view w) {
  while (!w.empty() && std::string_view(",.;:)!?").find(w.back()) != std::string_view::npos)
    w.remove_suffix(1);
  return w;
}

bool ends_with_digit(std::string_view w) {
  w = strip_trailing(w);
  return !w.empty() && is_digit(w.back());
}

bool starts_with_digit(std::string_view w) {
  if (!w.empty() && w.front() == '(') w.remove_prefix(1);
  return !w.empty() && is_digit(w.front());
}

/// "-", en dash or em dash at `w`'s start; its length in bytes, or 0.
size_t dash_at(std::string_view w, size_t at = 0) {
  std::string_view rest = w.substr(std::min(at, w.size()));
  if (rest.starts_with("-")) return 1;
  if (rest.starts_with("\u2013") || rest.starts_with("\u2014")) return 3;
  return 0;
}

bool is_dash(std::string_view w) {
  size_t n = dash_at(w);
  return n > 0 && n == w.size();
}

/// "2010–2015" (a break after an en dash is allowed) or "2020-".
bool has_digit_dash(std::string_view w, bool need_digit_after) {
  for (size_t i = 1; i < w.size(); ++i) {
    if (!is_digit(w[i - 1])) continue;
    size_t n = dash_at(w, i);
    if (n == 0) continue;
    if (!need_digit_after) return i + n == w.size();
    if (i + n < w.size() && is_digit(w[i + n])) return true;
  }
  return false;
}

/// Words that read as one unit after a number; "đảng viên" is two words.
const std::vector<std::string_view> kUnits = {
    "%",        "‰",     "đồng",    "đ",      "usd",       "triệu",    "tỷ",        "tỉ",
    "nghìn",    "ngàn",  "trăm",    "vạn",    "ha",        "km",       "km2",       "km²",
    "m",        "m2",    "m²",      "m3",     "m³",        "kg",       "tấn",       "tạ",
    "lít",      "người", "hộ",      "lượt",   "đảng viên", "hội viên", "đoàn viên", "học sinh",
    "lao động", "cơ sở", "tổ chức", "chi bộ", "thôn",      "xã"};

/// How many words from `i` make a unit (0 if none).
size_t unit_at(const std::vector<Word>& words, size_t i) {
  for (size_t n : {2, 1}) {
    if (i + n > words.size()) continue;
    std::string joined;
    for (size_t k = 0; k < n; ++k) {
      if (k) joined += ' ';
      // Only the last word may carry trailing punctuation ("đồng," "viên.").
      joined += k + 1 == n ? strip_trailing(words[i + k].text) : words[i + k].text;
    }
    std::string f = fold(joined);
    for (auto u : kUnits) {
      if (f == u) return n;
    }
  }
  return 0;
}

} // namespace

const std::vector<std::string_view>& unit_words() {
  return kUnits;
}

std::vector<ByteRange> unbreakable_ranges(std::string_view text) {
  auto words = words_of(text);
  std::vector<ByteRange> found;
  auto bind = [&](size_t first, size_t last) {
    found.push_back({words[first].begin, words[last].end});
  };
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i].text;
    std::string_view next = i + 1 < words.size() ? words[i + 1].text : std::string_view{};
    // Ranges of numbers: "2010–2015", "2020 - 2025", "2020- 2025", "2020 -2025".
    if (has_digit_dash(w, true)) bind(i, i);
    if (ends_with_digit(w) && is_dash(next) && i + 2 < words.size() &&
        starts_with_digit(words[i + 2].text))
      bind(i, i + 2);
    if (has_digit_dash(w, false) && starts_with_digit(next)) bind(i, i + 1);
    if (ends_with_digit(w) && dash_at(next) > 0 && next.size() > dash_at(next) &&
        is_digit(next[dash_at(next)]))
      bind(i, i + 1);
    // A number and its units: "45 triệu đồng" (up to three units in a row).
    if (ends_with_digit(w)) {
      size_t last = i;
      for (int k = 0; k < 3; ++k) {
        size_t n = unit_at(words, last + 1);
        if (n == 0) break;
        last += n;
      }
      if (last > i) bind(i, last);
    }
    // "Số 05", "Số: 125-BC/ĐU".
    if (i + 1 < words.size() && starts_with_digit(next)) {
      std::string f = fold(w);
      if (f == "số" || f == "số:") bind(i, i + 1);
    }
    // The closing mark never starts a line: "… Lang ./.".
    if (i > 0 && w.starts_with("./.") && words[i - 1].text != "\n") bind(i - 1, i);
  }
  std::sort(found.begin(), found.end(),
            [](const ByteRange& a, const ByteRange& b) { return a.begin < b.begin; });
  std::vector<ByteRange> merged;
  for (const auto& r : found) {
    if (!merged.empty() && r.begin < merged.back().end)
      merged.back().end = std::max(merged.back().end, r.end);
    else
      merged.push_back(r);
  }
  std::erase_if(merged, [](const ByteRange& r) { return r.end - r.begin > kMaxBytes; });
  return merged;
}

} // namespace baocao::text
