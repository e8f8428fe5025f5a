#include "input/data_rows.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>

#include "core/number_format.hpp"
#include "input/csv_reader.hpp"
#include "input/loader_util.hpp"
#include "input/report_schema.hpp"
#include "input/xlsx_reader.hpp"

namespace baocao::input {
namespace {

namespace fs = std::filesystem;

const std::string kExpected = "a .csv or .xlsx file, relative to the report's folder";

std::string fields(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " field" : " fields");
}

/// The file's bytes, at most kMaxDataFileBytes (checked again while reading:
/// the file may grow between the size and the read).
std::string read_bytes(const Tree& node, const fs::path& p, const std::string& name) {
  std::error_code ec;
  auto size = fs::file_size(p, ec);
  const std::string too_big =
      name + " is larger than " + std::to_string(kMaxDataFileBytes >> 20) + " MiB";
  if (ec || size > kMaxDataFileBytes) fail(node, too_big, "a smaller data file (split the table)");
  std::ifstream in(p, std::ios::binary);
  if (!in) fail(node, "cannot read " + name, "a readable file");
  std::string bytes;
  bytes.resize(kMaxDataFileBytes + 1);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (bytes.size() > kMaxDataFileBytes)
    fail(node, too_big, "a smaller data file (split the table)");
  return bytes;
}

std::string lower_extension(const fs::path& p) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return e;
}

char one_char(const Mapping& m, const char* key) {
  const Tree* t = m.find(key);
  return t ? choice(*t, schema::values_of("rows_from", key))[0] : 0;
}

model::Cell to_cell(DataCell&& d, const core::SourceSpan& where) {
  model::Cell cell;
  cell.text.where = where;
  if (d.number) {
    cell.number = d.number;
    cell.text.runs.push_back(model::Run{core::format_number(*d.number), false, false});
  } else if (!d.text.empty()) {
    cell.text.runs.push_back(model::Run{std::move(d.text), false, false});
  }
  return cell;
}

} // namespace

std::vector<std::vector<model::Cell>> read_rows_from(const Tree& value, std::size_t columns,
                                                     const ReportFiles& files) {
  // `rows_from: data.csv` is `rows_from: {file: data.csv}`.
  std::optional<Mapping> m;
  const Tree* file = &value;
  if (value.kind == Tree::Kind::mapping) {
    m.emplace(value, schema::keys_of("rows_from"), "a path, or a mapping with file");
    file = &m->need("file", "a path to a .csv or .xlsx file");
  }
  const std::string name = text(*file);
  const fs::path p = files.find(*file, "a data file", kExpected);
  const std::string ext = lower_extension(p);
  const bool xlsx = ext == ".xlsx";
  if (!xlsx && ext != ".csv" && ext != ".txt") {
    fail(*file, name + " is neither a CSV file nor an XLSX workbook",
         ext == ".xls" || ext == ".ods" ? "a .csv or .xlsx file (save the sheet as .xlsx)"
                                        : kExpected);
  }
  auto only_for = [&](const char* key, bool allowed, const std::string& why) {
    if (const Tree* t = m ? m->find(key) : nullptr; t && !allowed)
      fail(*t, why, "no " + std::string(key) + " for " + name);
  };
  only_for("sheet", xlsx, "sheet is for an XLSX workbook, and " + name + " is a CSV file");
  only_for("range", xlsx, "range is for an XLSX workbook, and " + name + " is a CSV file");
  only_for("delimiter", !xlsx, "delimiter is for a CSV file, and " + name + " is a workbook");
  only_for("decimal", !xlsx, "decimal is for a CSV file: a workbook stores numbers as numbers");

  std::size_t header_rows = 0;
  std::optional<CellRange> range;
  if (m) {
    if (const Tree* t = m->find("header_rows")) {
      header_rows =
          static_cast<std::size_t>(whole_number(*t, 0, 1000, "a whole number of rows, 0 to 1000"));
    }
    if (const Tree* t = m->find("range")) {
      range = parse_range(text(*t));
      if (!range) {
        fail(*t, "\"" + shorten(t->scalar) + "\" is not a range of cells",
             "a range like \"A2:F40\": its first cell above and left of its last");
      }
    }
  }
  const std::string bytes = read_bytes(*file, p, name);
  files.note(p, "a data file a table reads");
  auto problem = [&](const DataError& e) {
    bool place = e.problem.rfind("row ", 0) == 0 || e.problem.rfind("sheet ", 0) == 0;
    return name + (place ? ", " : " ") + e.problem;
  };
  std::vector<std::vector<model::Cell>> rows;
  try {
    if (xlsx) {
      XlsxOptions o;
      if (m) o.sheet = optional_text(*m, "sheet");
      o.range = range;
      o.header_rows = header_rows;
      XlsxSheet sheet = read_xlsx(bytes, o);
      if (sheet.width != columns) {
        fail(*file,
             name + ", sheet '" + sheet.name + "': the range " + sheet.range + " is " +
                 std::to_string(sheet.width) + " columns wide",
             std::to_string(columns) + " columns, one per column of the table (choose them with "
                                       "range: \"A2:F40\")");
      }
      for (auto& r : sheet.rows) {
        std::vector<model::Cell> out;
        for (auto& c : r.cells) out.push_back(to_cell(std::move(c), value.where));
        rows.push_back(std::move(out));
      }
      if (rows.empty()) {
        fail(*file,
             name + ", sheet '" + sheet.name + "': no rows in " + sheet.range +
                 (header_rows ? " after its " + std::to_string(header_rows) + " header rows" : ""),
             "at least one row of values");
      }
    } else {
      CsvOptions o;
      if (m) {
        o.delimiter = one_char(*m, "delimiter");
        o.decimal = one_char(*m, "decimal");
      }
      o.columns = columns;
      o.header_rows = header_rows;
      for (auto& r : read_csv(bytes, o)) {
        if (r.cells.size() != columns) {
          fail(*file, name + ", row " + std::to_string(r.row) + " has " + fields(r.cells.size()),
               fields(columns) + ", one per column of the table");
        }
        std::vector<model::Cell> out;
        for (auto& c : r.cells) out.push_back(to_cell(std::move(c), value.where));
        rows.push_back(std::move(out));
      }
      if (rows.empty()) {
        fail(*file,
             name + " has no rows" +
                 (header_rows ? " after its " + std::to_string(header_rows) + " header rows" : ""),
             "at least one row of values");
      }
    }
  } catch (const DataError& e) {
    fail(*file, problem(e), e.expected);
  }
  return rows;
}

} // namespace baocao::input
