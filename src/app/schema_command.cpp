#include "app/schema_command.hpp"
#include "app/usage_error.hpp"

#include <stdexcept>

#include "app/read_files.hpp"
#include "app/temp_output.hpp"
#include "input/json_schema.hpp"

namespace baocao::app {
namespace {

constexpr const char* kUsage = R"(baocao schema: print the JSON Schema of the report format

Usage:
  baocao schema [--template] [-o FILE] [--force]

Writes a JSON Schema (draft 2020-12) of report files, with descriptions in
Vietnamese and English, to standard output or FILE. Editors use it for
completion and inline errors (docs/editor.md). It is generated from the
definitions the loader itself uses; `baocao check` remains the full check.

Options:
  --template         the schema of template files instead, with each value's default
  -o, --output FILE  write the schema to FILE (replaced whole)
  --force            write FILE under a name not ending in .json
  -h, --help         show this help

Example:
  baocao schema -o baocao.schema.json
  # then, first line of a report, for the YAML language server:
  # yaml-language-server: $schema=baocao.schema.json
)";

struct Request {
  std::string file;
  bool for_templates = false;
  bool force = false;
};

Request parse(const std::vector<std::string>& args) {
  Request r;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--template") {
      r.for_templates = true;
    } else if (a == "--force") {
      r.force = true;
    } else if ((a == "-o" || a == "--output") && i + 1 < args.size()) {
      r.file = args[++i];
    } else if (a == "-o" || a == "--output") {
      throw UsageError(a + " needs a value");
    } else {
      throw UsageError(a[0] == '-' ? "unknown option " + a : "schema takes no file; got " + a);
    }
  }
  if (!r.file.empty() && r.file != "-" && !r.force && !has_extension(r.file, ".json"))
    throw UsageError("-o " + r.file +
                     ": a JSON Schema's name should end in .json; nothing written "
                     "(give --force to use this name anyway)");
  return r;
}

} // namespace

int run_schema(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (asks_for_help(args)) {
    out << kUsage;
    return 0;
  }
  Request r;
  try {
    r = parse(args);
    if (!r.file.empty() && r.file != "-") data_files().refuse(r.file);
  } catch (const UsageError& e) {
    err << "baocao schema: " << e.what() << "\n(run baocao schema --help for usage)\n";
    return 2;
  }
  const std::string text = r.for_templates ? input::template_json_schema() : input::json_schema();
  if (r.file.empty() || r.file == "-") {
    out << text;
    return 0;
  }
  TempOutput(r.file).commit_text(text);
  return 0;
}

} // namespace baocao::app
