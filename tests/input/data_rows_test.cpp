// Tables from data files (issue 16, item 6): CSV and XLSX values reach the
// model and the page exactly, and each broken data file gets its message.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/error.hpp"
#include "input/csv_reader.hpp"
#include "input/report_loader.hpp"
#include "input/xlsx_reader.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

/// A report in tests/data/data/ whose one section holds `table` (the table
/// block's keys, one per line).
std::string report_with(const std::string& table) {
  std::string yaml = "schema: 1\n"
                     "template: dang\n"
                     "document:\n"
                     "  kind: BÁO CÁO\n"
                     "  number: 125-BC/ĐUK\n"
                     "  place: Phú Thọ\n"
                     "  date: 2015-08-11\n"
                     "  title: Tổng kết nhiệm kỳ 2010 - 2015\n"
                     "  issuer: Đảng ủy Khối các cơ quan tỉnh\n"
                     "  parent: Đảng bộ tỉnh Phú Thọ\n"
                     "term: {from: 2010, to: 2015}\n"
                     "sections:\n"
                     "  - title: Số liệu\n"
                     "    body:\n"
                     "      - table:\n";
  std::size_t from = 0;
  for (std::size_t at; (at = table.find('\n', from)) != std::string::npos; from = at + 1) {
    yaml += "          " + table.substr(from, at - from + 1);
  }
  return yaml;
}

fs::path data_report() {
  return test::data_dir() / "data" / "r.yaml";
}

model::Report load(const std::string& table, const input::LoadOptions& options = {},
                   const fs::path& file = data_report()) {
  return input::parse_report(report_with(table), file.string(), options);
}

const model::Table& table_of(const model::Report& r) {
  return std::get<model::Table>(r.sections.at(0).body.at(0));
}

std::string error_of(const std::string& table, const fs::path& file = data_report()) {
  try {
    load(table, {}, file);
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "no error";
}

/// The cell's text as printed, and its number when it is one.
std::string text_of(const model::Cell& c) {
  return c.text.plain();
}

} // namespace

TEST_CASE("a CSV file's values reach the table: BOM, ; between fields, quotes, Vietnamese "
          "numbers, NFC",
          "[data]") {
  auto r = load("columns: [Đơn vị, Số đảng viên, Tỷ lệ (%)]\n"
                "rows_from: {file: good.csv, header_rows: 1}\n"
                "total: true\n");
  const auto& t = table_of(r);
  REQUIRE(t.rows.size() == 4); // the blank row 4 is left out
  CHECK(text_of(t.rows[0][0]) == "Chi bộ 1; khối A");
  CHECK(!t.rows[0][0].number);
  CHECK(t.rows[0][1].number == 1234567.0);
  CHECK(text_of(t.rows[0][1]) == "1.234.567");
  CHECK(t.rows[0][2].number == 12.5);
  CHECK(text_of(t.rows[0][2]) == "12,5");
  CHECK(t.rows[1][1].number == 1234.5); // quoted "1234,5" is still a number
  CHECK(text_of(t.rows[1][1]) == "1.234,5");
  CHECK(t.rows[1][2].number == 0.25);
  // "" inside quotes, a line break inside quotes, a decomposed "à" made NFC.
  CHECK(text_of(t.rows[2][0]) == "Chi bộ \"Hoà Bình\"\nxã mới");
  CHECK(text_of(t.rows[3][0]) == "0912"); // a leading zero: a code, kept as text
  CHECK(!t.rows[3][0].number);
  CHECK(t.rows[3][2].number == -3.75);
  CHECK(t.columns[1].numeric);
  CHECK(t.columns[1].align == model::Align::decimal);
  CHECK(!t.columns[0].numeric);
  CHECK(t.total);
  REQUIRE(r.external_files.size() == 1);
  CHECK(r.external_files[0].path == (test::data_dir() / "data" / "good.csv").lexically_normal());
  CHECK(r.external_files[0].role == "a data file a table reads");
}

TEST_CASE("data rows are printed the Vietnamese way, with their total and zebra stripes",
          "[data]") {
  auto out = test::lay_out_yaml(report_with("columns: [Đơn vị, Số đảng viên, Tỷ lệ (%)]\n"
                                            "rows_from: {file: good.csv, header_rows: 1}\n"
                                            "total: true\n"
                                            "zebra: true\n"),
                                data_report().string());
  std::string all;
  for (const auto& p : out->sink.pages()) all += test::page_text(p);
  CHECK(all.find("1.234.567") != std::string::npos);
  CHECK(all.find("1.234,5") != std::string::npos);
  CHECK(all.find("12,5") != std::string::npos);
  CHECK(all.find("-3,75") != std::string::npos);
  CHECK(all.find("1.235.850,5") != std::string::npos); // 1234567 + 1234.5 + 42 + 7
  CHECK(all.find("109") != std::string::npos);         // 12.5 + 0.25 + 100 - 3.75
  CHECK(all.find("Chi bộ 1; khối A") != std::string::npos);
}

