#pragma once
// `baocao check`: see kUsage in check_command.cpp.
#include <ostream>
#include <string>
#include <vector>

namespace baocao::app {

/// Runs `baocao check ARGS...` (args without the command word); returns the exit status.
int run_check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace baocao::app
