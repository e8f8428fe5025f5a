#pragma once
// Small string helpers for error messages: lists, quoting user text, and
// "did you mean" suggestions. Header-only: no YAML, no model.
#include <algorithm>
#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baocao::input {

/// "a, b, c".
inline std::string join(const std::vector<std::string>& words, std::string_view sep = ", ") {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += sep;
    out += words[i];
  }
  return out;
}

/// Text as a message quotes it: at most 40 bytes (cut at a character, with
/// "…") and on one line, so a long paragraph does not swamp the message.
inline std::string shorten(std::string_view s) {
  std::string out(s);
  if (out.size() > 40) {
    std::size_t cut = 40;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out = out.substr(0, cut) + "…";
  }
  std::replace(out.begin(), out.end(), '\n', ' ');
  return out;
}

namespace detail {
/// Optimal string alignment distance: a swapped pair ("titel") costs 1.
inline std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

/// The next code point of UTF-8 text at `i` (advancing `i`); text from the
/// loader is valid UTF-8.
inline char32_t next_code_point(std::string_view s, std::size_t& i) {
  unsigned char c = static_cast<unsigned char>(s[i++]);
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
  char32_t cp = extra == 0 ? c : c & (0x3F >> extra);
  for (; extra > 0 && i < s.size(); --extra) cp = (cp << 6) | (s[i++] & 0x3F);
  return cp;
}

/// Vietnamese letters without their marks, lower case: "Kinh tế" and "kinh
/// te" fold alike, since people type names without diacritics.
inline std::string fold_vietnamese(std::string_view s) {
  static const std::pair<char, std::string_view> kLetters[] = {
      {'a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
      {'e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
      {'i', "ìíỉĩịÌÍỈĨỊ"},
      {'o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
      {'u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},
      {'y', "ỳýỷỹỵỲÝỶỸỴ"},
      {'d', "đĐ"}};
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    char plain = 0;
    if (cp < 0x80) {
      plain = static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
    } else {
      for (const auto& [base, marked] : kLetters) {
        for (std::size_t j = 0; j < marked.size() && !plain;) {
          if (next_code_point(marked, j) == cp) plain = base;
        }
        if (plain) break;
      }
    }
    out += plain ? plain : '?';
  }
  return out;
}

inline std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}
} // namespace detail

/// A word from `options` close to `word` (a typo, different case, or missing
/// Vietnamese diacritics), or
/// nullopt. Short words allow one edit, longer ones two, so unrelated keys
/// get no misleading suggestion.
inline std::optional<std::string> closest(std::string_view word,
                                          const std::vector<std::string>& options) {
  if (word.empty() || word.size() > 64) return std::nullopt;
  std::string w = detail::ascii_lower(word);
  std::optional<std::string> best;
  std::size_t best_d = std::numeric_limits<std::size_t>::max();
  const std::string folded = detail::fold_vietnamese(word);
  for (const auto& option : options) {
    // A typo, or the same words typed without their diacritics ("Kinh te").
    std::size_t d = std::min(detail::edit_distance(w, detail::ascii_lower(option)),
                             detail::edit_distance(folded, detail::fold_vietnamese(option)));
    std::size_t limit = std::min(w.size(), option.size()) <= 4 ? 1 : 2;
    if (d <= limit && d < best_d && option != word) {
      best = option;
      best_d = d;
    }
  }
  return best;
}

/// " (did you mean \"title\"?)" or "".
inline std::string did_you_mean(std::string_view word, const std::vector<std::string>& options) {
  auto best = closest(word, options);
  return best ? " (did you mean \"" + *best + "\"?)" : "";
}

} // namespace baocao::input
