#include "app/check_command.hpp"
#include "app/usage_error.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

#include "app/build.hpp"
#include "app/build_args.hpp"
#include "core/error.hpp"

namespace baocao::app {
namespace {

constexpr const char* kUsage = R"(baocao check: validate reports without writing anything

Usage:
  baocao check FILE... [options]

Each FILE (or - for standard input) is read, its template loaded, its fonts
checked and its pages laid out (so a character no font has is found), exactly
as build does, but no PDF is written. Errors are the ones build prints. Every
file is checked even when an earlier one is bad.

Options:
  --template NAME|PATH  use this template instead of each file's `template`
  --font-dir DIR        also look for fonts in DIR (may be repeated)
  --allow-missing-glyphs
                        a character no font can draw is a warning, not an error
  --allow-paths DIR     let images come from DIR too (may be repeated)
  --draft               lay the pages out as a draft (docs/marks.md)
  -q, --quiet           print nothing for good files
  -h, --help            show this help

Exit status: 0 every file is good, 2 a file is bad (or bad usage), 1 other failure.

Example:
  baocao check examples/*.yaml
  ok examples/phu-tho-2010-2015.yaml (8 pages)
)";

struct CheckArgs {
  BuildOptions options;
  std::vector<std::string> files;
  bool quiet = false;
};

CheckArgs parse(const std::vector<std::string>& args) {
  CheckArgs c;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char*) -> std::string {
      if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
      return args[++i];
    };
    if (parse_input_option(a, value, c.options)) {
      // the options build also takes for reading a report
    } else if (a == "-q" || a == "--quiet") {
      c.quiet = true;
    } else if (a.size() > 1 && a[0] == '-') {
      throw UsageError("unknown option " + a);
    } else {
      c.files.push_back(a);
    }
  }
  if (c.files.empty()) throw UsageError("check needs at least one file");
  return c;
}

} // namespace

int run_check(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (asks_for_help(args)) {
    out << kUsage;
    return 0;
  }
  CheckArgs c;
  try {
    c = parse(args);
  } catch (const UsageError& e) {
    err << "baocao check: " << e.what() << "\n(run baocao check --help for usage)\n";
    return 2;
  }
  // Bad input outranks other failures: 2 when any file is bad.
  int status = 0;
  for (const auto& file : c.files) {
    BuildOptions options = c.options;
    options.input = file;
    try {
      BuildResult result = check(options);
      for (const auto& w : result.warnings) err << "warning: " << w << "\n";
      if (!c.quiet) {
        out << "ok " << (file == "-" ? "<stdin>" : file) << " (" << pages_text(result.pages)
            << ")\n";
      }
    } catch (const core::InputError& e) {
      err << e.what() << "\n";
      status = 2;
    } catch (const std::exception& e) {
      err << "baocao: " << file << ": " << e.what() << "\n";
      if (status == 0) status = 1;
    }
  }
  return status;
}

} // namespace baocao::app
