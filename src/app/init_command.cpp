#include "app/init_command.hpp"
#include "app/usage_error.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "app/build.hpp"
#include "app/read_files.hpp"
#include "app/temp_output.hpp"
#include "core/data_dirs.hpp"
#include "core/error.hpp"

namespace baocao::app {
namespace fs = std::filesystem;
namespace {

constexpr const char* kUsage = R"(baocao init: write a commented starting report

Usage:
  baocao init [--template NAME] [--force] [FILE]

Writes a report in YAML with every part of the format shown once (document,
term, figures, sections with paragraphs, lists, tables, charts, figures and
awards blocks, awards, goals, signature) and comments in Vietnamese and
English, ready to edit and build. It is written to FILE, or to standard output
without one.

Options:
  --template NAME  the built-in template the report uses (default: dang;
                   see: baocao templates)
  --force          replace FILE if it exists (otherwise it is refused), or
                   write it under a name not ending in .yaml or .yml
  -h, --help       show this help

Example:
  baocao init --template nha-nuoc bao-cao.yaml
  baocao build bao-cao.yaml
)";

struct InitArgs {
  std::string template_name = "dang";
  std::string file;
  bool force = false;
};

InitArgs parse(const std::vector<std::string>& args) {
  InitArgs a;
  bool have_file = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--template") {
      if (i + 1 >= args.size()) throw UsageError("--template needs a value");
      a.template_name = args[++i];
    } else if (arg == "--force") {
      a.force = true;
    } else if (arg.size() > 1 && arg[0] == '-') {
      throw UsageError("unknown option " + arg);
    } else if (have_file) {
      throw UsageError("init writes one file; got " + a.file + " and " + arg);
    } else {
      a.file = arg;
      have_file = true;
    }
  }
  return a;
}

/// The names of the built-in templates (templates/*.yaml in the data folder).
std::vector<std::string> template_names(const fs::path& data) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(data / "templates")) {
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

} // namespace

/// The starter for a built-in template: starters/NAME.yaml beside templates/.
std::string starter_text(const std::string& name) {
  fs::path data = core::data_dir();
  auto names = template_names(data);
  if (std::find(names.begin(), names.end(), name) == names.end()) {
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
    throw UsageError("--template " + name + ": not a built-in template (choose from " + list + ")");
  }
  fs::path file = data / "starters" / (name + ".yaml");
  std::ifstream in(file, std::ios::binary);
  if (!in)
    throw core::RuntimeError("cannot read " + file.string() + " (is baocao installed whole?)");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

int run_init(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (asks_for_help(args)) {
    out << kUsage;
    return 0;
  }
  try {
    InitArgs a = parse(args);
    std::string text = starter_text(a.template_name);
    if (a.file.empty() || a.file == "-") {
      out << text;
      return 0;
    }
    if (!a.force && !has_extension(a.file, ".yaml") && !has_extension(a.file, ".yml"))
      throw UsageError(a.file + ": a report's name should end in .yaml or .yml; nothing written "
                                "(give --force to use this name anyway)");
    data_files().refuse(a.file); // even with --force: never over baocao's own files
    std::error_code ec;
    if (fs::exists(fs::symlink_status(a.file, ec)) && !a.force) {
      err << "baocao init: " << a.file
          << " already exists; nothing written (use --force to replace it)\n";
      return 2;
    }
    TempOutput(a.file).commit_text(text);
    err << "wrote " << a.file << " (template " << a.template_name << ")\n";
    return 0;
  } catch (const UsageError& e) {
    err << "baocao init: " << e.what() << "\n(run baocao init --help for usage)\n";
    return 2;
  }
}

} // namespace baocao::app
