#pragma once
// Reads a `chart` block: its kind, its data (given inline or as figure ids,
// which are resolved here), checked against each other.
#include "input/yaml_reader.hpp"
#include "model/report.hpp"

namespace baocao::input {

/// The chart under a block's `chart` key; `block` is the block itself (its
/// place); `report` holds the figures read so far, which ids refer to.
model::Chart read_chart(const Tree& value, const Tree& block, const model::Report& report);

} // namespace baocao::input
