#pragma once
// Reads a report (docs/schema.md, schema 1) into model::Report. Every error
// is a core::InputError naming file:line:col, the key path, the problem and
// what was expected.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "model/report.hpp"

namespace baocao::input {

/// What a report may reach outside itself.
struct LoadOptions {
  /// Folders (besides the report's own folder tree) that images may come from.
  std::vector<std::filesystem::path> allowed_dirs;
  /// Set by `baocao serve`: the files sent with the request are here, and the
  /// report names each by its plain name; any path is refused.
  std::filesystem::path request_files;
};

/// Reads and checks a report. display_name is what error messages call the
/// file ("<stdin>" for standard input).
model::Report parse_report(std::string_view yaml_text, const std::string& display_name,
                           const LoadOptions& options = {});

/// Reads the file and parses it; an unreadable or oversized file is an
/// InputError at line 0.
model::Report load_report(const std::filesystem::path& file, const LoadOptions& options = {});

} // namespace baocao::input
