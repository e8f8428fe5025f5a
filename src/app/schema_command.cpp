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
  baocao schema [-o FILE] [--force]

Writes a JSON Schema (draft 2020-12) of report files, with descriptions in
Vietnamese and English, to standard output or FILE. Editors use it for
completion and inline errors (docs/editor.md). It is generated from the
definitions the loader itself uses; `baocao check` remains the full check.

Options:
  -o, --output FILE  write the schema to FILE (replaced whole)
  --force            write FILE under a name not ending in .json
  -h, --help         show this help

Example:
  baocao schema -o baocao.schema.json
  # then, first line of a report, for the YAML language server:
  # yaml-language-server: $schema=baocao.schema.json
)";

struct SchemaArgs {
  std::string file;
  bool force = false;
};

SchemaArgs parse(const std::vector<std::string>& args) {
  SchemaArgs out;
  std::string& file = out.file;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--force") {
      out.force = true;
    } else if ((a == "-o" || a == "--output") && i + 1 < args.size()) {
      file = args[++i];
    } else if (a == "-o" || a == "--output") {
      throw UsageError(a + " needs a value");
    } else {
      throw UsageError(a[0] == '-' ? "unknown option " + a : "schema takes no file; got " + a);
    }
  }
  if (!file.empty() && file != "-" && !out.force && !has_extension(file, ".json"))
    throw UsageError("-o " + file +
                     ": a JSON Schema's name should end in .json; nothing written "
                     "(give --force to use this name anyway)");
  return out;
}

} // namespace

int run_schema(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (asks_for_help(args)) {
    out << kUsage;
    return 0;
  }
  std::string file;
  try {
    file = parse(args).file;
    if (!file.empty() && file != "-") data_files().refuse(file);
  } catch (const UsageError& e) {
    err << "baocao schema: " << e.what() << "\n(run baocao schema --help for usage)\n";
    return 2;
  }
  if (file.empty() || file == "-") {
    out << input::json_schema();
    return 0;
  }
  TempOutput(file).commit_text(input::json_schema());
  return 0;
}

} // namespace baocao::app
