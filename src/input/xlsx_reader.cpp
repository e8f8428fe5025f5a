#include "input/xlsx_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <exception>
#include <map>

#include "input/xlsx_package.hpp"
#include "input/yaml_reader.hpp"

namespace baocao::input {
namespace {

constexpr std::size_t kMaxColumn = 16384, kMaxRow = 1048576; // XFD1048576
const std::string& kWorkbook = kXlsxExpected;

// ---- workbook.xml and its relationships ------------------------------------

struct SheetEntry {
  std::string name, relation;
};

class WorkbookXml : public XmlHandler {
public:
  std::vector<SheetEntry> sheets;
  bool date1904 = false;
  void start(std::string_view name, const char** attrs) override {
    if (name == "sheet") {
      const char* n = attribute(attrs, "name");
      const char* id = attribute(attrs, "id");
      if (n && id) sheets.push_back({n, id});
    } else if (name == "workbookPr") {
      const char* d = attribute(attrs, "date1904");
      date1904 = d && (std::string_view(d) == "1" || std::string_view(d) == "true");
    }
  }
  void end(std::string_view) override {}
};

class Relationships : public XmlHandler {
public:
  std::map<std::string, std::string> targets; ///< id -> part
  std::string shared_strings, styles;
  void start(std::string_view name, const char** attrs) override {
    if (name != "Relationship") return;
    const char* id = attribute(attrs, "Id");
    const char* target = attribute(attrs, "Target");
    const char* type = attribute(attrs, "Type");
    if (!id || !target) return;
    std::string t = target;
    // Targets are relative to xl/, or absolute from the package's root.
    t = t.rfind('/', 0) == 0 ? t.substr(1) : "xl/" + t;
    targets[id] = t;
    std::string_view ty = type ? type : "";
    auto ends = [&](std::string_view s) {
      return ty.size() >= s.size() && ty.substr(ty.size() - s.size()) == s;
    };
    if (ends("/sharedStrings")) shared_strings = t;
    if (ends("/styles")) styles = t;
  }
  void end(std::string_view) override {}
};

// ---- sharedStrings.xml -------------------------------------------------------

class SharedStrings : public XmlHandler {
public:
  std::vector<std::string> strings;
  void start(std::string_view name, const char**) override {
    if (name == "si") {
      current_.clear();
      in_si_ = true;
    } else if (name == "rPh") {
      ++phonetic_; // reading aids, not the text
    } else if (name == "t") {
      in_t_ = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") {
      in_si_ = false;
      total_ += current_.size();
      if (strings.size() >= kMaxDataCells || total_ > kMaxSharedStringBytes) {
        throw DataError("has more shared strings than a table can hold",
                        "at most " + std::to_string(kMaxDataCells) + " strings and " +
                            std::to_string(kMaxSharedStringBytes >> 20) + " MiB of text");
      }
      strings.push_back(std::move(current_));
      current_.clear();
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "t") {
      in_t_ = false;
    }
  }
  void text(std::string_view s) override {
    if (!in_si_ || !in_t_ || phonetic_ > 0) return;
    current_ += s;
    if (current_.size() > kMaxDataCellBytes) {
      throw DataError("has a shared string longer than " + std::to_string(kMaxDataCellBytes) +
                          " bytes",
                      "shorter text in each cell");
    }
  }

private:
  std::string current_;
  std::size_t total_ = 0;
  bool in_si_ = false, in_t_ = false;
  int phonetic_ = 0;
};

// ---- styles.xml: which cell styles show a number as a date -----------------

bool date_code(std::string_view code) {
  bool quoted = false;
  int bracket = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"')
      quoted = !quoted;
    else if (quoted)
      continue;
    else if (c == '\\')
      ++i;
    else if (c == '[')
      ++bracket;
    else if (c == ']')
      --bracket;
    else if (bracket == 0 && std::string_view("dmyhsDMYHS").find(c) != std::string_view::npos)
      return true;
  }
  return false;
}

class Styles : public XmlHandler {
public:
  std::vector<bool> date; ///< per cellXfs index
  void start(std::string_view name, const char** attrs) override {
    if (name == "numFmt") {
      const char* id = attribute(attrs, "numFmtId");
      const char* code = attribute(attrs, "formatCode");
      if (id && code) custom_[whole(id, 0)] = date_code(code);
    } else if (name == "cellXfs") {
      in_xfs_ = true;
    } else if (name == "xf" && in_xfs_) {
      const char* id = attribute(attrs, "numFmtId");
      std::size_t n = whole(id, 0);
      auto it = custom_.find(n);
      // Excel's built-in date and time formats.
      bool builtin = (n >= 14 && n <= 22) || (n >= 27 && n <= 36) || (n >= 45 && n <= 47) ||
                     (n >= 50 && n <= 58);
      if (date.size() < kMaxDataCells) date.push_back(it != custom_.end() ? it->second : builtin);
    }
  }
  void end(std::string_view name) override {
    if (name == "cellXfs") in_xfs_ = false;
  }

private:
  std::map<std::size_t, bool> custom_;
  bool in_xfs_ = false;
};

/// 15/03/2024 for a date serial (days since 1899-12-30, or 1904-01-01).
std::string date_text(double serial, bool date1904) {
  if (serial < 1 && !date1904) {
    int minutes = static_cast<int>(std::lround(serial * 24 * 60)) % (24 * 60);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    return buf;
  }
  // Days from 1970-01-01, then Howard Hinnant's civil_from_days.
  long long days = static_cast<long long>(std::floor(serial)) + (date1904 ? -24107 : -25569);
  if (!date1904 && serial < 61) ++days; // Excel's 29 February 1900 that never was
  days += 719468;
  long long era = (days >= 0 ? days : days - 146096) / 146097;
  long long doe = days - era * 146097;
  long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long long y = yoe + era * 400, doy = doe - (365 * yoe + yoe / 4 - yoe / 100),
            mp = (5 * doy + 2) / 153;
  long long d = doy - (153 * mp + 2) / 5 + 1, m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
  char buf[64]; // the serial is checked to be 1900-9999, but the compiler cannot see it
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", static_cast<int>(d), static_cast<int>(m),
                static_cast<int>(y));
  return buf;
}

