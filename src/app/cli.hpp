#pragma once
// The command line's dispatcher: the program's usage and version, and which
// command runs; each command parses its own arguments (app/*_command.cpp,
// app/build_args.cpp).
#include <iosfwd>

namespace baocao::app {

/// Runs the command named by argv[1], prints errors. Returns the exit status:
/// 0 success, 2 bad input or usage, 1 other failures.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace baocao::app