TEST_CASE("a CSV with , between fields and English numbers; delimiter and decimal given",
          "[data]") {
  auto r = load("columns: [Tên, Giá trị]\nrows_from: {file: comma.csv, header_rows: 1}\n");
  const auto& t = table_of(r);
  REQUIRE(t.rows.size() == 2);
  CHECK(text_of(t.rows[0][0]) == "Tổ 1, khu A");
  CHECK(t.rows[0][1].number == 1234.5);
  CHECK(t.rows[1][1].number == 1234.5); // "1,234.5"

  auto vi = load("columns: [Tên, Giá trị]\n"
                 "rows_from: {file: ambiguous.csv, header_rows: 1, decimal: \",\"}\n");
  CHECK(table_of(vi).rows[0][1].number == 1234.0);
  auto en = load("columns: [Tên, Giá trị]\n"
                 "rows_from: {file: ambiguous.csv, header_rows: 1, decimal: \".\", "
                 "delimiter: \";\"}\n");
  CHECK(table_of(en).rows[0][1].number == 1.234);
  // A title row above the data has one field whatever the delimiter: the
  // first data row decides, so "12,5" is not cut at its comma.
  auto titled = load("columns: [Tên, Giá trị]\nrows_from: {file: titled.csv, header_rows: 1}\n");
  REQUIRE(table_of(titled).rows.size() == 2);
  CHECK(text_of(table_of(titled).rows[0][0]) == "Tổ 1");
  CHECK(table_of(titled).rows[0][1].number == 12.5);
  // A plain path is the file with no options: the header row is data then.
  auto plain = load("columns: [Tên, Giá trị]\nrows_from: comma.csv\n");
  CHECK(table_of(plain).rows.size() == 3);
  CHECK(text_of(table_of(plain).rows[0][1]) == "Giá trị");
}

TEST_CASE("an XLSX sheet's values reach the table: shared, rich and inline strings, a "
          "formula's cached value, booleans, dates",
          "[data]") {
  auto r =
      load("columns: [Chỉ tiêu, Kết quả, Ngày, Đạt]\n"
           "rows_from: {file: good.xlsx, sheet: Chỉ tiêu, range: \"A1:D5\", header_rows: 1}\n");
  const auto& t = table_of(r);
  REQUIRE(t.rows.size() == 3); // rows 2, 3 and 5: row 4 is not in the sheet
  CHECK(text_of(t.rows[0][0]) == "Kết nạp đảng viên");
  CHECK(t.rows[0][1].number == 1234.5);
  CHECK(text_of(t.rows[0][1]) == "1.234,5");
  CHECK(text_of(t.rows[0][2]) == "15/03/2024");
  CHECK(!t.rows[0][2].number);
  CHECK(text_of(t.rows[0][3]) == "Có");
  CHECK(text_of(t.rows[1][0]) == "Thu ngân sách");
  CHECK(t.rows[1][1].number == 2469.0); // B2*2, as the workbook last computed it
  CHECK(text_of(t.rows[1][2]) == "01/01/2024");
  CHECK(text_of(t.rows[1][3]) == "Không");
  CHECK(text_of(t.rows[2][0]) == "Tổng cộng");
  CHECK(t.rows[2][1].number == 0.25);
  CHECK(text_of(t.rows[2][2]).empty());
  CHECK(text_of(t.rows[2][3]) == "Tổng");
  REQUIRE(r.external_files.size() == 1);
  CHECK(fs::path(r.external_files[0].path).filename() == "good.xlsx");

  // No sheet: the first one; no range: the cells it uses.
  auto first = load("columns: [A, B]\nrows_from: good.xlsx\n");
  REQUIRE(table_of(first).rows.size() == 1);
  CHECK(text_of(table_of(first).rows[0][0]) == "Trang đầu");
  CHECK(table_of(first).rows[0][1].number == 1.0);
}

TEST_CASE("a data file outside the report's folder needs --allow-paths", "[data]") {
  test::TempDir dir;
  fs::create_directories(dir / "in");
  test::write_file(dir / "shared.csv", "A;1\n");
  const std::string table = "columns: [Tên, Số]\nrows_from: ../shared.csv\n";
  std::string e = error_of(table, dir / "in" / "r.yaml");
  CHECK(e.find("r.yaml:17:22: sections[0].body[0].table.rows_from: " +
               fs::canonical(dir / "shared.csv").string() + " is outside the report's folder") !=
        std::string::npos);
  CHECK(e.find("; expected a data file in the report's folder or below it (or allow its folder "
               "with --allow-paths DIR)") != std::string::npos);
  input::LoadOptions allow;
  allow.allowed_dirs.push_back(dir.path());
  auto r = load(table, allow, dir / "in" / "r.yaml");
  CHECK(table_of(r).rows.at(0).at(1).number == 1.0);
}

