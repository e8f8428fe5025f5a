#pragma once
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/build.hpp"

namespace baocao::app {

/// A wrong command line: run() prints it with a hint and exits with status 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// `baocao build`'s arguments (after the command) as options; throws
/// UsageError. Other commands that build (watch) take the same options.
BuildOptions parse_build(const std::vector<std::string>& args);

/// The command line: parses arguments, runs the command, prints errors.
/// Returns the exit status: 0 success, 2 bad input or usage, 1 other failures.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace baocao::app
