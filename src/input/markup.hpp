#pragma once
// Inline markup in rich text: **bold**, *italic*, ***both***, \* for a
// literal asterisk and \\ for a literal backslash. Knows no YAML.
#include <string>
#include <string_view>

#include "core/source_span.hpp"
#include "model/report.hpp"

namespace baocao::input {

/// Splits `text` (valid UTF-8) into styled runs; adjacent runs with the same
/// style are merged and empty runs dropped. An unclosed marker, or a run of
/// four or more asterisks, is an InputError at `where` with `key_path`.
model::RichText parse_markup(std::string_view text, const core::SourceSpan& where,
                             const std::string& key_path);

} // namespace baocao::input
