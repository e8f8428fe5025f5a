#include "input/csv_reader.hpp"

#include <algorithm>
#include <charconv>
#include <string>

#include "input/loader_util.hpp"
#include "input/yaml_reader.hpp"

namespace baocao::input {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string place(std::size_t row, std::size_t column) {
  return "row " + std::to_string(row) + ", column " + std::to_string(column);
}

/// "1.234.567": 1-3 digits not starting with 0, then groups of exactly 3.
bool grouped(const std::vector<std::string_view>& groups) {
  if (groups.size() < 2 || groups[0].empty() || groups[0].size() > 3 || groups[0][0] == '0') {
    return false;
  }
  return std::all_of(groups.begin() + 1, groups.end(), [](std::string_view g) {
    return g.size() == 3 && std::all_of(g.begin(), g.end(), is_digit);
  });
}

/// One record split into fields; `end` is where the next record starts.
struct Record {
  std::vector<std::string> fields;
  std::vector<bool> quoted;
};

class CsvParser {
public:
  CsvParser(std::string_view s, char delimiter) : s_(s), delimiter_(delimiter) {}

  bool done() const { return pos_ >= s_.size(); }

  /// The next record; `row` is its number, for messages.
  Record next(std::size_t row) {
    Record r;
    for (;;) {
      std::size_t column = r.fields.size() + 1;
      if (column > kMaxDataRowCells) {
        throw DataError("row " + std::to_string(row) + " has more than " +
                            std::to_string(kMaxDataRowCells) + " fields",
                        "at most " + std::to_string(kMaxDataRowCells) + " columns");
      }
      std::string field;
      bool quoted = pos_ < s_.size() && s_[pos_] == '"';
      if (quoted) {
        ++pos_;
        for (;;) {
          if (pos_ >= s_.size()) {
            throw DataError(place(row, column) + ": the quote that opens the field is never closed",
                            "a closing \" (write \"\" for a quote inside a quoted field)");
          }
          char c = s_[pos_++];
          if (c == '"') {
            if (pos_ < s_.size() && s_[pos_] == '"') {
              field += '"';
              ++pos_;
              continue;
            }
            break;
          }
          field += c;
          check_length(field, row, column);
        }
        if (pos_ < s_.size() && !end_of_field(s_[pos_])) {
          throw DataError(place(row, column) + ": text follows the closing quote",
                          "the delimiter or the end of the line after a quoted field (write \"\" "
                          "for a quote inside it)");
        }
      } else {
        while (pos_ < s_.size() && !end_of_field(s_[pos_])) {
          field += s_[pos_++];
          check_length(field, row, column);
        }
      }
      r.fields.push_back(std::move(field));
      r.quoted.push_back(quoted);
      if (pos_ >= s_.size()) return r;
      char c = s_[pos_++];
      if (c == delimiter_) continue;
      if (c == '\r' && pos_ < s_.size() && s_[pos_] == '\n') ++pos_;
      return r;
    }
  }

private:
  bool end_of_field(char c) const { return c == delimiter_ || c == '\n' || c == '\r'; }

  static void check_length(const std::string& field, std::size_t row, std::size_t column) {
    if (field.size() > kMaxDataCellBytes) {
      throw DataError(place(row, column) + ": the field is longer than " +
                          std::to_string(kMaxDataCellBytes) + " bytes",
                      "a shorter value");
    }
  }

  std::string_view s_;
  char delimiter_;
  std::size_t pos_ = 0;
};

/// Fields of record number `record` (0-based) split by `d`, outside quotes.
std::size_t count_fields(std::string_view s, char d, std::size_t record) {
  std::size_t n = 1, at = 0;
  bool in_quotes = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '"') {
      in_quotes = !in_quotes;
    } else if (!in_quotes && (c == '\n' || c == '\r')) {
      if (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ++i;
      if (at == record) break;
      ++at;
      n = 1;
    } else if (!in_quotes && c == d && at == record) {
      ++n;
    }
  }
  return n;
}

/// The delimiter that splits the first data row (a title or header row above
/// it may have any number of fields) into the table's columns, ";" when both do.
char choose_delimiter(std::string_view s, std::size_t columns, std::size_t header_rows) {
  std::size_t comma = count_fields(s, ',', header_rows);
  std::size_t semicolon = count_fields(s, ';', header_rows);
  // ";" first: a file with ";" between fields is one whose numbers may hold
  // a decimal comma ("Tổ 1;12,5" splits into two both ways).
  if (semicolon == columns) return ';';
  if (comma == columns) return ',';
  return semicolon > comma ? ';' : ',';
}

} // namespace

