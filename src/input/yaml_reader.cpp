#include "input/yaml_reader.hpp"

#include <glib.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <istream>
#include <limits>
#include <streambuf>

#include "core/c_handle.hpp"
#include "core/error.hpp"
#include "input/markup.hpp"
#include "input/yaml_events.hpp"
#include "input/yaml_prescan.hpp"

namespace baocao::input {
namespace {

using detail::count_chars;
using detail::TreeBuilder;

/// Line and character column (both 1-based) of byte offset `pos` in `text`.
core::SourceSpan span_at_offset(std::string_view text, std::size_t pos, const std::string& file) {
  pos = std::min(pos, text.size());
  std::string_view before = text.substr(0, pos);
  int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
  std::size_t line_start = before.rfind('\n');
  line_start = line_start == std::string_view::npos ? 0 : line_start + 1;
  int col = 1 + static_cast<int>(count_chars(before.substr(line_start)));
  return core::SourceSpan{file, line, col};
}

/// Checks the raw bytes before yaml-cpp sees them: yaml-cpp passes invalid
/// UTF-8 through untouched, and this is the only point where the exact byte
/// position is still known.
void check_encoding(std::string_view text, const std::string& file) {
  if (text.size() >= 2 && ((static_cast<unsigned char>(text[0]) == 0xFF &&
                            static_cast<unsigned char>(text[1]) == 0xFE) ||
                           (static_cast<unsigned char>(text[0]) == 0xFE &&
                            static_cast<unsigned char>(text[1]) == 0xFF) ||
                           // UTF-16 without a byte order mark: ASCII with a NUL beside it.
                           ((text[0] == '\0') != (text[1] == '\0')))) {
    throw core::InputError(core::SourceSpan{file, 1, 1}, "", "the file is encoded as UTF-16",
                           "UTF-8 text (save the file as UTF-8)");
  }
  const gchar* end = nullptr;
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), &end)) return;
  std::size_t bad = static_cast<std::size_t>(end - text.data());
  char byte_hex[8];
  std::snprintf(byte_hex, sizeof byte_hex, "0x%02X", static_cast<unsigned char>(text[bad]));
  std::string problem = text[bad] == '\0' ? std::string("the file contains a NUL byte")
                                          : std::string("invalid UTF-8 (byte ") + byte_hex + ")";
  throw core::InputError(span_at_offset(text, bad, file), "", problem,
                         "UTF-8 text (save the file as UTF-8)");
}

/// yaml-cpp reads through an istream; this one reads the caller's bytes
/// without copying them.
class ViewBuf : public std::streambuf {
public:
  explicit ViewBuf(std::string_view s) {
    // The get area is only read (putback of the same byte only moves back).
    char* p = const_cast<char*>(s.data());
    setg(p, p, p + s.size());
  }
};

