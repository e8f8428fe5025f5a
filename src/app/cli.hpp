#pragma once
#include <functional>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <vector>

#include "app/build.hpp"
#include "app/usage_error.hpp"

namespace baocao::app {

struct BatchOptions;

/// Takes `arg` (and its value, from `value(name)`) into `o` when it says how a
/// report is read: --template, --font-dir, --allow-paths, --allow-missing-glyphs.
/// Shared by build and check; false for any other argument. Throws UsageError.
bool parse_input_option(const std::string& arg,
                        const std::function<std::string(const char*)>& value, BuildOptions& o);

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