// ---- a worksheet -------------------------------------------------------------

std::optional<std::pair<std::size_t, std::size_t>> parse_cell(std::string_view s) {
  std::size_t i = 0, column = 0, row = 0;
  while (i < s.size() && i < 3 && s[i] >= 'A' && s[i] <= 'Z')
    column = column * 26 + (s[i++] - 'A' + 1);
  if (i == 0 || i == s.size() || s[i] == '0') return std::nullopt;
  for (std::size_t j = i; j < s.size(); ++j) {
    if (s[j] < '0' || s[j] > '9' || j - i >= 7) return std::nullopt;
    row = row * 10 + static_cast<std::size_t>(s[j] - '0');
  }
  if (column > kMaxColumn || row > kMaxRow) return std::nullopt;
  return std::pair{column, row};
}

struct PlacedCell {
  std::size_t column;
  DataCell cell;
};

class SheetXml : public XmlHandler {
public:
  SheetXml(const std::string& sheet, const std::optional<CellRange>& range,
           const std::vector<std::string>& strings, const std::vector<bool>& date_styles,
           bool date1904)
      : sheet_(sheet), range_(range), strings_(strings), dates_(date_styles), date1904_(date1904) {}

  std::map<std::size_t, std::vector<PlacedCell>> rows;
  std::size_t min_column = kMaxColumn + 1, max_column = 0;

