#pragma once
// A table's rows from one sheet of an XLSX workbook (`rows_from: {file:
// x.xlsx, sheet, range}`), read with libzip and expat: numbers are numbers,
// shared and inline strings text, booleans "Có"/"Không", a formula its cached
// value, a date-formatted number the date "dd/mm/yyyy". Every size is bounded
// (data_sheet.hpp, docs/limits.md): the zip's entry count, the bytes inflated
// from each entry (counted as read, whatever the entry claims), XML depth.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "input/data_sheet.hpp"

namespace baocao::input {

/// Zip entries in a workbook, bytes inflated from one entry, nesting of its XML.
inline constexpr std::size_t kMaxZipEntries = 10000;
inline constexpr std::size_t kMaxZipEntryBytes = std::size_t{128} << 20;
inline constexpr int kMaxXmlDepth = 64;
/// All shared strings kept, in bytes.
inline constexpr std::size_t kMaxSharedStringBytes = std::size_t{32} << 20;

/// 1-based columns and rows, first <= last.
struct CellRange {
  std::size_t first_column = 0, first_row = 0, last_column = 0, last_row = 0;
};

/// "A2:F40" (or one cell, "B7"); nullopt when it is not a range of cells
/// within A1:XFD1048576 with its first cell above and left of its last.
std::optional<CellRange> parse_range(std::string_view text);
/// "B7" for column 2, row 7.
std::string cell_name(std::size_t column, std::size_t row);

struct XlsxOptions {
  std::string sheet;              ///< empty: the first sheet
  std::optional<CellRange> range; ///< empty: the cells the sheet uses
  std::size_t header_rows = 0;    ///< rows at the range's top that are not data
};

struct XlsxSheet {
  std::string name;          ///< the sheet read, for messages
  std::vector<DataRow> rows; ///< rows with only empty cells left out
  std::size_t width = 0;     ///< the range's columns
  std::string range;         ///< "A2:F40", the range read
};

/// A DataError names the sheet and cell, or the workbook's part at fault.
XlsxSheet read_xlsx(std::string_view bytes, const XlsxOptions& options);

} // namespace baocao::input