TEST_CASE("each broken data file names the file, the row and column or the sheet and cell",
          "[data]") {
  struct Case {
    const char* table;
    const char* message; ///< what() after "<path>/r.yaml:"
  };
  const Case cases[] = {
      {"columns: [A, B]\nrows_from: missing.csv\n",
       "17:22: sections[0].body[0].table.rows_from: no such file "},
      {"columns: [A, B]\nrows_from: latin1.csv\n",
       "17:22: sections[0].body[0].table.rows_from: latin1.csv, row 2, column 1: the field is not "
       "UTF-8 text; expected a CSV file saved as UTF-8 (\"CSV UTF-8\" in Excel), without NUL "
       "bytes"},
      {"columns: [A, B]\nrows_from: utf16.csv\n",
       "17:22: sections[0].body[0].table.rows_from: utf16.csv is UTF-16 text; expected a CSV file "
       "saved as UTF-8 (\"CSV UTF-8\" in Excel)"},
      {"columns: [A, B]\nrows_from: unterminated.csv\n",
       "17:22: sections[0].body[0].table.rows_from: unterminated.csv, row 3, column 1: the quote "
       "that opens the field is never closed; expected a closing \" (write \"\" for a quote "
       "inside a quoted field)"},
      {"columns: [A, B]\nrows_from: after_quote.csv\n",
       "17:22: sections[0].body[0].table.rows_from: after_quote.csv, row 2, column 1: text "
       "follows the closing quote"},
      {"columns: [A, B]\nrows_from: columns.csv\n",
       "17:22: sections[0].body[0].table.rows_from: columns.csv, row 3 has 3 fields; expected 2 "
       "fields, one per column of the table"},
      {"columns: [A, B]\nrows_from: empty.csv\n",
       "17:22: sections[0].body[0].table.rows_from: empty.csv is empty; expected rows of fields "
       "separated by , or ;"},
      {"columns: [A, B]\nrows_from: {file: header_only.csv, header_rows: 1}\n",
       "17:29: sections[0].body[0].table.rows_from.file: header_only.csv has no rows after its 1 "
       "header rows; expected at least one row of values"},
      {"columns: [A, B]\nrows_from: ambiguous.csv\n",
       "17:22: sections[0].body[0].table.rows_from: ambiguous.csv, row 2, column 2: \"1.234\" may "
       "be read two ways (. as a thousands separator or as a decimal mark); expected decimal: "
       "\",\" under rows_from when the file writes 1.234,5"},
      {"columns: [A, B]\nrows_from: not_zip.xlsx\n",
       "17:22: sections[0].body[0].table.rows_from: not_zip.xlsx is not an XLSX workbook: not a "
       "zip file"},
      {"columns: [A, B]\nrows_from: {file: good.xlsx, sheet: Số liệu}\n",
       "17:29: sections[0].body[0].table.rows_from.file: good.xlsx has no sheet 'Số liệu'; "
       "expected one of its sheets: 'Tổng hợp', 'Chỉ tiêu'"},
      {"columns: [A, B]\nrows_from: {file: good.xlsx, range: \"D5:A1\"}\n",
       "17:47: sections[0].body[0].table.rows_from.range: \"D5:A1\" is not a range of cells; "
       "expected a range like \"A2:F40\": its first cell above and left of its last"},
      {"columns: [A, B, C, D]\nrows_from: {file: good.xlsx, sheet: Chỉ tiêu}\n",
       "17:29: sections[0].body[0].table.rows_from.file: good.xlsx, sheet 'Chỉ tiêu': the range "
       "A1:F7 is 6 columns wide; expected 4 columns, one per column of the table"},
      {"columns: [A, B]\nrows_from: error_cell.xlsx\n",
       "17:22: sections[0].body[0].table.rows_from: error_cell.xlsx, sheet 'Chỉ tiêu', cell B3: "
       "the formula's error #DIV/0!; expected a value (correct the formula in the sheet)"},
      {"columns: [A, B]\nrows_from: bad_shared.xlsx\n",
       "17:22: sections[0].body[0].table.rows_from: bad_shared.xlsx, sheet 'Sheet1', cell A1: a "
       "shared string 7 the workbook does not have"},
      {"columns: [A]\nrows_from: bomb.xlsx\n",
       "17:22: sections[0].body[0].table.rows_from: bomb.xlsx has a part xl/worksheets/sheet1.xml "
       "larger than 128 MiB uncompressed"},
      {"columns: [A]\nrows_from: deep.xlsx\n",
       "17:22: sections[0].body[0].table.rows_from: deep.xlsx has XML nested more than 64 levels"},
      {"columns: [A]\nrows_from: doctype.xlsx\n",
       "17:22: sections[0].body[0].table.rows_from: doctype.xlsx has a DOCTYPE in its XML"},
      {"columns: [A]\nrows_from: {file: good.csv, sheet: A}\n",
       "17:46: sections[0].body[0].table.rows_from.sheet: sheet is for an XLSX workbook, and "
       "good.csv is a CSV file"},
      {"columns: [A]\nrows_from: ../images/rgb-gradient.png\n",
       "17:22: sections[0].body[0].table.rows_from: " BAOCAO_TEST_DATA_DIR
       "/images/rgb-gradient.png is outside the report's folder " BAOCAO_TEST_DATA_DIR "/data"},
      {"columns: [A]\nrows_from: make_xlsx.py\n",
       "17:22: sections[0].body[0].table.rows_from: make_xlsx.py is neither a CSV file nor an XLSX "
       "workbook; expected a .csv or .xlsx file, relative to the report's folder"},
      {"columns: [A]\nrows: [[1]]\nrows_from: good.csv\n",
       "18:11: sections[0].body[0].table.rows_from: the table has both rows and rows_from; "
       "expected one of them: rows, or rows_from"},
  };
  const std::string prefix = data_report().string() + ":";
  for (const auto& c : cases) {
    INFO(c.table);
    std::string e = error_of(c.table);
    INFO(e);
    REQUIRE(e.rfind(prefix, 0) == 0);
    CHECK(e.substr(prefix.size()).rfind(c.message, 0) == 0);
  }
}