/// Turns yaml-cpp's syntax message into one that says how to fix the file.
[[noreturn]] void syntax_error(std::string_view text, const YAML::Mark& mark,
                               const std::string& msg, const TreeBuilder& builder) {
  core::SourceSpan where = builder.span(mark);
  auto pos = mark.pos >= 0 ? static_cast<std::size_t>(mark.pos) : text.size();
  if (pos < text.size() && text[pos] == '*' && msg == YAML::ErrorMsg::UNKNOWN_ANCHOR) {
    throw core::InputError(where, "",
                           "YAML reads a value that starts with * as an alias (*name), so "
                           "markup at the start of a value must be quoted",
                           "quotes around the value, e.g. '**59 cơ sở** ...'");
  }
  pos = std::min(pos, text.size());
  std::size_t line_start = 0;
  if (pos > 0) {
    std::size_t nl = text.rfind('\n', pos - 1);
    if (nl != std::string_view::npos) line_start = nl + 1;
  }
  std::string_view line = text.substr(line_start);
  line = line.substr(0, line.find('\n'));
  std::string_view indent = line.substr(0, line.find_first_not_of(" \t"));
  if (indent.find('\t') != std::string_view::npos) {
    throw core::InputError(where, "", "YAML syntax error: " + msg + " (a tab indents this line)",
                           "spaces for indentation, never tabs");
  }
  // `unit: %`: a plain value cannot start with a reserved character.
  if (msg == YAML::ErrorMsg::UNKNOWN_TOKEN) {
    std::string hint = reserved_start_hint(line, pos - line_start);
    if (!hint.empty()) {
      throw core::InputError(where, builder.path_here(),
                             "YAML cannot read a value that starts with \"" +
                                 std::string(1, text[pos]) + "\" unquoted",
                             hint);
    }
  }
  // `title: Phần I: Kết quả` — the second ": " makes YAML see a nested mapping.
  std::string_view before = text.substr(line_start, pos - line_start);
  if (msg == YAML::ErrorMsg::MAP_VALUE && before.find(": ") != std::string_view::npos) {
    throw core::InputError(where, "",
                           "YAML syntax error: " + msg + " (a second \": \" on this line)",
                           "quotes around text that contains \": \", e.g. "
                           "title: \"Phần I: Kết quả\"");
  }
  throw core::InputError(where, "", "YAML syntax error: " + msg,
                         "valid YAML (check the indentation, colons and quotes here and on the "
                         "line before)");
}

} // namespace

std::optional<std::string> to_nfc(std::string_view s) {
  // ASCII without NUL is valid UTF-8 and already NFC (keys, numbers, dates).
  if (std::all_of(s.begin(), s.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u != 0 && u < 0x80;
      })) {
    return std::string(s);
  }
  if (!g_utf8_validate(s.data(), static_cast<gssize>(s.size()), nullptr)) return std::nullopt;
  core::CHandle<gchar, g_free> out(
      g_utf8_normalize(s.data(), static_cast<gssize>(s.size()), G_NORMALIZE_NFC));
  if (!out) return std::nullopt;
  return std::string(out.get());
}

Tree parse_yaml(std::string_view text, const std::string& file) {
  // yaml-cpp skips a UTF-8 byte order mark, but its byte offsets would then
  // disagree with ours; drop it first.
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  check_encoding(text, file);
  // Before yaml-cpp recurses into it; the margin over kMaxDepth is for the
  // estimate's excess (the builder checks the exact depth).
  if (auto at = detail::find_deep_nesting(text, 4 * detail::kMaxDepth); at != text.npos) {
    throw core::InputError(span_at_offset(text, at, file), "", detail::too_deep_problem(),
                           detail::too_deep_expected());
  }
  // One parse: the builder makes the Tree from the first document's events.
  // The loop is bounded: on a stray top-level "," yaml-cpp 0.7 starts an
  // empty document at the same token forever, allocating as it goes. Two
  // more documents are read so that their syntax errors come first, as
  // before the second document is refused.
  TreeBuilder builder(text, file);
  try {
    ViewBuf buf(text);
    std::istream in(&buf);
    YAML::Parser parser(in);
    for (int i = 0; i < 3 && parser.HandleNextDocument(builder); ++i) {
      const auto& s = builder.starts;
      if (s.size() >= 2 && s[s.size() - 1].pos == s[s.size() - 2].pos) {
        auto pos = static_cast<std::size_t>(std::max(0, s.back().pos));
        std::string c = pos < text.size() ? std::string(1, text[pos]) : std::string("?");
        throw core::InputError(builder.span(s.back()), "",
                               "YAML syntax error: \"" + c + "\" cannot start a value here",
                               "valid YAML (remove the stray \"" + c + "\" or quote the text)");
      }
    }
  } catch (const YAML::DeepRecursion& e) { // a backstop: the pre-scan comes first
    throw core::InputError(builder.span(e.mark), "", detail::too_deep_problem(),
                           detail::too_deep_expected());
  } catch (const YAML::Exception& e) {
    syntax_error(text, e.mark, e.msg, builder);
  }
  if (builder.starts.empty())
    return Tree{Tree::Kind::null, {}, false, {}, {}, {file, 1, 1}, {}, false};
  if (builder.starts.size() >= 2) {
    throw core::InputError(builder.span(builder.starts[1]), "",
                           "a second YAML document starts here (after a --- line, or a line "
                           "indented less than the first)",
                           "one YAML document per file, every top-level key at the same indent");
  }
  return builder.take_root();
}

