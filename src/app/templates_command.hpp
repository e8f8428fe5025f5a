#pragma once
// `baocao templates`: the built-in templates, one a line.
#include <iosfwd>
#include <string>
#include <vector>

namespace baocao::app {

/// Prints each built-in template's name and description. Throws UsageError
/// for any argument but -h/--help.
int run_templates(const std::vector<std::string>& args, std::ostream& out);

} // namespace baocao::app
