#pragma once
// `baocao init`: see kUsage in init_command.cpp.
#include <ostream>
#include <string>
#include <vector>

namespace baocao::app {

/// The commented starter of a built-in template (starters/NAME.yaml). Throws
/// UsageError for a name that is not a built-in template.
std::string starter_text(const std::string& template_name);

/// Runs `baocao init ARGS...` (args without the command word); returns the exit status.
int run_init(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace baocao::app
