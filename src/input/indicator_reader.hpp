#pragma once
// Reads schema 2's indicators (chỉ tiêu, docs/schema-2.md): the top-level
// `indicators` list and the next term's `goals.targets`, each a list of
// indicators and groups `{group: title, indicators: [...]}`.
#include <map>
#include <string>
#include <vector>

#include "input/yaml_reader.hpp"
#include "model/indicator.hpp"

namespace baocao::input {

/// What a list of indicators holds: a term's results (a result or a target
/// each), or the next term's targets (a target each, never a result).
enum class IndicatorUse { results, next_term };

/// The groups of a list of indicators and groups, in order; consecutive
/// indicators outside a group stand in an untitled group. `ids` maps each id
/// seen so far to the key path that has it, so ids stay unique across lists.
std::vector<model::IndicatorGroup> read_indicators(const Tree& list_node, IndicatorUse use,
                                                   std::map<std::string, std::string>& ids);

/// A result or a target: an unquoted number (its digits kept when they
/// begin with 0: "05"), a count "04/09" (quoted or not), or words. A plain
/// value that looks like a number typed the Vietnamese way ("4,25%", "dưới 2")
/// is an error with the hint of number_hints.
model::Quantity read_quantity(const Tree& t, std::string_view key, const std::string& unit);

} // namespace baocao::input
