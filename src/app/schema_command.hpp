#pragma once
// `baocao schema`: see kUsage in schema_command.cpp.
#include <ostream>
#include <string>
#include <vector>

namespace baocao::app {

/// Runs `baocao schema ARGS...` (args without the command word); returns the exit status.
int run_schema(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace baocao::app
