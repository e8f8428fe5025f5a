#pragma once
// `baocao serve`: see kUsage in serve_command.cpp.
#include <ostream>
#include <string>
#include <vector>

namespace baocao::serve {

/// Runs `baocao serve ARGS...` (args without the command word); returns the exit status.
int run_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace baocao::serve