  void start(std::string_view name, const char** attrs) override {
    if (name == "row") {
      const char* r = attribute(attrs, "r");
      row_ = r ? whole(r, 0) : row_ + 1;
      if (row_ < 1 || row_ > kMaxRow) throw fail_here("a row number out of range", "1 to 1048576");
      column_ = 0;
    } else if (name == "c") {
      const char* r = attribute(attrs, "r");
      if (r) {
        auto at = parse_cell(r);
        if (!at) throw fail_here("a cell named \"" + std::string(r) + "\"", "names like B7");
        column_ = at->first;
        row_ = at->second;
      } else {
        ++column_;
      }
      const char* t = attribute(attrs, "t");
      type_ = t ? t : "n";
      const char* s = attribute(attrs, "s");
      std::size_t style = whole(s, 0);
      is_date_ = style < dates_.size() && dates_[style];
      value_.clear();
      has_value_ = false;
    } else if (name == "v") {
      in_v_ = true;
      has_value_ = true;
    } else if (name == "is") {
      in_is_ = true;
      has_value_ = true;
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && in_is_) {
      in_t_ = true;
    }
  }

  void end(std::string_view name) override {
    if (name == "v")
      in_v_ = false;
    else if (name == "is")
      in_is_ = false;
    else if (name == "rPh")
      --phonetic_;
    else if (name == "t")
      in_t_ = false;
    else if (name == "c")
      finish_cell();
  }

  void text(std::string_view s) override {
    if (!in_v_ && !(in_is_ && in_t_ && phonetic_ == 0)) return;
    value_ += s;
    if (value_.size() > kMaxDataCellBytes) {
      throw fail_here("a value longer than " + std::to_string(kMaxDataCellBytes) + " bytes",
                      "shorter text in each cell");
    }
  }

private:
  DataError fail_here(const std::string& what, const std::string& expected) const {
    std::string at = column_ ? "cell " + cell_name(column_, row_) : "row " + std::to_string(row_);
    return DataError("sheet '" + sheet_ + "', " + at + ": " + what, expected);
  }

  void finish_cell() {
    if (!has_value_) return; // a styled empty cell
    if (range_ && (column_ < range_->first_column || column_ > range_->last_column ||
                   row_ < range_->first_row || row_ > range_->last_row)) {
      return;
    }
    DataCell cell;
    if (type_ == "s") {
      std::size_t i = 0;
      auto [p, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), i);
      if (ec != std::errc() || p != value_.data() + value_.size() || i >= strings_.size()) {
        throw fail_here("a shared string " + value_ + " the workbook does not have", kWorkbook);
      }
      cell.text = strings_[i];
    } else if (type_ == "inlineStr" || type_ == "str" || type_ == "d") {
      cell.text = value_;
    } else if (type_ == "b") {
      cell.text = value_ == "1" ? "Có" : "Không";
    } else if (type_ == "e") {
      throw fail_here("the formula's error " + value_,
                      "a value (correct the formula in the sheet)");
    } else {
      if (value_.empty()) return;
      double v = 0;
      auto [p, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), v);
      if (ec != std::errc() || p != value_.data() + value_.size() || !std::isfinite(v)) {
        throw fail_here("\"" + value_ + "\" where a number is stored", kWorkbook);
      }
      if (is_date_) {
        if (v < 0 || v > 2958465) throw fail_here("a date out of range", "a date 1900-9999");
        cell.text = date_text(v, date1904_);
      } else {
        cell.number = v == 0 ? 0 : v;
        cell.text = value_;
      }
    }
    auto nfc = to_nfc(cell.text);
    if (!nfc) throw fail_here("text with a NUL character", "text");
    cell.text = std::move(*nfc);
    if (cell.text.empty() && !cell.number) return;
    if (++cells_ > kMaxDataCells) {
      throw fail_here("more than " + std::to_string(kMaxDataCells) + " cells",
                      "a smaller sheet, or a range: in rows_from");
    }
    min_column = std::min(min_column, column_);
    max_column = std::max(max_column, column_);
    rows[row_].push_back({column_, std::move(cell)});
  }

  const std::string& sheet_;
  const std::optional<CellRange>& range_;
  const std::vector<std::string>& strings_;
  const std::vector<bool>& dates_;
  bool date1904_;
  std::size_t row_ = 0, column_ = 0, cells_ = 0;
  std::string type_, value_;
  bool is_date_ = false, has_value_ = false, in_v_ = false, in_is_ = false, in_t_ = false;
  int phonetic_ = 0;
};