std::string read_file_capped(const std::filesystem::path& file, std::size_t max_bytes) {
  const std::string name = file.string();
  std::error_code ec;
  if (std::filesystem::is_directory(file, ec)) {
    throw core::InputError(core::SourceSpan{name, 0, 0}, "", "is a folder, not a file",
                           "a YAML file");
  }
  auto too_large = [&] {
    std::string cap = max_bytes % (std::size_t{1} << 20) == 0
                          ? std::to_string(max_bytes >> 20) + " MiB"
                          : std::to_string(max_bytes) + " bytes";
    throw core::InputError(core::SourceSpan{name, 0, 0}, "", "the file is larger than " + cap,
                           "a file of at most " + cap);
  };
  // A regular file's size is known: refuse a huge one without reading it.
  if (std::filesystem::is_regular_file(file, ec) &&
      std::filesystem::file_size(file, ec) > max_bytes && !ec) {
    too_large();
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw core::InputError(core::SourceSpan{name, 0, 0}, "",
                           std::string("cannot open the file (") + std::strerror(errno) + ")",
                           "a readable YAML file");
  }
  // Read in chunks rather than trusting the size on disk: pipes and /dev
  // files have none.
  std::string out;
  char buf[1 << 16];
  while (in) {
    in.read(buf, sizeof buf);
    out.append(buf, static_cast<std::size_t>(in.gcount()));
    if (out.size() > max_bytes) too_large();
  }
  if (in.bad()) {
    throw core::InputError(core::SourceSpan{name, 0, 0}, "", "cannot read the file",
                           "a readable YAML file");
  }
  return out;
}

// ---- Messages ---------------------------------------------------------------

void fail(const Tree& at, std::string problem, std::string expected) {
  throw core::InputError(at.where, at.path, std::move(problem), std::move(expected));
}

void fail_at(const core::SourceSpan& where, std::string key_path, std::string problem,
             std::string expected) {
  throw core::InputError(where, std::move(key_path), std::move(problem), std::move(expected));
}

std::string describe(const Tree& t) {
  switch (t.kind) {
  case Tree::Kind::null:
    return "nothing";
  case Tree::Kind::sequence:
    return "a list";
  case Tree::Kind::mapping:
    return "a mapping";
  case Tree::Kind::scalar:
    break;
  }
  if (is_plain_number(t)) return "a number";
  if (is_plain_bool(t)) return "true/false";
  return "text";
}

// ---- Scalars ----------------------------------------------------------------

namespace {
bool all_digits(std::string_view s, int base) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [base](char c) {
    if (c >= '0' && c <= '9') return c - '0' < base;
    return base == 16 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
  });
}

/// YAML 1.2 core schema number syntax, checked by hand (std::regex recurses
/// per character and could exhaust the stack on a long scalar).
std::optional<double> parse_yaml_number(std::string_view s) {
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return std::numeric_limits<double>::quiet_NaN();
  for (int base : {16, 8}) {
    std::string_view prefix = base == 16 ? "0x" : "0o";
    if (s.substr(0, 2) == prefix && all_digits(s.substr(2), base)) {
      unsigned long long v = 0;
      auto digits = s.substr(2);
      auto r = std::from_chars(digits.data(), digits.data() + digits.size(), v, base);
      if (r.ec != std::errc()) return std::numeric_limits<double>::infinity();
      return static_cast<double>(v);
    }
  }
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s == ".inf" || s == ".Inf" || s == ".INF") {
    return negative ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  std::size_t i = 0;
  std::size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return std::nullopt;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!all_digits(s.substr(i), 10)) return std::nullopt;
    i = s.size();
  }
  if (i != s.size()) return std::nullopt;
  double v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec == std::errc::result_out_of_range) {
    v = std::numeric_limits<double>::infinity();
  } else if (r.ec != std::errc())
    return std::nullopt;
  return negative ? -v : v;
}

