#pragma once
// Reads a `table` block: columns, rows and cells, checked against each other.
#include <cstddef>

#include "input/report_files.hpp"
#include "input/yaml_reader.hpp"
#include "model/report.hpp"

namespace baocao::input {

/// Rows in one table (docs/limits.md): far above any report's table, and
/// with a few cells a row still under the 1,000,000-value cap.
inline constexpr std::size_t kMaxTableRows = 200000;

/// "25%" or "30mm": a column's width, and an image's.
model::ColumnWidth column_width(const Tree& t);

/// The table under a block's `table` key; `where` is the block's place;
/// `files` finds a `rows_from` data file and lists it as read.
model::Table read_table(const Tree& value, const core::SourceSpan& where, const ReportFiles& files);

} // namespace baocao::input
