#include "sign/pdf_objects.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/error.hpp"

namespace baocao::sign {
namespace {

[[noreturn]] void bad(const std::string& name, const std::string& problem) {
  throw core::InputError({name, 0, 0}, "", problem, "a PDF that baocao wrote");
}

bool is_space(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}
bool is_delim(char c) {
  return std::strchr("()<>[]{}/%", c) != nullptr;
}

size_t skip_space(std::string_view s, size_t i) {
  while (i < s.size()) {
    if (is_space(s[i])) {
      ++i;
    } else if (s[i] == '%') {
      while (i < s.size() && s[i] != '\n' && s[i] != '\r') ++i;
    } else {
      break;
    }
  }
  return i;
}

size_t skip_token(std::string_view s, size_t i) {
  while (i < s.size() && !is_space(s[i]) && !is_delim(s[i])) ++i;
  return i;
}

bool is_integer(std::string_view t) {
  if (t.empty()) return false;
  for (char c : t)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// Arrays and dictionaries nested deeper than this are malformed: a hostile
// file of '[' must not overflow the stack.
constexpr int kMaxDepth = 256;

/// One past the end of the literal string "(…)" starting at i: nested
/// parentheses and escapes included (the end of `s` when it is not closed).
size_t skip_literal(std::string_view s, size_t i) {
  int depth = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '(') {
      ++depth;
    } else if (s[i] == ')' && --depth == 0) {
      return i + 1;
    }
  }
  return s.size();
}

/// One past the end of the value starting at i (after spaces). A value nested
/// too deep runs to the end of `s`, so nothing after it is read.
size_t skip_value(std::string_view s, size_t i, int depth = 0) {
  if (depth > kMaxDepth) return s.size();
  i = skip_space(s, i);
  if (i >= s.size()) return i;
  char c = s[i];
  if (c == '(') return skip_literal(s, i);
  if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') {
    i += 2;
    for (;;) {
      i = skip_space(s, i);
      if (i >= s.size()) return i;
      if (s.compare(i, 2, ">>") == 0) return i + 2;
      i = skip_value(s, i, depth + 1); // a key, then its value
    }
  }
  if (c == '<') {
    auto end = s.find('>', i);
    return end == std::string_view::npos ? s.size() : end + 1;
  }
  if (c == '[') {
    ++i;
    for (;;) {
      i = skip_space(s, i);
      if (i >= s.size()) return i;
      if (s[i] == ']') return i + 1;
      i = skip_value(s, i, depth + 1);
    }
  }
  if (c == '/') return skip_token(s, i + 1);
  size_t end = skip_token(s, i);
  if (end == i) return i + 1; // a stray delimiter
  // "12 0 R": a reference is one value.
  if (is_integer(s.substr(i, end - i))) {
    size_t j = skip_space(s, end);
    size_t k = skip_token(s, j);
    if (k > j && is_integer(s.substr(j, k - j))) {
      size_t l = skip_space(s, k);
      if (l < s.size() && s[l] == 'R' &&
          (l + 1 == s.size() || is_space(s[l + 1]) || is_delim(s[l + 1])))
        return l + 1;
    }
  }
  return end;
}

/// Walks a dictionary's keys: f(key begin, value begin, value end).
template <class F> void each_entry(std::string_view dict, F f) {
  size_t i = skip_space(dict, 0);
  if (dict.compare(i, 2, "<<") != 0) return;
  i += 2;
  for (;;) {
    i = skip_space(dict, i);
    if (i >= dict.size() || dict.compare(i, 2, ">>") == 0) return;
    if (dict[i] != '/') return;
    size_t key_end = skip_token(dict, i + 1);
    size_t value_begin = skip_space(dict, key_end);
    size_t value_end = skip_value(dict, value_begin);
    if (!f(i, key_end, value_begin, value_end)) return;
    i = value_end;
  }
}

long number_at(std::string_view s, size_t& i) {
  i = skip_space(s, i);
  size_t end = skip_token(s, i);
  if (!is_integer(s.substr(i, end - i))) return -1;
  long v = std::stol(std::string(s.substr(i, end - i)));
  i = end;
  return v;
}

/// Reads the cross-reference section at `at` into `out` (older entries do not
/// replace newer) and returns its trailer dictionary. `entries_left` bounds the
/// entries of all sections, which may overlap in a hostile file.
std::string read_section(const std::string& b, size_t at, std::map<int, size_t>& out,
                         const std::string& name, long& entries_left) {
  if (b.compare(at, 4, "xref") != 0)
    bad(name, "no cross-reference table where startxref points (a cross-reference stream or a "
              "damaged file)");
  size_t i = at + 4;
  for (;;) {
    i = skip_space(b, i);
    if (b.compare(i, 7, "trailer") == 0) break;
    long first = number_at(b, i), count = number_at(b, i);
    if (first < 0 || count < 0 || count > entries_left)
      bad(name, "a damaged cross-reference table");
    entries_left -= count;
    i = skip_space(b, i);
    for (long k = 0; k < count; ++k) {
      if (i + 18 > b.size()) bad(name, "a cut-off cross-reference table");
      long offset = std::strtol(b.c_str() + i, nullptr, 10);
      char kind = b[i + 17];
      if (kind == 'n') out.emplace(static_cast<int>(first + k), static_cast<size_t>(offset));
      i += 18;
      i = skip_space(b, i);
    }
  }
  i = skip_space(b, i + 7);
  size_t end = skip_value(b, i);
  return b.substr(i, end - i);
}

} // namespace

