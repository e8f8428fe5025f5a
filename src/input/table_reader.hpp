#pragma once
// Reads a `table` block: columns, rows and cells, checked against each other.
#include "input/yaml_reader.hpp"
#include "model/report.hpp"

namespace baocao::input {

/// The table under a block's `table` key; `where` is the block's place.
model::Table read_table(const Tree& value, const core::SourceSpan& where);

} // namespace baocao::input