FieldKind read_field_number(std::string_view field, char decimal, double& value) {
  std::string_view s = trim(field);
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  if (s.empty() || !is_digit(s.front()) || !is_digit(s.back())) return FieldKind::text;
  if (!std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c) || c == '.' || c == ','; }))
    return FieldKind::text;
  const auto dots = std::count(s.begin(), s.end(), '.');
  const auto commas = std::count(s.begin(), s.end(), ',');
  std::string whole, fraction;
  if (dots + commas == 0) {
    whole = s;
  } else if (dots > 0 && commas > 0) {
    // "1.234,5" or "1,234.5": the last mark, once, is the decimal one.
    char mark = s[s.find_last_of(".,")];
    char group = mark == '.' ? ',' : '.';
    if (std::count(s.begin(), s.end(), mark) != 1 || (decimal && decimal != mark)) {
      return FieldKind::text;
    }
    auto at = s.find(mark);
    auto groups = split(s.substr(0, at), group);
    if (!grouped(groups)) return FieldKind::text;
    for (auto g : groups) whole += g;
    fraction = s.substr(at + 1);
  } else {
    char mark = dots > 0 ? '.' : ',';
    auto groups = split(s, mark);
    if (groups.size() > 2) {
      // "1.234.567": grouping only.
      if (!grouped(groups) || decimal == mark) return FieldKind::text;
      for (auto g : groups) whole += g;
    } else if (decimal == mark) {
      whole = groups[0];
      fraction = groups[1];
    } else if (decimal) {
      if (!grouped(groups)) return FieldKind::text;
      whole = std::string(groups[0]) + std::string(groups[1]);
    } else if (grouped(groups)) {
      // "1.234": a thousand and more to a Vietnamese reader, a little more
      // than one to an English one.
      return FieldKind::ambiguous;
    } else {
      whole = groups[0];
      fraction = groups[1];
    }
  }
  // A leading zero is a code ("0912", "007"), and more than 15 digits an
  // account or ID number a double would round: both stay text.
  if (whole.size() > 1 && whole[0] == '0') return FieldKind::text;
  std::size_t significant = whole.find_first_not_of('0');
  std::size_t digits =
      (significant == std::string::npos ? 0 : whole.size() - significant) + fraction.size();
  if (digits > 15) return FieldKind::text;
  std::string plain = (negative ? "-" : "") + whole + (fraction.empty() ? "" : "." + fraction);
  auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (ec != std::errc() || end != plain.data() + plain.size()) return FieldKind::text;
  if (value == 0) value = 0; // no "-0"
  return FieldKind::number;
}

std::vector<DataRow> read_csv(std::string_view bytes, const CsvOptions& options) {
  if (bytes.size() >= 2 && ((static_cast<unsigned char>(bytes[0]) == 0xFF &&
                             static_cast<unsigned char>(bytes[1]) == 0xFE) ||
                            (static_cast<unsigned char>(bytes[0]) == 0xFE &&
                             static_cast<unsigned char>(bytes[1]) == 0xFF))) {
    throw DataError("is UTF-16 text", "a CSV file saved as UTF-8 (\"CSV UTF-8\" in Excel)");
  }
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    throw DataError("is empty", "rows of fields separated by , or ;");
  }
  const char delimiter = options.delimiter
                             ? options.delimiter
                             : choose_delimiter(bytes, options.columns, options.header_rows);
  CsvParser parser(bytes, delimiter);
  std::vector<DataRow> rows;
  std::size_t cells = 0;
  for (std::size_t row = 1; !parser.done(); ++row) {
    Record record = parser.next(row);
    if (row <= options.header_rows) continue;
    DataRow out;
    out.row = row;
    bool empty = true;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      auto nfc = to_nfc(record.fields[i]);
      if (!nfc) {
        throw DataError(place(row, i + 1) + ": the field is not UTF-8 text",
                        "a CSV file saved as UTF-8 (\"CSV UTF-8\" in Excel), without NUL bytes");
      }
      DataCell cell;
      std::string_view value = record.quoted[i] ? std::string_view(*nfc) : trim(*nfc);
      cell.text = std::string(value);
      empty = empty && cell.text.empty();
      double number = 0;
      switch (read_field_number(value, options.decimal, number)) {
      case FieldKind::number:
        cell.number = number;
        break;
      case FieldKind::ambiguous:
        throw DataError(place(row, i + 1) + ": \"" + cell.text + "\" may be read two ways (" +
                            std::string(1, value[value.find_first_of(".,")]) +
                            " as a thousands separator or as a decimal mark)",
                        "decimal: \",\" under rows_from when the file writes 1.234,5 (then "
                        "1.234 is a thousand and more), or decimal: \".\" when it writes 1,234.5");
      case FieldKind::text:
        break;
      }
      out.cells.push_back(std::move(cell));
    }
    if (empty) continue;
    cells += out.cells.size();
    if (rows.size() >= kMaxDataRows || cells > kMaxDataCells) {
      throw DataError("row " + std::to_string(row) + " is past the bounds of a table",
                      "at most " + std::to_string(kMaxDataRows) + " rows and " +
                          std::to_string(kMaxDataCells) + " cells");
    }
    rows.push_back(std::move(out));
  }
  return rows;
}

} // namespace baocao::input