/// The key a value is under ("value" of "figures[0].value"); "" for a list item.
std::string_view last_key(std::string_view path) {
  if (path.empty() || path.back() == ']') return {};
  std::size_t dot = path.rfind('.');
  return dot == std::string_view::npos ? path : path.substr(dot + 1);
}

/// Why text where a number belongs is not one, and what to write instead.
std::string why_not_number(const Tree& t, const NumberUse& use) {
  if (parse_yaml_number(t.scalar)) return " (remove the quotes)";
  return number_hint(t.scalar, last_key(t.path), use);
}

} // namespace

bool is_plain_number(const Tree& t) {
  return t.kind == Tree::Kind::scalar && !t.quoted && parse_yaml_number(t.scalar).has_value();
}

bool is_plain_bool(const Tree& t) {
  static const std::vector<std::string> words = {"true", "True", "TRUE", "false", "False", "FALSE"};
  return t.kind == Tree::Kind::scalar && !t.quoted &&
         std::find(words.begin(), words.end(), t.scalar) != words.end();
}

std::string text(const Tree& t, bool allow_empty) {
  if (is_plain_number(t) || is_plain_bool(t)) {
    fail(t,
         "got " + describe(t) + ", " + shorten(t.scalar) + " (write \"" + shorten(t.scalar) +
             "\" in quotes if it is text)",
         "text");
  }
  if (t.kind != Tree::Kind::scalar) fail(t, "got " + describe(t), "text");
  if (!allow_empty && t.scalar.find_first_not_of(" \t\n") == std::string::npos) {
    fail(t, "is empty", "text");
  }
  return t.scalar;
}

model::RichText rich_text(const Tree& t) {
  return parse_markup(text(t), t.where, t.path);
}

double number(const Tree& t, const std::string& expected, const NumberUse& use) {
  if (t.kind != Tree::Kind::scalar || !is_plain_number(t)) {
    std::string got = describe(t);
    if (got == "text") got = "text \"" + shorten(t.scalar) + "\"" + why_not_number(t, use);
    fail(t, "got " + got, expected);
  }
  double v = *parse_yaml_number(t.scalar);
  if (!std::isfinite(v)) fail(t, shorten(t.scalar) + " is not a finite number", expected);
  return v;
}

double number_at_least(const Tree& t, double min, bool min_inclusive, const std::string& expected,
                       const NumberUse& use) {
  double v = number(t, expected, use);
  if (min_inclusive ? v < min : v <= min) fail(t, shorten(t.scalar) + " is out of range", expected);
  return v;
}

long long whole_number(const Tree& t, long long lo, long long hi, const std::string& expected) {
  double v = number(t, expected);
  if (v != std::floor(v)) fail(t, shorten(t.scalar) + " is not a whole number", expected);
  if (v < static_cast<double>(lo) || v > static_cast<double>(hi)) {
    fail(t, shorten(t.scalar) + " is out of range", expected);
  }
  return static_cast<long long>(v);
}

bool boolean(const Tree& t) {
  if (!is_plain_bool(t)) fail(t, "got " + describe(t), "true or false");
  return t.scalar[0] == 't' || t.scalar[0] == 'T';
}

core::Date date(const Tree& t) {
  const std::string expected = "a date YYYY-MM-DD";
  if (t.kind != Tree::Kind::scalar) fail(t, "got " + describe(t), expected);
  const std::string& s = t.scalar;
  auto digits = [&](std::size_t from, std::size_t n) {
    return all_digits(std::string_view(s).substr(from, n), 10);
  };
  if (s.size() != 10 || !digits(0, 4) || s[4] != '-' || !digits(5, 2) || s[7] != '-' ||
      !digits(8, 2)) {
    fail(t, "\"" + shorten(t.scalar) + "\" is not written YYYY-MM-DD", expected);
  }
  core::Date d{std::stoi(s.substr(0, 4)), std::stoi(s.substr(5, 2)), std::stoi(s.substr(8, 2))};
  if (!d.valid()) fail(t, s + " is not a calendar date", expected);
  return d;
}

