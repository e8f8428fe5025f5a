#pragma once
// Reads the top-level awards and the options of an `awards` block.
#include "input/yaml_reader.hpp"
#include "model/report.hpp"

namespace baocao::input {

/// One item of the top-level `awards` list.
model::Award read_award(const Tree& node);

/// The value under a block's `awards` key: `{}`, nothing, or a mapping of
/// options {as, group_by, sort, summary}. `block` is the block itself.
model::AwardsBlock read_awards_block(const Tree& value, const Tree& block);

} // namespace baocao::input