PdfFile read_pdf(std::string bytes, const std::string& name) {
  PdfFile pdf;
  pdf.bytes = std::move(bytes);
  const std::string& b = pdf.bytes;
  if (b.compare(0, 5, "%PDF-") != 0) bad(name, "not a PDF (no %PDF- header)");
  size_t tail = b.size() > 1024 ? b.size() - 1024 : 0;
  size_t sx = b.rfind("startxref", std::string::npos);
  if (sx == std::string::npos || sx < tail) bad(name, "no startxref at the end (a cut-off file?)");
  size_t i = sx + 9;
  long start = number_at(b, i);
  if (start < 0 || static_cast<size_t>(start) >= b.size())
    bad(name, "startxref points outside the file");
  pdf.startxref = static_cast<size_t>(start);
  size_t at = pdf.startxref;
  long entries_left = 10000000;
  size_t trailer_bytes = 0; // trailers may overlap too
  for (int sections = 0; sections < 1000; ++sections) {
    pdf.sections.push_back(at);
    std::string trailer = read_section(b, at, pdf.offsets, name, entries_left);
    if ((trailer_bytes += trailer.size()) > (16u << 20)) bad(name, "trailers over 16 MB");
    if (sections == 0) pdf.trailer = trailer;
    if (dict_get(trailer, "/XRefStm")) bad(name, "a hybrid cross-reference file");
    auto prev = dict_get(trailer, "/Prev");
    if (!prev) break;
    size_t j = 0;
    long p = number_at(*prev, j);
    if (p < 0 || static_cast<size_t>(p) >= b.size()) bad(name, "a /Prev outside the file");
    at = static_cast<size_t>(p);
    // Read again, a section would be read on to the bounds below for nothing.
    if (std::find(pdf.sections.begin(), pdf.sections.end(), at) != pdf.sections.end())
      bad(name, "a /Prev that loops back to an earlier cross-reference section");
  }
  auto size = dict_get(pdf.trailer, "/Size");
  size_t j = 0;
  pdf.size = size ? static_cast<int>(number_at(*size, j)) : -1;
  if (pdf.size <= 0) bad(name, "the trailer has no /Size");
  if (dict_get(pdf.trailer, "/Encrypt"))
    bad(name, "it is encrypted, which baocao can neither sign nor check");
  if (ref_number(dict_get(pdf.trailer, "/Root").value_or("")) == 0)
    bad(name, "the trailer has no /Root");
  return pdf;
}

std::string object_text(const PdfFile& pdf, int number, const std::string& name) {
  auto it = pdf.offsets.find(number);
  if (it == pdf.offsets.end()) bad(name, "object " + std::to_string(number) + " is missing");
  const std::string& b = pdf.bytes;
  size_t i = it->second;
  long n = number_at(b, i), g = number_at(b, i);
  i = skip_space(b, i);
  if (n != number || g < 0 || b.compare(i, 3, "obj") != 0)
    bad(name, "object " + std::to_string(number) + " is not where the table says");
  i = skip_space(b, i + 3);
  size_t end = skip_value(b, i);
  return b.substr(i, end - i);
}

std::optional<std::string> dict_get(std::string_view dict, std::string_view key) {
  std::optional<std::string> out;
  each_entry(dict, [&](size_t k, size_t ke, size_t vb, size_t ve) {
    if (dict.substr(k, ke - k) == key) {
      out = std::string(dict.substr(vb, ve - vb));
      return false;
    }
    return true;
  });
  return out;
}

std::optional<std::pair<size_t, size_t>> dict_value_span(std::string_view dict,
                                                         std::string_view key) {
  std::optional<std::pair<size_t, size_t>> out;
  each_entry(dict, [&](size_t k, size_t ke, size_t vb, size_t ve) {
    if (dict.substr(k, ke - k) == key) {
      out.emplace(vb, ve);
      return false;
    }
    return true;
  });
  return out;
}

