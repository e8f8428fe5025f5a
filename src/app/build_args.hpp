#pragma once
// `baocao build`'s command line as BuildOptions (also read by check and
// watch): every flag, its value and the checks that need all of them.
#include <functional>
#include <string>
#include <vector>

#include "app/build.hpp"

namespace baocao::app {

struct BatchOptions;

/// Takes `arg` (and its value, from `value(name)`) into `o` when it says how a
/// report is read: --template, --font-dir, --allow-paths, --allow-missing-glyphs,
/// --draft.
/// Shared by build and check; false for any other argument. Throws UsageError.
bool parse_input_option(const std::string& arg,
                        const std::function<std::string(const char*)>& value, BuildOptions& o);

/// `baocao build`'s arguments (after the command) as options, the inputs and
/// batch flags in `batch`; throws UsageError.
BuildOptions parse_build(const std::vector<std::string>& args, BatchOptions& batch);

/// The same for a command that builds one report (watch): a second input or
/// a batch flag is a UsageError.
BuildOptions parse_build(const std::vector<std::string>& args);

} // namespace baocao::app
