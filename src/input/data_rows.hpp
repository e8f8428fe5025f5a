#pragma once
// A table's `rows_from`: its rows read from a CSV file or an XLSX sheet
// (docs/schema.md, "Rows from a data file"), found by the report's path rules
// and listed among the files the report reads.
#include <cstddef>
#include <vector>

#include "input/report_files.hpp"
#include "input/yaml_reader.hpp"
#include "model/report.hpp"

namespace baocao::input {

/// The rows under `rows_from` (a path, or a mapping with file, sheet, range,
/// header_rows, delimiter, decimal), each `columns` cells wide: numbers with
/// `number` set, text NFC. Errors name the data file and its row and column
/// (or sheet and cell) at the YAML place of `rows_from`.
std::vector<std::vector<model::Cell>> read_rows_from(const Tree& value, std::size_t columns,
                                                     const ReportFiles& files);

} // namespace baocao::input
