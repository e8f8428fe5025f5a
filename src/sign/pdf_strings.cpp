#include "sign/pdf_strings.hpp"

#include <cctype>
#include <cstdint>

namespace baocao::sign {
namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::optional<std::string> hex_bytes(std::string_view v) {
  std::string out;
  out.reserve(v.size() / 2);
  int high = -1;
  for (size_t i = 1; i + 1 < v.size(); ++i) {
    char c = v[i];
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0') continue;
    int d = hex_digit(c);
    if (d < 0) return std::nullopt;
    if (high < 0) {
      high = d;
    } else {
      out += static_cast<char>(high << 4 | d);
      high = -1;
    }
  }
  if (high >= 0) out += static_cast<char>(high << 4);
  return out;
}

std::string literal_bytes(std::string_view v) {
  std::string out;
  int depth = 0;
  for (size_t i = 1; i < v.size(); ++i) {
    char c = v[i];
    if (c == '\\' && i + 1 < v.size()) {
      char e = v[++i];
      switch (e) {
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case '\r': // a line continuation: neither byte is part of the string
        if (i + 1 < v.size() && v[i + 1] == '\n') ++i;
        break;
      case '\n':
        break;
      default:
        if (e >= '0' && e <= '7') {
          int n = e - '0';
          for (int k = 0; k < 2 && i + 1 < v.size() && v[i + 1] >= '0' && v[i + 1] <= '7'; ++k)
            n = n * 8 + (v[++i] - '0');
          out += static_cast<char>(n & 0xFF);
        } else {
          out += e; // \( \) \\ and any other escaped character stand for themselves
        }
      }
    } else if (c == '(') {
      ++depth;
      out += c;
    } else if (c == ')') {
      if (depth-- == 0) break;
      out += c;
    } else if (c == '\r') { // an end of line in a string reads as \n
      if (i + 1 < v.size() && v[i + 1] == '\n') ++i;
      out += '\n';
    } else {
      out += c;
    }
  }
  return out;
}

/// The number in text[at, at + n) if it is n digits.
std::optional<int> digits(std::string_view text, size_t at, size_t n) {
  if (at + n > text.size()) return std::nullopt;
  int v = 0;
  for (size_t i = at; i < at + n; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    v = v * 10 + (text[i] - '0');
  }
  return v;
}

} // namespace

std::optional<std::string> string_bytes(std::string_view value) {
  if (value.size() >= 2 && value.front() == '<' && value.back() == '>' && value[1] != '<')
    return hex_bytes(value);
  if (value.size() >= 2 && value.front() == '(') return literal_bytes(value);
  return std::nullopt;
}

std::string text_utf8(std::string_view b) {
  std::string out;
  if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFE &&
      static_cast<unsigned char>(b[1]) == 0xFF) {
    for (size_t i = 2; i + 1 < b.size(); i += 2) {
      uint32_t u = static_cast<unsigned char>(b[i]) << 8 | static_cast<unsigned char>(b[i + 1]);
      if (u >= 0xD800 && u < 0xDC00 && i + 3 < b.size()) {
        uint32_t low =
            static_cast<unsigned char>(b[i + 2]) << 8 | static_cast<unsigned char>(b[i + 3]);
        if (low >= 0xDC00 && low < 0xE000) {
          append_utf8(out, 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00));
          i += 2;
          continue;
        }
      }
      append_utf8(out, u >= 0xD800 && u < 0xE000 ? 0xFFFD : u); // a lone surrogate
    }
    return out;
  }
  if (b.size() >= 3 && b.substr(0, 3) == "\xEF\xBB\xBF") return std::string(b.substr(3));
  for (char c : b) append_utf8(out, static_cast<unsigned char>(c));
  return out;
}

std::optional<std::time_t> pdf_date(std::string_view t) {
  if (t.substr(0, 2) == "D:") t.remove_prefix(2);
  auto year = digits(t, 0, 4);
  if (!year) return std::nullopt;
  std::tm tm{};
  tm.tm_year = *year - 1900;
  tm.tm_mday = 1;
  // Each later part is optional, but only at the end.
  size_t at = 4;
  int* parts[] = {&tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec};
  const int low[] = {1, 1, 0, 0, 0}, high[] = {12, 31, 23, 59, 60};
  for (int k = 0; k < 5; ++k) {
    auto v = digits(t, at, 2);
    if (!v) break;
    if (*v < low[k] || *v > high[k]) return std::nullopt;
    *parts[k] = k == 0 ? *v - 1 : *v;
    at += 2;
  }
  long offset = 0; // seconds east of UTC
  if (at < t.size() && (t[at] == '+' || t[at] == '-')) {
    int sign = t[at] == '+' ? 1 : -1;
    auto hours = digits(t, at + 1, 2);
    if (!hours || *hours > 23) return std::nullopt;
    at += 3;
    int minutes = 0;
    if (at < t.size() && t[at] == '\'') ++at;
    if (auto m = digits(t, at, 2)) {
      if (*m > 59) return std::nullopt;
      minutes = *m;
      at += 2;
      if (at < t.size() && t[at] == '\'') ++at;
    }
    offset = sign * (*hours * 3600L + minutes * 60L);
  } else if (at < t.size() && t[at] == 'Z') {
    ++at;
    if (at < t.size() && t[at] == '0') at = t.size(); // "Z00'00'", as some writers put it
  }
  if (at != t.size()) return std::nullopt;
  return timegm(&tm) - offset;
}

} // namespace baocao::sign
