#include "app/cli.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "app/build_command.hpp"
#include "app/check_command.hpp"
#include "app/init_command.hpp"
#include "app/schema_command.hpp"
#include "app/sign_command.hpp"
#include "app/templates_command.hpp"
#include "app/usage_error.hpp"
#include "app/verify_command.hpp"
#include "app/watch_command.hpp"
#include "core/data_dirs.hpp"
#include "core/error.hpp"
#include "render/haru/haru_painter.hpp"
#include "text/font_system.hpp"

namespace baocao::app {
namespace {

constexpr const char* kUsage = R"(baocao: a term report from YAML to a formatted PDF

Usage:
  baocao build INPUT.yaml [-o OUT.pdf|-] [options]
  baocao build INPUT... [--out-dir DIR] [--jobs N] [--shard K/N] [--quiet]
  baocao check FILE... [options]
  baocao init [--template NAME] [--force] [FILE]
  baocao schema [-o FILE] [--force]
  baocao watch FILE [build options]
  baocao sign FILE.pdf --p12 KEY.p12 [-o OUT.pdf] [options]
  baocao verify FILE.pdf [--ca ROOTS.pem]
  baocao templates
  baocao serve [--listen HOST:PORT] [options]
  baocao --help | --version

Commands:
  build     render INPUT.yaml (or - for standard input) to a PDF; or many
            reports in one process (files, folders, quoted globs)
  check     validate reports as build would, writing nothing
  init      write a commented starting report (YAML)
  schema    print the JSON Schema of reports, for editors
  watch     build FILE, then again each time it is saved (baocao watch --help)
  sign      add a digital signature to a PDF baocao wrote (baocao sign --help)
  verify    check the signatures of a PDF (baocao verify --help)
  templates list the built-in templates (a report names one with
            `template: NAME`, or build takes --template NAME)
  serve     the report service over HTTP, with a browser editor at /
            (baocao serve --help; docs/serve.md)

Options for build:
  -o, --output FILE     where to write the PDF (default: INPUT with .pdf);
                        - writes it to standard output. An output that is a
                        file the build reads (the report, its templates,
                        images, fonts) is refused
  --force               use -o FILE although its name does not end in the
                        format's extension (.pdf, or .png/.svg with {p})
  --template NAME|PATH  use this template instead of the input's `template`
                        (see: baocao templates)
  --font-dir DIR        also look for fonts in DIR (may be repeated)
  --allow-missing-glyphs
                        a character no font can draw is a warning (drawn
                        as an empty box), not an error
  --allow-paths DIR     let images come from DIR too, not only from the
                        report's folder tree (may be repeated)
  --draft               the report is a draft (DỰ THẢO mark) even without
                        `draft:`; a draft is refused with --pdfa, --sign or
                        --sign-ready unless --draft is given (docs/marks.md)
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
  --sign-ready          a PDF for an e-office system to sign: empty signature
                        fields named signer and organisation where the
                        signature block's images go; the images are left
                        off the page (docs/signing.md)
  --blank-number-date   with --sign-ready or --sign: leave the number's
                        serial and the date blank for the issuing office
  --sign                sign the PDF in the signer's field, the report's
                        signature image as its appearance; the key from
                        --p12 FILE with --p12-password P or
                        --p12-password-file F (or BAOCAO_P12_PASSWORD), or
                        from a USB token: --pkcs11-module FILE with
                        --pin-file F (or BAOCAO_PKCS11_PIN); --pkcs11-token,
                        --pkcs11-key, --chain, --reason, --location,
                        --subfilter as for sign
  --split-appendices    write each appendix to its own PDF beside the
                        report's (report-phu-luc-I.pdf, ...), each numbered
                        from page 1; not with -o -, --sign or a batch
  --format pdf|png|svg|docx
                        png or svg: one preview file per page, named
                        OUT-01.png, OUT-02.png, … (or -o NAME-{p}.png);
                        docx: the same report as an editable Word document
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

} // namespace

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
    std::vector<std::string> rest(args.begin() + 1, args.end());
    if (cmd == "build") {
      if (asks_for_help(rest)) {
        out << kUsage; // build's options are the program's
        return 0;
      }
      return run_build(rest, out, err);
    }
    if (cmd == "check") return run_check(rest, out, err);
    if (cmd == "init") return run_init(rest, out, err);
    if (cmd == "schema") return run_schema(rest, out, err);
    if (cmd == "sign") return run_sign(rest, out, err);
    if (cmd == "verify") return run_verify(rest, out, err);
    if (cmd == "watch") return run_watch(rest, out, err);
    if (cmd == "templates") return run_templates(rest, out);
    throw UsageError("unknown command " + cmd);
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
