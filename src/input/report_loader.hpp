#pragma once
// Reads a report (docs/schema.md, schema 1) into model::Report. Every error
// is a core::InputError naming file:line:col, the key path, the problem and
// what was expected.
#include <filesystem>
#include <string>
#include <string_view>

#include "model/report.hpp"

namespace baocao::input {

/// Reads and checks a report. display_name is what error messages call the
/// file ("<stdin>" for standard input).
model::Report parse_report(std::string_view yaml_text, const std::string& display_name);

/// Reads the file and parses it; an unreadable or oversized file is an
/// InputError at line 0.
model::Report load_report(const std::filesystem::path& file);

} // namespace baocao::input
