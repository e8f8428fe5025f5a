#pragma once
// `baocao sign`: see kUsage in sign_command.cpp.
#include <ostream>
#include <string>
#include <vector>

namespace baocao::app {

/// Runs `baocao sign ARGS...` (args without the command word); returns the exit status.
int run_sign(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace baocao::app