std::string join_quoted(const std::vector<SheetEntry>& sheets) {
  std::string out;
  for (const auto& s : sheets) out += (out.empty() ? "'" : ", '") + s.name + "'";
  return out;
}

} // namespace

std::string cell_name(std::size_t column, std::size_t row) {
  std::string letters;
  for (std::size_t c = column; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row);
}

std::optional<CellRange> parse_range(std::string_view text) {
  auto colon = text.find(':');
  auto first = parse_cell(text.substr(0, colon));
  auto last = colon == text.npos ? first : parse_cell(text.substr(colon + 1));
  if (!first || !last || first->first > last->first || first->second > last->second) {
    return std::nullopt;
  }
  return CellRange{first->first, first->second, last->first, last->second};
}

XlsxSheet read_xlsx(std::string_view bytes, const XlsxOptions& options) {
  XlsxPackage book(bytes);
  WorkbookXml workbook;
  book.parse("xl/workbook.xml", workbook);
  Relationships rels;
  book.parse("xl/_rels/workbook.xml.rels", rels);
  if (workbook.sheets.empty()) throw DataError("has no sheets", kWorkbook);
  auto want = to_nfc(options.sheet).value_or(options.sheet);
  auto it = options.sheet.empty()
                ? workbook.sheets.begin()
                : std::find_if(workbook.sheets.begin(), workbook.sheets.end(),
                               [&](const SheetEntry& s) { return to_nfc(s.name) == want; });
  if (it == workbook.sheets.end()) {
    throw DataError("has no sheet '" + options.sheet + "'",
                    "one of its sheets: " + join_quoted(workbook.sheets));
  }
  auto target = rels.targets.find(it->relation);
  if (target == rels.targets.end()) {
    throw DataError("does not say where the sheet '" + it->name + "' is", kWorkbook);
  }
  SharedStrings strings;
  if (!rels.shared_strings.empty() && book.has(rels.shared_strings)) {
    book.parse(rels.shared_strings, strings);
  }
  Styles styles;
  if (!rels.styles.empty() && book.has(rels.styles)) book.parse(rels.styles, styles);

  XlsxSheet out;
  out.name = to_nfc(it->name).value_or(it->name);
  SheetXml sheet(out.name, options.range, strings.strings, styles.date, workbook.date1904);
  book.parse(target->second, sheet);

  CellRange range;
  if (options.range) {
    range = *options.range;
  } else {
    if (sheet.rows.empty())
      throw DataError("sheet '" + out.name + "' is empty", "a sheet with rows of values");
    range = {sheet.min_column, sheet.rows.begin()->first, sheet.max_column,
             sheet.rows.rbegin()->first};
  }
  out.range = cell_name(range.first_column, range.first_row) + ":" +
              cell_name(range.last_column, range.last_row);
  out.width = range.last_column - range.first_column + 1;
  if (out.width > kMaxDataRowCells) {
    throw DataError("sheet '" + out.name + "': the range " + out.range + " is " +
                        std::to_string(out.width) + " columns wide",
                    "at most " + std::to_string(kMaxDataRowCells) +
                        " columns (give range: in rows_from)");
  }
  for (auto& [number, cells] : sheet.rows) {
    if (number < range.first_row + options.header_rows) continue;
    // Every row is made as wide as the range, so the cells kept are bounded
    // by rows × width, not only by the cells the sheet stores.
    if (out.rows.size() >= kMaxDataRows || (out.rows.size() + 1) * out.width > kMaxDataCells) {
      throw DataError("sheet '" + out.name + "' has more than " + std::to_string(kMaxDataRows) +
                          " rows or " + std::to_string(kMaxDataCells) + " cells",
                      "at most " + std::to_string(kMaxDataRows) + " rows and " +
                          std::to_string(kMaxDataCells) + " cells in one table");
    }
    DataRow row;
    row.row = number;
    row.first = range.first_column - 1;
    row.cells.resize(out.width);
    for (auto& c : cells) row.cells[c.column - range.first_column] = std::move(c.cell);
    out.rows.push_back(std::move(row));
  }
  return out;
}

} // namespace baocao::input
