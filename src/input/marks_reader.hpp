#pragma once
// Reads the official marks a report may ask for (docs/marks.md): the
// document's urgency and the top-level `draft`.
#include <optional>

#include "input/yaml_reader.hpp"
#include "model/report.hpp"

namespace baocao::input {

/// The value under `document.urgency`.
model::Urgency read_urgency(const Tree& node);

/// The value under the top-level `draft` key: true, false or a mapping
/// {label, pages, watermark}. `key` is where the key was written. false gives
/// no draft; a list of pages is sorted and must not repeat a page.
std::optional<model::Draft> read_draft(const Tree& node, const core::SourceSpan& key);

} // namespace baocao::input
