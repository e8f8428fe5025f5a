#include "app/templates_command.hpp"

#include <ostream>

#include "app/build.hpp"
#include "app/usage_error.hpp"

namespace baocao::app {
namespace {

constexpr const char* kTemplatesUsage = R"(baocao templates: list the built-in templates

Usage:
  baocao templates

Prints each built-in template's name and description. A report names one with
`template: NAME`; build and check take --template NAME or a template file's
path (docs/templates.md shows how to make your own with `extends:`).

Options:
  -h, --help  show this help

Example:
  baocao templates
  baocao build report.yaml --template nha-nuoc
)";

} // namespace

int run_templates(const std::vector<std::string>& args, std::ostream& out) {
  if (asks_for_help(args)) {
    out << kTemplatesUsage;
    return 0;
  }
  if (!args.empty()) throw UsageError("templates takes no arguments; got " + args[0]);
  for (const auto& t : builtin_templates()) out << t.name << "\t" << t.description << "\n";
  return 0;
}

} // namespace baocao::app
