#pragma once
// Every kind of output build can write, declared once (issue 12): its
// --format word, extension, whether it is one file or one per page, whether
// it may go to standard output, what it must end with to be whole, the
// options it takes, and the factory that makes its writer. Option checks,
// output names and the commit all read this table, so a new kind (DOCX, a
// signed PDF) is one row and one writer.
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "display/display_list.hpp"

namespace baocao::app {

struct BuildOptions;
class ReadFiles;

enum class OutputKind { pdf, pdf_haru, pdfa, png, svg, docx };

/// A writer of one output: a sink for the pages, then commit() puts the
/// finished file(s) in place. Destroyed without commit, it leaves nothing.
class Output : public display::Sink {
public:
  /// Finishes the file(s) and renames them over the target(s), or copies the
  /// one file to standard output. Throws core::RuntimeError.
  virtual void commit() = 0;
  /// What was written, for "wrote …": a path, "standard output", or "first … last".
  virtual std::filesystem::path written() const = 0;
  /// A painter's message about a temporary, told about the target.
  virtual std::string explain(const std::string& message) const = 0;
  /// Work on the finished file before commit renames it into place (adding
  /// signature fields, signing). Only a one-file PDF output takes one.
  using Finisher = std::function<void(const std::filesystem::path& file)>;
  virtual void finish_with(Finisher finisher) = 0;
};

/// Options an output kind may take besides its own choice.
enum OutputOption : unsigned {
  takes_dpi = 1u << 0,       ///< --dpi
  takes_passwords = 1u << 1, ///< --owner-password and friends, --permissions
  takes_split = 1u << 2,     ///< --split-appendices (app/split_output)
};

struct OutputSpec {
  OutputKind kind;
  std::string_view format;    ///< the --format word that asks for it
  std::string_view name;      ///< in messages: "PDF/A"
  std::string_view extension; ///< ".pdf"
  bool per_page;              ///< one file per page, named by a {p} pattern
  bool haru;                  ///< drawn by libharu (else Cairo)
  /// May be written to `-o -`: a one-file kind always; a per-page kind when
  /// the report has one page (the second page is refused).
  bool standard_output;
  std::string_view end_marker; ///< a whole file's last bytes; empty: not checked
  unsigned options;            ///< OutputOption bits
  std::unique_ptr<Output> (*make)(const BuildOptions& options, const std::string& target,
                                  const ReadFiles& reads);
};

/// The table, in the order `--help` lists the formats.
const std::vector<OutputSpec>& output_specs();
const OutputSpec& output_spec(OutputKind kind);

/// What the command line asked for, before it is checked against the table.
struct OutputRequest {
  std::string format = "pdf";
  std::optional<std::string> backend; ///< --backend as given
  bool pdfa = false;
  bool passwords = false;
  bool dpi = false;     ///< --dpi given
  bool signing = false; ///< --sign or --sign-ready given
  bool split = false;   ///< --split-appendices given
};

/// The kind asked for. Throws UsageError when the words name no kind or an
/// option does not apply to it ("--format png writes page previews: …").
OutputKind choose_output(const OutputRequest& request);

/// Where the output goes: `-o` as given ("-" for standard output), the
/// input's name with the kind's extension, or for per-page kinds a {p}
/// pattern. Throws core::InputError when reading standard input without -o.
std::string output_target(const OutputSpec& spec, const BuildOptions& options);

/// `-o NAME` against the kind: standard output where the kind cannot go
/// there, or a name that does not end in its extension (unless --force).
/// Throws UsageError.
void check_output_name(const OutputSpec& spec, const BuildOptions& options);

} // namespace baocao::app