std::string dict_set(std::string_view dict, std::string_view key, std::string_view value) {
  std::string out;
  bool done = false;
  each_entry(dict, [&](size_t k, size_t ke, size_t vb, size_t ve) {
    if (dict.substr(k, ke - k) == key) {
      out = std::string(dict.substr(0, vb)) + std::string(value) + std::string(dict.substr(ve));
      done = true;
      return false;
    }
    return true;
  });
  if (done) return out;
  size_t end = dict.rfind(">>");
  return std::string(dict.substr(0, end)) + " " + std::string(key) + " " + std::string(value) +
         " " + std::string(dict.substr(end));
}

int ref_number(std::string_view value) {
  size_t i = 0;
  long n = number_at(value, i);
  if (n <= 0) return 0;
  long g = number_at(value, i);
  i = skip_space(value, i);
  if (g < 0 || i >= value.size() || value[i] != 'R') return 0;
  return static_cast<int>(n);
}

std::vector<std::string> array_items(std::string_view array) {
  std::vector<std::string> out;
  size_t i = skip_space(array, 0);
  if (i >= array.size() || array[i] != '[') return out;
  ++i;
  for (;;) {
    i = skip_space(array, i);
    if (i >= array.size() || array[i] == ']') return out;
    size_t end = skip_value(array, i);
    out.emplace_back(array.substr(i, end - i));
    i = end;
  }
}

std::string text_string(const std::string& utf8) {
  std::string hex = "<FEFF";
  char buf[8];
  for (size_t i = 0; i < utf8.size();) {
    unsigned char c = static_cast<unsigned char>(utf8[i]);
    uint32_t cp = 0;
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (int k = 1; k < len && i + static_cast<size_t>(k) < utf8.size(); ++k)
      cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + static_cast<size_t>(k)]) & 0x3F);
    i += static_cast<size_t>(len);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      std::snprintf(buf, sizeof buf, "%04X", 0xD800 + (cp >> 10));
      hex += buf;
      cp = 0xDC00 + (cp & 0x3FF);
    }
    std::snprintf(buf, sizeof buf, "%04X", cp);
    hex += buf;
  }
  return hex + ">";
}

} // namespace baocao::sign

namespace baocao::sign {

std::string stream_data(const PdfFile& pdf, int number, const std::string& name) {
  const std::string dict = object_text(pdf, number, name);
  auto length_value = dict_get(dict, "/Length");
  if (!length_value) bad(name, "stream " + std::to_string(number) + " has no /Length");
  std::string length_text = *length_value;
  if (int n = ref_number(length_text)) length_text = object_text(pdf, n, name);
  size_t j = 0;
  long length = number_at(length_text, j);
  const std::string& b = pdf.bytes;
  // The dictionary is found again in the file: object_text gave a copy.
  size_t at = pdf.offsets.at(number);
  at = b.find(dict, at);
  size_t i = at == std::string::npos ? at : b.find("stream", at + dict.size());
  if (length < 0 || i == std::string::npos)
    bad(name, "stream " + std::to_string(number) + " is damaged");
  i += 6;
  if (i < b.size() && b[i] == '\r') ++i;
  if (i < b.size() && b[i] == '\n') ++i;
  if (static_cast<size_t>(length) > b.size() - std::min(i, b.size()))
    bad(name, "stream " + std::to_string(number) + " runs past the end of the file");
  return b.substr(i, static_cast<size_t>(length));
}

std::string map_refs(std::string_view s, const std::function<int(int)>& f) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '(') { // a literal string, nested parentheses and escapes kept
      size_t end = skip_literal(s, i);
      out.append(s.substr(i, end - i));
      i = end;
    } else if (c == '<' && i + 1 < s.size() && s[i + 1] == '<') {
      out += "<<"; // a dictionary, not a hex string
      i += 2;
    } else if (c == '<') {
      size_t end = s.find('>', i);
      end = end == std::string_view::npos ? s.size() : end + 1;
      out.append(s.substr(i, end - i));
      i = end;
    } else if (std::isdigit(static_cast<unsigned char>(c)) &&
               (i == 0 || is_space(s[i - 1]) || is_delim(s[i - 1]))) {
      size_t end = skip_token(s, i);
      size_t j = skip_space(s, end);
      size_t k = skip_token(s, j);
      size_t l = k < s.size() ? skip_space(s, k) : k;
      bool is_ref = is_integer(s.substr(i, end - i)) && k > j && is_integer(s.substr(j, k - j)) &&
                    l < s.size() && s[l] == 'R' &&
                    (l + 1 == s.size() || is_space(s[l + 1]) || is_delim(s[l + 1]));
      if (is_ref && end - i < 10) {
        out += std::to_string(f(std::stoi(std::string(s.substr(i, end - i))))) + " 0 R";
        i = l + 1;
      } else {
        out.append(s.substr(i, end - i));
        i = end;
      }
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

std::optional<double> number_value(std::string_view value) {
  std::string t(value);
  char* end = nullptr;
  double v = std::strtod(t.c_str(), &end);
  if (end == t.c_str()) return std::nullopt;
  return v;
}

} // namespace baocao::sign
