#pragma once
// Runs tests/input/validate_schema.py (python3-jsonschema) over files the
// loader accepts and files it refuses, and checks the schema agrees on each.
#include <filesystem>
#include <string>

namespace baocao::test {

/// `valid` and `invalid` are shell-quoted paths, each with a leading space.
void check_schema_verdicts(const std::filesystem::path& schema_file, const std::string& valid,
                           const std::string& invalid);

} // namespace baocao::test