std::string choice(const Tree& t, const std::vector<std::string>& options) {
  const std::string expected = "one of: " + join(options);
  if (t.kind != Tree::Kind::scalar || is_plain_number(t) || is_plain_bool(t)) {
    fail(t, "got " + describe(t), expected);
  }
  if (std::find(options.begin(), options.end(), t.scalar) == options.end()) {
    fail(t, "unknown value \"" + shorten(t.scalar) + "\"" + did_you_mean(t.scalar, options),
         expected);
  }
  return t.scalar;
}

const std::vector<Tree>& list(const Tree& t, std::size_t min_items, const std::string& expected) {
  if (t.kind != Tree::Kind::sequence) fail(t, "got " + describe(t), expected);
  if (t.items.size() < min_items) fail(t, "the list is empty", expected);
  return t.items;
}

// ---- Mappings ---------------------------------------------------------------

namespace {
/// `{label: Thu nhập bình quân, đầu người, value: 38}`: YAML ends the label
/// at the comma and reads "đầu người" as a key without a value. Throws with
/// the quotes to add when entry i is such a key.
void check_comma_split(const Tree& node, std::size_t i, const std::vector<std::string>& known,
                       NumberUse use) {
  const auto& entries = node.entries;
  auto unknown = [&](const Entry& e) {
    return std::find(known.begin(), known.end(), e.key) == known.end();
  };
  if (!node.flow || i == 0 || entries[i].value.kind != Tree::Kind::null) return;
  const Entry& before = entries[i - 1];
  if (before.value.kind != Tree::Kind::scalar || before.value.quoted) return;
  std::vector<std::string> split_off;
  for (std::size_t j = i; j < entries.size(); ++j) {
    if (!unknown(entries[j]) || entries[j].value.kind != Tree::Kind::null) break;
    split_off.push_back(entries[j].key);
  }
  for (const auto& e : entries) {
    if (e.key == "unit" && use.unit.empty()) use.unit = e.value.scalar;
  }
  std::string hint = comma_split_hint(before.key, before.value.scalar, split_off, use);
  if (hint.empty()) return;
  fail_at(entries[i].key_where, before.value.path,
          "YAML ended " + before.key + ": " + shorten(before.value.scalar) +
              " at the comma, so \"" + shorten(entries[i].key) + "\" is read as a key",
          hint);
}
} // namespace

Mapping::Mapping(const Tree& node, std::vector<std::string> known, const std::string& expected,
                 const NumberUse& use)
    : node_(node), known_(std::move(known)) {
  if (node.kind != Tree::Kind::mapping) fail(node, "got " + describe(node), expected);
  for (std::size_t i = 0; i < node.entries.size(); ++i) {
    const Entry& e = node.entries[i];
    if (std::find(known_.begin(), known_.end(), e.key) == known_.end()) {
      check_comma_split(node, i, known_, use);
      fail_at(e.key_where, node.path,
              "unknown key \"" + shorten(e.key) + "\"" + did_you_mean(e.key, known_),
              "one of: " + join(known_));
    }
  }
}

const Entry* Mapping::entry(std::string_view key) const {
  for (const auto& e : node_.entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

const Tree* Mapping::find(std::string_view key) const {
  const Entry* e = entry(key);
  return e ? &e->value : nullptr;
}

const Tree& Mapping::need(std::string_view key, const std::string& what) const {
  const Tree* t = find(key);
  if (!t) {
    fail(node_, "missing required key \"" + std::string(key) + "\"",
         "a \"" + std::string(key) + "\" key with " + what);
  }
  return *t;
}

} // namespace baocao::input
