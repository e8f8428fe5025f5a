#pragma once
// The build options for what is written: --format, --dpi, --date and
// SOURCE_DATE_EPOCH (kept out of cli.cpp so its parser stays short).
#include <functional>
#include <string>

#include "app/build.hpp"

namespace baocao::app {

/// Takes `arg` (and its value, from `value(name)`) into `o` when it is
/// --format, --dpi or --date; false for any other argument. Throws UsageError.
bool parse_output_option(const std::string& arg,
                         const std::function<std::string(const char*)>& value, BuildOptions& o);

/// After every argument: the date from SOURCE_DATE_EPOCH unless --date gave
/// one, and the checks that need all options (previews are Cairo's only).
void finish_output_options(BuildOptions& o);

} // namespace baocao::app
