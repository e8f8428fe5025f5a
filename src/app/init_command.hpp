#pragma once
// `baocao init`: see kUsage in init_command.cpp.
#include <ostream>
#include <string>
#include <vector>

namespace baocao::app {

/// Runs `baocao init ARGS...` (args without the command word); returns the exit status.
int run_init(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace baocao::app
