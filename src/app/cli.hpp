#pragma once
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/build.hpp"
#include "app/usage_error.hpp"

namespace baocao::app {

struct BatchOptions;

/// `baocao build`'s arguments (after the command) as options, the inputs and
/// batch flags in `batch`; throws UsageError.
BuildOptions parse_build(const std::vector<std::string>& args, BatchOptions& batch);

/// The same for a command that builds one report (watch): a second input or
/// a batch flag is a UsageError.
BuildOptions parse_build(const std::vector<std::string>& args);

/// The command line: parses arguments, runs the command, prints errors.
/// Returns the exit status: 0 success, 2 bad input or usage, 1 other failures.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace baocao::app
