#include "app/cli.hpp"

#include <filesystem>
#include <hpdf.h>
#include <iostream>
#include <pango/pango.h>
#include <string>
#include <vector>

#include "app/build.hpp"
#include "core/error.hpp"

namespace baocao::app {
namespace {

constexpr const char* kUsage = R"(baocao: a term report from YAML to a formatted PDF

Usage:
  baocao build INPUT.yaml [-o OUT.pdf] [options]
  baocao templates
  baocao --help | --version

Commands:
  build     render INPUT.yaml (or - for standard input) to a PDF
  templates list the built-in templates (a report names one with
            `template: NAME`, or build takes --template NAME)

Options for build:
  -o, --output FILE     where to write the PDF (default: INPUT with .pdf)
  --template NAME|PATH  use this template instead of the input's `template`
                        (see: baocao templates)
  --font-dir DIR        also look for fonts in DIR (may be repeated)
  --dump-layout         print the laid-out pages (display list) as text on
                        standard output; writes a PDF only if -o is given
  -h, --help            show this help

Exit status: 0 done, 2 bad input or usage (nothing written), 1 other failure.

Example:
  baocao build examples/phu-tho-2010-2015.yaml -o report.pdf
)";

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

BuildOptions parse_build(const std::vector<std::string>& args) {
  BuildOptions o;
  bool have_input = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> std::string {
      if (i + 1 >= args.size()) throw UsageError(std::string(name) + " needs a value");
      return args[++i];
    };
    if (a == "-o" || a == "--output") {
      o.output = value("-o");
    } else if (a == "--template") {
      o.template_override = value("--template");
    } else if (a == "--font-dir") {
      std::string dir = value("--font-dir");
      std::error_code ec;
      if (!std::filesystem::is_directory(dir, ec))
        throw UsageError("--font-dir " + dir + ": no such folder");
      o.font_dirs.emplace_back(dir);
    } else if (a == "--dump-layout") {
      o.dump_layout = true;
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      throw UsageError("unknown option " + a);
    } else if (!have_input) {
      o.input = a;
      have_input = true;
    } else {
      throw UsageError("build takes one input file; got also " + a);
    }
  }
  if (!have_input) throw UsageError("build needs an input file (or - for standard input)");
  return o;
}

void print_version(std::ostream& out) {
  out << "baocao " << BAOCAO_VERSION << "\n"
      << "  pango " << pango_version_string() << ", libharu " << HPDF_GetVersion() << "\n";
}

} // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty()) {
      err << kUsage;
      return 2;
    }
    const std::string& cmd = args[0];
    if (cmd == "-h" || cmd == "--help" || cmd == "help") {
      out << kUsage;
      return 0;
    }
    if (cmd == "--version" || cmd == "version") {
      print_version(out);
      return 0;
    }
    if (cmd == "templates") {
      for (const auto& t : builtin_templates()) out << t.name << "\t" << t.description << "\n";
      return 0;
    }
    if (cmd != "build") throw UsageError("unknown command " + cmd);
    std::vector<std::string> rest(args.begin() + 1, args.end());
    for (const auto& a : rest) {
      if (a == "-h" || a == "--help") {
        out << kUsage;
        return 0;
      }
    }
    BuildOptions options = parse_build(rest);
    BuildResult result = build(options, out);
    if (!result.output.empty()) {
      err << "wrote " << result.output.string() << " (" << result.pages
          << (result.pages == 1 ? " page)" : " pages)") << "\n";
    }
    return 0;
  } catch (const UsageError& e) {
    err << "baocao: " << e.what() << "\n(run baocao --help for usage)\n";
    return 2;
  } catch (const core::InputError& e) {
    err << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    err << "baocao: " << e.what() << "\n";
    return 1;
  }
}

} // namespace baocao::app
