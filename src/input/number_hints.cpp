#include "input/number_hints.hpp"

#include <algorithm>
#include <optional>

#include "input/loader_util.hpp"

namespace baocao::input {
namespace {

/// Vietnamese phrases that bound a target, and the comparator each is in
/// model::Comparator (src/model/indicator.hpp), by its schema-2 name. Longer
/// phrases come before the ones they contain ("trên dưới" before "trên").
struct Phrase {
  std::string_view prefix, suffix, comparator;
};
constexpr Phrase kPhrases[] = {
    {"từ ", " trở lên", "at_least"},
    {"từ ", "", "at_least"}, // "từ 95%": the "trở lên" is often left out
    {"trên dưới ", "", "about"},
    {"không vượt quá ", "", "at_most"},
    {"không quá ", "", "at_most"},
    {"tối đa ", "", "at_most"},
    {"tối thiểu ", "", "at_least"},
    {"ít nhất ", "", "at_least"},
    {"", " trở lên", "at_least"},
    {"", " trở xuống", "at_most"},
    {"dưới ", "", "less_than"},
    {"trên ", "", "more_than"},
    {"hơn ", "", "more_than"},
    {"khoảng ", "", "about"},
    {"xấp xỉ ", "", "about"},
    {"bằng ", "", "equal"},
};

/// What was typed, read the way a Vietnamese office writes numbers.
struct Reading {
  std::string comparator;  ///< "less_than"; empty: no phrase
  std::string number;      ///< as YAML takes it: "4.25", "1234567"
  std::string other;       ///< "3.677" when "3.677" might mean 3677 or not
  std::string reason;      ///< why YAML did not take it
  std::string unit;        ///< "%", "tỷ đồng"
  std::string part, total; ///< a count out of a total, "04" of "04/09"
};

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

/// "1.234.567" grouped by `sep`: 1-3 digits, then groups of exactly 3.
bool thousands(std::string_view s, char sep) {
  auto groups = split(s, sep);
  if (groups.size() < 2 || !all_digits(groups[0]) || groups[0].size() > 3) return false;
  return std::all_of(groups.begin() + 1, groups.end(),
                     [](std::string_view g) { return g.size() == 3 && all_digits(g); });
}

std::string without(std::string_view s, char c) {
  std::string out(s);
  out.erase(std::remove(out.begin(), out.end(), c), out.end());
  return out;
}

/// "05" → "5": YAML reads a plain 05 as 5 anyway, so the hint writes that.
std::string strip_zeros(std::string s) {
  std::size_t nz = s.find_first_not_of('0');
  if (nz == std::string::npos) return "0";
  if (nz > 0 && nz < s.size() && s[nz] != '.') s.erase(0, nz);
  return s;
}

/// The digits of a number typed with separators, as YAML wants them.
std::optional<Reading> read_digits(std::string_view t, bool percent) {
  Reading r;
  const auto dots = std::count(t.begin(), t.end(), '.');
  const auto commas = std::count(t.begin(), t.end(), ',');
  const std::string_view point = "YAML numbers take a decimal point";
  const std::string_view grouping = "YAML numbers have no thousands separator";
  if (dots == 0 && commas == 0) {
    if (!all_digits(t)) return std::nullopt;
    r.number = strip_zeros(std::string(t));
  } else if (commas == 0) {
    if (dots >= 2) {
      if (!thousands(t, '.')) return std::nullopt;
      r.number = without(t, '.');
      r.reason = grouping;
    } else {
      auto parts = split(t, '.');
      if (!all_digits(parts[0]) || !all_digits(parts[1])) return std::nullopt;
      r.number = std::string(t);
      // "3.677" is 3677 in a Vietnamese text but 3.677 to YAML; "4.25%" is a rate.
      if (parts[1].size() == 3 && parts[0].size() <= 3 && !percent) {
        r.other = r.number;
        r.number = without(t, '.');
      }
    }
  } else if (dots == 0) {
    if (commas >= 2) {
      if (!thousands(t, ',')) return std::nullopt;
      r.number = without(t, ',');
      r.reason = grouping;
    } else {
      auto parts = split(t, ',');
      if (!all_digits(parts[0]) || !all_digits(parts[1])) return std::nullopt;
      r.number = std::string(parts[0]) + "." + std::string(parts[1]);
      r.reason = point;
    }
  } else {
    // Both: the last one marks the decimals, the other groups thousands.
    std::size_t last = t.find_last_of(".,");
    char decimal = t[last], group = decimal == ',' ? '.' : ',';
    std::string_view whole = t.substr(0, last), fraction = t.substr(last + 1);
    if (!thousands(whole, group) || !all_digits(fraction)) return std::nullopt;
    r.number = without(whole, group) + "." + std::string(fraction);
    r.reason =
        decimal == ',' ? "YAML numbers take a decimal point and no thousands separator" : grouping;
  }
  return r;
}

/// Reads "dưới 2%", "4,25%", "1.234.567", "04/09 thôn", "38 triệu đồng".
std::optional<Reading> read(std::string_view typed) {
  std::string s(trim(typed));
  // "Dưới 2": the phrases begin with an ASCII letter, so lowering that is enough.
  if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
  std::string_view rest = s;
  std::string comparator;
  for (const Phrase& p : kPhrases) {
    if (rest.substr(0, p.prefix.size()) != p.prefix) continue;
    std::string_view body = rest.substr(p.prefix.size());
    if (body.size() < p.suffix.size() || body.substr(body.size() - p.suffix.size()) != p.suffix) {
      continue;
    }
    rest = trim(body.substr(0, body.size() - p.suffix.size()));
    comparator = p.comparator;
    break;
  }
  bool negative = !rest.empty() && rest[0] == '-';
  if (negative) rest.remove_prefix(1);
  std::size_t n = 0;
  while (n < rest.size() &&
         (is_digit(rest[n]) || rest[n] == '.' || rest[n] == ',' || rest[n] == '/')) {
    ++n;
  }
  while (n > 0 && (rest[n - 1] == '.' || rest[n - 1] == ',')) --n; // "2," ends a phrase
  std::string_view digits = rest.substr(0, n);
  std::string unit(trim(rest.substr(n)));
  // A unit is "%" or words: not "234 567" of "1 234 567", nor "-02-30" of a date.
  auto letter = [](char c) {
    auto u = static_cast<unsigned char>(c);
    return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '%';
  };
  if (digits.empty() || (!unit.empty() && !letter(unit[0]))) return std::nullopt;
  std::optional<Reading> r;
  if (digits.find('/') != digits.npos) {
    auto parts = split(digits, '/');
    if (negative || parts.size() != 2 || !all_digits(parts[0]) || !all_digits(parts[1])) {
      return std::nullopt;
    }
    r = Reading{};
    r->part = std::string(parts[0]);
    r->total = std::string(parts[1]);
    r->number = strip_zeros(r->part);
  } else {
    r = read_digits(digits, unit == "%");
    if (!r) return std::nullopt;
    if (negative) {
      r->number = "-" + r->number;
      if (!r->other.empty()) r->other = "-" + r->other;
    }
  }
  r->comparator = std::move(comparator);
  r->unit = std::move(unit);
  return r;
}

std::string key_value(std::string_view key, std::string_view value) {
  return key.empty() ? std::string(value) : std::string(key) + ": " + std::string(value);
}

/// A unit as YAML needs it written: quoted when it holds "%" or another
/// character YAML treats specially.
std::string yaml_unit(const std::string& unit) {
  if (unit.find_first_of("%@`'\"#&*!|>[]{},:") == std::string::npos) return unit;
  std::string out = "'";
  for (char c : unit) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

/// A text in double quotes, as it would be typed in the YAML.
std::string double_quoted(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

/// The advice without parentheses: "YAML numbers take a decimal point:
/// write value: 4.25 and unit: '%'".
std::string advice(std::string_view typed, std::string_view key, const NumberUse& use,
                   bool with_reason = true) {
  std::optional<Reading> r = read(typed);
  if (!r) return "";
  using W = NumberUse::Where;
  const std::string shown(trim(typed));
  std::string out;
  const bool is_count = !r->total.empty();
  if (is_count) {
    out = r->part + "/" + r->total + " is a count out of a total: ";
  } else if (!r->reason.empty() && with_reason) {
    out = r->reason + ": ";
  }
  if (use.where == W::table_cell) {
    return out + "write text: " + double_quoted(shown) + " to print it as written, or " +
           key_value(key, r->number);
  }
  // What to write, joined "a, b and c": the number, its unit, its comparator.
  std::vector<std::string> write = {key_value(key, r->number)};
  if (!r->unit.empty() && r->unit != use.unit) {
    if (use.where == W::figure) write.push_back("unit: " + yaml_unit(r->unit));
    if (use.where == W::chart) write.push_back("the chart's unit: " + yaml_unit(r->unit));
  }
  const bool target = key == "target";
  const bool comparator = !r->comparator.empty();
  if (comparator && target && use.comparators) write.push_back("comparator: " + r->comparator);
  out += "write ";
  for (std::size_t i = 0; i < write.size(); ++i) {
    out += (i == 0 ? "" : i + 1 == write.size() ? " and " : ", ") + write[i];
  }
  if (!r->other.empty()) out += ", or " + key_value(key, r->other) + " if the dot marks decimals";
  if (use.where == W::figure && (is_count || (comparator && !(target && use.comparators)))) {
    out += (write.size() > 1 ? ", and say " : " and say ") + double_quoted(shown) + " in note";
    if (!use.comparators && is_count) {
      out += ": schema 1 has no counts, schema 2 takes " +
             std::string(target ? "target" : "result") + ": " + r->part + "/" + r->total;
    } else if (!use.comparators && comparator && target) {
      out += ": schema 1 has no comparator, schema 2 takes comparator: " + r->comparator;
    }
  } else if (use.where == W::chart && target && comparator) {
    out += ": a chart's target has no comparator";
  }
  return out;
}

} // namespace

std::string number_hint(std::string_view typed, std::string_view key, const NumberUse& use) {
  std::string a = advice(typed, key, use);
  return a.empty() ? a : " (" + a + ")";
}

std::string comma_split_hint(std::string_view key, std::string_view value,
                             const std::vector<std::string>& split_off, const NumberUse& use) {
  if (split_off.empty()) return "";
  // The keys that hold numbers (schema 2's indicator adds result and
  // baseline); a label of "2,5 triệu" wants quotes, not a decimal point.
  static const std::vector<std::string_view> number_keys = {"value", "target", "number", "result",
                                                            "baseline"};
  const bool number_key =
      std::find(number_keys.begin(), number_keys.end(), key) != number_keys.end();
  // `value: 4,25%` in { }: YAML read value: 4 and a key "25%".
  if (number_key && all_digits(value) && !split_off[0].empty() && is_digit(split_off[0][0])) {
    std::string a = advice(std::string(value) + "," + split_off[0], key, use, false);
    if (!a.empty()) return "a decimal point, not a comma: " + a;
  }
  // A number then words is some other mistake: quoting would make it text.
  if (number_key) return "";
  // "2,5 triệu": digits on both sides of the comma were one number, written without a space.
  std::string whole(value);
  for (const auto& s : split_off) {
    bool decimal = !whole.empty() && is_digit(whole.back()) && !s.empty() && is_digit(s[0]);
    whole += (decimal ? "," : ", ") + s;
  }
  return "quotes around a value that contains a comma: " + key_value(key, double_quoted(whole));
}

std::string cell_split_hint(std::string_view before, std::string_view after) {
  if (!all_digits(before) || after.empty() || !is_digit(after[0])) return "";
  std::string typed = std::string(before) + "," + std::string(after);
  std::optional<Reading> r = read(typed);
  if (!r || !r->total.empty() || !r->comparator.empty()) return "";
  return double_quoted(typed) + " in quotes to print it as written, or " + r->number;
}

std::string reserved_start_hint(std::string_view line, std::size_t pos) {
  if (pos >= line.size() || (line[pos] != '%' && line[pos] != '@' && line[pos] != '`')) return "";
  std::string_view before = line.substr(0, pos);
  // Inside [ ] or { } the value ends at a comma or bracket, else at a comment.
  long open = 0;
  for (char c : before) open += (c == '{' || c == '[') - (c == '}' || c == ']');
  std::size_t end = open > 0 ? line.find_first_of(",]}", pos) : line.find(" #", pos);
  std::string_view value = trim(line.substr(pos, end == line.npos ? line.npos : end - pos));
  std::string quoted = "'";
  for (char c : value) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  quoted += "'";
  before = trim(before);
  std::string written = quoted;
  if (!before.empty() && before.back() == ':') {
    std::string_view k = before.substr(0, before.size() - 1);
    std::size_t start = k.find_last_of("{[,-");
    if (start != k.npos) k = k.substr(start + 1);
    k = trim(k);
    if (!k.empty()) written = std::string(k) + ": " + quoted;
  } else if (!before.empty() && before.back() == '-') {
    written = "- " + quoted;
  }
  return "quotes around it: " + written;
}

} // namespace baocao::input
