#include "app/cli.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "app/batch.hpp"
#include "app/build.hpp"
#include "app/check_command.hpp"
#include "app/init_command.hpp"
#include "app/output_options.hpp"
#include "app/schema_command.hpp"
#include "app/usage_error.hpp"
#include "app/watch_command.hpp"
#include "core/data_dirs.hpp"
#include "core/error.hpp"
#include "render/haru/haru_painter.hpp"
#include "text/font_system.hpp"

namespace baocao::app {
namespace {

constexpr const char* kUsage = R"(baocao: a term report from YAML to a formatted PDF

Usage:
  baocao build INPUT.yaml [-o OUT.pdf] [options]
  baocao build INPUT... [--out-dir DIR] [--jobs N] [--shard K/N] [--quiet]
  baocao check FILE... [options]
  baocao init [--template NAME] [--force] [FILE]
  baocao schema [-o FILE]
  baocao watch FILE [build options]
  baocao templates
  baocao --help | --version

Commands:
  build     render INPUT.yaml (or - for standard input) to a PDF; or many
            reports in one process (files, folders, quoted globs)
  check     validate reports as build would, writing nothing
  init      write a commented starting report (YAML)
  schema    print the JSON Schema of reports, for editors
  watch     build FILE, then again each time it is saved (baocao watch --help)
  templates list the built-in templates (a report names one with
            `template: NAME`, or build takes --template NAME)

Options for build:
  -o, --output FILE     where to write the PDF (default: INPUT with .pdf)
  --template NAME|PATH  use this template instead of the input's `template`
                        (see: baocao templates)
  --font-dir DIR        also look for fonts in DIR (may be repeated)
  --allow-missing-glyphs
                        a character no font can draw is a warning (drawn
                        as an empty box), not an error
  --allow-paths DIR     let images come from DIR too, not only from the
                        report's folder tree (may be repeated)
  --dump-layout         print the laid-out pages (display list) as text on
                        standard output; writes a PDF only if -o is given
  --backend cairo|haru  the painter that writes the PDF (default: cairo);
                        each option below chooses haru (libharu) by itself
  --pdfa                write archival PDF/A-1b (cannot be encrypted)
  --owner-password P    encrypt (RC4 128-bit); P unlocks every right
  --user-password P     also ask for P to open the file (needs an owner
                        password, different from it)
  --owner-password-file F, --user-password-file F
                        read the password from the first line of F; without
                        a flag, BAOCAO_OWNER_PASSWORD / BAOCAO_USER_PASSWORD
                        from the environment are used (both keep passwords
                        out of shell history)
  --permissions LIST    what a reader may do in an encrypted file, from
                        print,copy,edit,annotate (default: print,copy)
  --format pdf|png|svg  png or svg: one preview file per page, named
                        OUT-01.png, OUT-02.png, … (or -o NAME-{p}.png)
  --dpi N               pixels per inch of PNG previews, 10..1200 (default 150)
  --date DATE           the PDF's creation and modification date, as
                        YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC); overrides
                        SOURCE_DATE_EPOCH, which overrides the report's date
  --out-dir DIR         batch: write DIR/<stem>.pdf (default: beside each input)
  --jobs N              batch: build on N threads (default: the cores)
  --shard K/N           batch: build only the K-th of N stable slices (docs/batch.md)
  --quiet               batch: print only errors
  -h, --help            show this help

Exit status: 0 done, 2 bad input or usage (nothing written), 1 other failure.

Example:
  baocao build examples/phu-tho-2010-2015.yaml -o report.pdf
  baocao build reports/ --out-dir pdf --jobs 4
)";

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

/// The first line of a password file, without its line ending.
std::string read_password_file(const std::string& flag, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UsageError(flag + " " + file + ": cannot read the file");
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) throw UsageError(flag + " " + file + ": the first line is empty");
  return line;
}

/// One password from its flag, its file or its environment variable, in that order.
std::optional<std::string> password(const std::optional<std::string>& flag,
                                    const std::optional<std::string>& file, const char* name,
                                    const char* env) {
  if (flag && file)
    throw UsageError(std::string("give --") + name + "-password or --" + name +
                     "-password-file, not both");
  if (flag) {
    if (flag->empty()) throw UsageError(std::string("--") + name + "-password is empty");
    return flag;
  }
  if (file) return read_password_file(std::string("--") + name + "-password-file", *file);
  const char* value = std::getenv(env);
  if (value && *value) return std::string(value);
  return std::nullopt;
}

void set_permissions(render::haru::Protection& p, const std::string& list) {
  p.print = p.copy = p.edit = p.annotate = false;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    std::string word = list.substr(start, comma == std::string::npos ? comma : comma - start);
    if (word == "print")
      p.print = true;
    else if (word == "copy")
      p.copy = true;
    else if (word == "edit")
      p.edit = true;
    else if (word == "annotate")
      p.annotate = true;
    else if (!word.empty())
      throw UsageError("--permissions: unknown permission \"" + word +
                       "\" (choose from print, copy, edit, annotate)");
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
}

} // namespace

bool parse_input_option(const std::string& a, const std::function<std::string(const char*)>& value,
                        BuildOptions& o) {
  if (a == "--template") {
    o.template_override = value("--template");
  } else if (a == "--font-dir" || a == "--allow-paths") {
    std::string dir = value(a.c_str());
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
      throw UsageError(a + " " + dir + ": no such folder");
    (a == "--font-dir" ? o.font_dirs : o.allow_paths).emplace_back(dir);
  } else if (a == "--allow-missing-glyphs") {
    o.allow_missing_glyphs = true;
  } else {
    return false;
  }
  return true;
}

