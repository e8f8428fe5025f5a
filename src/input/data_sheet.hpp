#pragma once
// What a table's data file (CSV or XLSX, `rows_from`) gives: rows of values,
// each row with the number a spreadsheet shows for it, and the bounds every
// data file is read within (docs/limits.md).
#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace baocao::input {

/// A data file of at most 20 MiB, as for images.
inline constexpr std::size_t kMaxDataFileBytes = std::size_t{20} << 20;
/// Cells in one row, and in the whole file: the table's own bounds (a colspan
/// of 1,000; a document's 1,000,000 values).
inline constexpr std::size_t kMaxDataRowCells = 1000;
inline constexpr std::size_t kMaxDataCells = 1000000;
/// Rows kept from a file, the same as a table's (kMaxTableRows).
inline constexpr std::size_t kMaxDataRows = 200000;
/// One cell's text in bytes: about a YAML text value's 20,000 characters.
inline constexpr std::size_t kMaxDataCellBytes = 20000;

struct DataCell {
  std::string text;             ///< NFC; a number's text as written in the file
  std::optional<double> number; ///< set for a number
};

struct DataRow {
  std::size_t row = 0;   ///< 1-based, as a spreadsheet numbers it
  std::size_t first = 0; ///< 0-based column of cells[0] (XLSX ranges start anywhere)
  std::vector<DataCell> cells;
};

/// A problem in a data file, worded with its place ("row 7, column 3: ...").
struct DataError : std::runtime_error {
  DataError(std::string problem_, std::string expected_)
      : std::runtime_error(problem_), problem(std::move(problem_)), expected(std::move(expected_)) {
  }
  std::string problem, expected;
};

} // namespace baocao::input
