#pragma once
// Runs the stages: load -> model -> layout -> display list -> painter.
#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "app/outputs.hpp"
#include "app/signing.hpp"
#include "core/source_span.hpp"
#include "core/timestamp.hpp"
#include "render/haru/haru_painter.hpp"

namespace baocao::style {
struct Style;
}
namespace baocao::text {
class FontSystem;
}

namespace baocao::app {

struct BuildOptions {
  std::string input;  ///< a path, or "-" for standard input
  std::string output; ///< empty: the input's name with .pdf; "-": standard output
  bool force = false; ///< an output name that does not end in the format's extension is allowed
  std::string template_override;                  ///< empty: the report's own `template`
  std::vector<std::filesystem::path> font_dirs;   ///< searched after the bundled fonts/
  std::vector<std::filesystem::path> allow_paths; ///< more folders images may come from
  bool dump_layout = false;                       ///< print the display list to `out`
  bool allow_missing_glyphs = false; ///< a character no font has is a warning, not an error
  OutputKind kind = OutputKind::pdf; ///< what is written (app/outputs: the table of kinds)
  render::haru::HaruOptions haru;    ///< PDF/A and protection, for the libharu painter
  int dpi = 150;                     ///< PNG pixels per inch
  std::optional<core::UtcTime> date; ///< replaces the report's date in the metadata
  /// --sign-ready: empty signature fields (signer, organisation) where the
  /// signature block's images go, and the images left out (docs/signing.md).
  bool sign_ready = false;
  /// --blank-number-date: the number's serial and the date left blank for
  /// the issuing office.
  bool blank_number_date = false;
  /// --sign: the PDF signed with this key in the signer's field, the
  /// report's signature image as its appearance.
  std::optional<SignRequest> sign;
  /// --draft: the report is a draft even if it does not say so, and a final
  /// form (PDF/A, signed, sign-ready) of a draft is wanted on purpose (docs/marks.md).
  bool draft = false;
  /// --split-appendices: each appendix (Page::part k) to its own PDF beside
  /// the report's (app/split_output).
  bool split_appendices = false;

  // baocao serve: a report that comes from a request, not from a file.
  /// The report's text; `input` is then only the name errors give it.
  std::optional<std::string> input_text;
  /// Where the request's files were put; the report names them by plain name only.
  std::filesystem::path request_files;
  /// Only a built-in template may be named (no template file from the disk).
  bool builtin_templates_only = false;
  /// When a build still laying out pages gives up (core::RuntimeError).
  std::optional<std::chrono::steady_clock::time_point> deadline;
};

/// What a build produced.
struct BuildResult {
  std::filesystem::path output; ///< empty when nothing was written (previews: "first … last")
  int pages = 0;
  std::vector<std::string> warnings; ///< for standard error (missing glyphs when allowed)
  /// Files the build read: the report, the template when given as a path,
  /// the images drawn (what `baocao watch` watches).
  std::vector<std::filesystem::path> sources;
};

/// A whole file's bytes (a temporary read back, a picture). Throws core::RuntimeError.
std::string read_bytes(const std::filesystem::path& file);

/// "1 page", "8 pages": how every command reports a report's length.
std::string pages_text(int pages);

/// A built-in template: its name and one-line description.
struct TemplateInfo {
  std::string name;
  std::string description;
};

/// The built-in templates, by name. Each is loaded (and so checked).
std::vector<TemplateInfo> builtin_templates();

/// What builds in one process may share (app/batch.cpp): templates, loaded
/// once, and font systems, built once per thread. Without one, a build loads its own.
class BuildCache {
public:
  virtual ~BuildCache() = default;
  /// As input::load_template; the same template may be handed to every build.
  virtual std::shared_ptr<const style::Style> style(const std::string& name_or_path,
                                                    const std::filesystem::path& builtin_dir,
                                                    const std::filesystem::path& base_dir,
                                                    const core::SourceSpan* asked_at) = 0;
  /// A font system for these folders and fallback chain, used only by the calling thread.
  virtual text::FontSystem& fonts(const std::vector<std::filesystem::path>& font_dirs,
                                  const std::vector<std::string>& fallback) = 0;
};

/// Builds one report. Throws core::InputError for bad input (nothing is
/// written; an existing output is left as it was) and core::RuntimeError for
/// anything else.
BuildResult build(const BuildOptions& options, std::ostream& out, BuildCache* cache = nullptr);

/// Everything build does but painting: loads the report and its template,
/// checks the fonts and lays the pages out (so a missing glyph is found),
/// then drops them. Writes nothing; throws as build does. `output`, `kind`
/// and `dump_layout` are ignored.
BuildResult check(const BuildOptions& options, BuildCache* cache = nullptr);

} // namespace baocao::app