BuildOptions parse_build(const std::vector<std::string>& args, BatchOptions& batch) {
  BuildOptions o;
  std::optional<std::string> backend, owner, user, owner_file, user_file, permissions;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](const char* name) -> std::string {
      if (i + 1 >= args.size()) throw UsageError(std::string(name) + " needs a value");
      return args[++i];
    };
    if (a == "-o" || a == "--output") {
      o.output = value("-o");
    } else if (parse_input_option(a, value, o)) {
      // --template, --font-dir, --allow-paths, --allow-missing-glyphs
    } else if (a == "--dump-layout") {
      o.dump_layout = true;
    } else if (a == "--backend") {
      backend = value("--backend");
      if (*backend != "cairo" && *backend != "haru")
        throw UsageError("--backend " + *backend + ": choose cairo or haru");
    } else if (a == "--pdfa") {
      o.haru.pdfa = true;
    } else if (a == "--owner-password") {
      owner = value("--owner-password");
    } else if (a == "--user-password") {
      user = value("--user-password");
    } else if (a == "--owner-password-file") {
      owner_file = value("--owner-password-file");
    } else if (a == "--user-password-file") {
      user_file = value("--user-password-file");
    } else if (a == "--permissions") {
      permissions = value("--permissions");
    } else if (parse_output_option(a, value, o)) {
    } else if (parse_batch_flag(batch, args, i)) {
      // --out-dir, --jobs, --shard, --quiet: app/batch.cpp
    } else if (a.size() > 1 && a[0] == '-' && a != "-") {
      throw UsageError("unknown option " + a);
    } else {
      batch.inputs.push_back(a);
    }
  }
  if (batch.inputs.empty()) throw UsageError("build needs an input file (or - for standard input)");
  o.input = batch.inputs.front();

  auto owner_pw = password(owner, owner_file, "owner", "BAOCAO_OWNER_PASSWORD");
  auto user_pw = password(user, user_file, "user", "BAOCAO_USER_PASSWORD");
  if (user_pw && !owner_pw)
    throw UsageError("a user password needs an owner password too (--owner-password, "
                     "--owner-password-file or BAOCAO_OWNER_PASSWORD)");
  if (permissions && !owner_pw)
    throw UsageError("--permissions applies to an encrypted file: give an owner password too");
  if (owner_pw) {
    if (user_pw && *user_pw == *owner_pw)
      throw UsageError("the user and owner passwords must differ (with the same password a "
                       "reader would have every right)");
    render::haru::Protection p;
    p.owner = *owner_pw;
    p.user = user_pw.value_or("");
    set_permissions(p, permissions.value_or("print,copy"));
    o.haru.protection = p;
  }
  if (o.haru.pdfa && o.haru.protection)
    throw UsageError("--pdfa cannot be combined with a password: PDF/A forbids encryption");
  bool needs_haru = o.haru.pdfa || o.haru.protection;
  if (backend == "cairo" && needs_haru)
    throw UsageError(std::string("--backend cairo cannot write ") +
                     (o.haru.pdfa ? "PDF/A" : "encrypted files") + ": use --backend haru");
  o.backend = backend == "haru" || needs_haru ? Backend::haru : Backend::cairo;
  finish_output_options(o);
  return o;
}

BuildOptions parse_build(const std::vector<std::string>& args) {
  BatchOptions batch;
  BuildOptions o = parse_build(args, batch);
  if (batch.inputs.size() > 1 || batch.flagged)
    throw UsageError("one report at a time here: several inputs, --out-dir, --jobs, --shard and "
                     "--quiet are for baocao build");
  return o;
}

namespace {

void print_version(std::ostream& out) {
  out << "baocao " << BAOCAO_VERSION << "\n";
  // Which templates/ and fonts/ this program uses: shows that an installed
  // copy reads its own share/baocao, not the source tree.
  try {
    out << "  data " << core::data_dir().string() << "\n";
  } catch (const core::RuntimeError& e) {
    out << "  data not found: " << e.what() << "\n";
  }
  out << "  pango " << text::pango_version() << ", libharu " << render::haru::libharu_version()
      << "\n";
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
      if (args.size() > 1 && (args[1] == "-h" || args[1] == "--help")) {
        out << kTemplatesUsage;
        return 0;
      }
      if (args.size() > 1) throw UsageError("templates takes no arguments; got " + args[1]);
      for (const auto& t : builtin_templates()) out << t.name << "\t" << t.description << "\n";
      return 0;
    }
    if (cmd == "check") return run_check({args.begin() + 1, args.end()}, out, err);
    if (cmd == "init") return run_init({args.begin() + 1, args.end()}, out, err);
    if (cmd == "schema") return run_schema({args.begin() + 1, args.end()}, out, err);
    if (cmd == "watch") return run_watch({args.begin() + 1, args.end()}, out, err);
    if (cmd != "build") throw UsageError("unknown command " + cmd);
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (asks_for_help(rest)) {
      out << kUsage;
      return 0;
    }
    BatchOptions batch;
    BuildOptions options = parse_build(rest, batch);
    if (is_batch(batch)) return run_batch(options, batch, out, err);
    BuildResult result = build(options, out);
    for (const auto& w : result.warnings) err << "warning: " << w << "\n";
    if (!result.output.empty())
      err << "wrote " << result.output.string() << " (" << pages_text(result.pages) << ")\n";
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
