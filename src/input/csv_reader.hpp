#pragma once
// A table's rows from CSV text (`rows_from: data.csv`): UTF-8 with or without
// a BOM, `,` or `;` between fields, fields quoted with `"` ("" for a quote,
// line breaks inside quotes), and the rule that tells a number from text
// (docs/schema.md, "Rows from a data file"). Plain functions over bytes, so
// the tests and the fuzz target call them without files.
#include <cstddef>
#include <string_view>
#include <vector>

#include "input/data_sheet.hpp"

namespace baocao::input {

struct CsvOptions {
  char delimiter = 0;      ///< ',' or ';'; 0: whichever splits the first data row into `columns`
  char decimal = 0;        ///< ',' or '.'; 0: a number must read one way only
  std::size_t columns = 0; ///< the table's columns, to choose the delimiter
  std::size_t header_rows = 0; ///< rows at the top that are not data
};

/// The data rows: header rows and rows with only empty fields left out. A
/// DataError names the row and column.
std::vector<DataRow> read_csv(std::string_view bytes, const CsvOptions& options);

/// How a CSV field reads: "1234", "1234,5", "1234.5", "1.234.567", "1.234,5"
/// and "1,234.5" are numbers; "1.234" and "1,234" are `ambiguous` unless
/// `decimal` says which mark is the decimal one; a leading zero ("0912"),
/// more than 15 digits, or anything else is text.
enum class FieldKind { text, number, ambiguous };
FieldKind read_field_number(std::string_view field, char decimal, double& value);

} // namespace baocao::input
