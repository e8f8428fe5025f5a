#pragma once
// A report's own table (model::Table) as layout sees it: numbers written the
// template's way, the caption numbered, the total row computed.
#include "layout/table.hpp"
#include "model/report.hpp"

namespace baocao::layout {

/// `number` is the table's place among the captioned tables ("Bảng 2"); 0 when it has no caption.
TableSpec report_table(const model::Table& t, const style::Style& style, int number);

/// How many decimals a number needs as the YAML wrote it (14.4 -> 1, 8249 -> 0), up to 6.
int decimals_of(double value);

} // namespace baocao::layout
