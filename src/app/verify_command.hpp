#pragma once
// `baocao verify`: see kUsage in verify_command.cpp.
#include <ostream>
#include <string>
#include <vector>

namespace baocao::app {

/// Runs `baocao verify ARGS...` (args without the command word); returns the exit status.
int run_verify(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace baocao::app