TEST_CASE("the CSV number rule reads a figure one way or keeps it as text", "[data]") {
  using input::FieldKind;
  struct Case {
    const char* field;
    char decimal;
    FieldKind kind;
    double value;
  };
  const Case cases[] = {
      {"1234", 0, FieldKind::number, 1234},
      {"-42", 0, FieldKind::number, -42},
      {"1234,5", 0, FieldKind::number, 1234.5},
      {"1234.5", 0, FieldKind::number, 1234.5},
      {"0,25", 0, FieldKind::number, 0.25},
      {"0.500", 0, FieldKind::number, 0.5}, // a group never starts with 0
      {"1.234.567", 0, FieldKind::number, 1234567},
      {"1,234,567", 0, FieldKind::number, 1234567},
      {"1.234,5", 0, FieldKind::number, 1234.5},
      {"1,234.5", 0, FieldKind::number, 1234.5},
      {" 12 ", 0, FieldKind::number, 12},
      {"1.234", 0, FieldKind::ambiguous, 0},
      {"1,234", 0, FieldKind::ambiguous, 0},
      {"1.234", ',', FieldKind::number, 1234},
      {"1,234", ',', FieldKind::number, 1.234},
      {"1.234", '.', FieldKind::number, 1.234},
      {"1.234,5", '.', FieldKind::text, 0},
      {"12.34.5", 0, FieldKind::text, 0},
      {"0912", 0, FieldKind::text, 0},
      {"1234567890123456", 0, FieldKind::text, 0}, // 16 digits: an ID a double would round
      {"4,25%", 0, FieldKind::text, 0},
      {"1e5", 0, FieldKind::text, 0},
      {"-", 0, FieldKind::text, 0},
      {"", 0, FieldKind::text, 0},
      {"1 234", 0, FieldKind::text, 0},
  };
  for (const auto& c : cases) {
    INFO(c.field << " with decimal '" << (c.decimal ? c.decimal : '?') << "'");
    double v = 0;
    CHECK(input::read_field_number(c.field, c.decimal, v) == c.kind);
    if (c.kind == FieldKind::number) CHECK(v == Approx(c.value));
  }
}

TEST_CASE("CSV and XLSX readers hold their bounds", "[data]") {
  std::string wide(2000, ';');
  CHECK_THROWS_WITH(input::read_csv("a" + wide + "\n", {}),
                    Catch::Contains("row 1 has more than 1000 fields"));
  std::string long_field(30000, 'x');
  CHECK_THROWS_WITH(input::read_csv(long_field, {}),
                    Catch::Contains("row 1, column 1: the field is longer than 20000 bytes"));
  CHECK(input::parse_range("A1:XFD1048576").has_value());
  CHECK(!input::parse_range("A1:XFE1").has_value());
  CHECK(!input::parse_range("A0").has_value());
  CHECK(!input::parse_range("A1:").has_value());
  CHECK(input::cell_name(28, 7) == "AB7");
  CHECK_THROWS_AS(input::read_xlsx("PK\x03\x04 broken", {}), input::DataError);
}
