#pragma once
#include <iosfwd>

namespace baocao::app {

/// The command line: parses arguments, runs the command, prints errors.
/// Returns the exit status: 0 success, 2 bad input or usage, 1 other failures.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace baocao::app
