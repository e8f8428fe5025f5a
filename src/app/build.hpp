#pragma once
// Runs the stages: load -> model -> layout -> display list -> painter.
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/timestamp.hpp"
#include "render/haru/haru_painter.hpp"

namespace baocao::app {

/// Which painter writes the PDF.
enum class Backend { cairo, haru };

/// What build writes: one PDF, or a preview file per page (docs/reproducible.md
/// and the README tell how the page files are named).
enum class OutputFormat { pdf, png, svg };

struct BuildOptions {
  std::string input;                              ///< a path, or "-" for standard input
  std::string output;                             ///< empty: the input's name with .pdf
  std::string template_override;                  ///< empty: the report's own `template`
  std::vector<std::filesystem::path> font_dirs;   ///< searched after the bundled fonts/
  std::vector<std::filesystem::path> allow_paths; ///< more folders images may come from
  bool dump_layout = false;                       ///< print the display list to `out`
  bool allow_missing_glyphs = false; ///< a character no font has is a warning, not an error
  Backend backend = Backend::cairo;
  render::HaruOptions haru; ///< PDF/A and protection, for the libharu painter
  OutputFormat format = OutputFormat::pdf;
  int dpi = 150;                     ///< PNG pixels per inch
  std::optional<core::UtcTime> date; ///< replaces the report's date in the metadata
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

/// A built-in template: its name and one-line description.
struct TemplateInfo {
  std::string name;
  std::string description;
};

/// The built-in templates, by name. Each is loaded (and so checked).
std::vector<TemplateInfo> builtin_templates();

/// Builds one report. Throws core::InputError for bad input (nothing is
/// written; an existing output is left as it was) and core::RuntimeError for
/// anything else.
BuildResult build(const BuildOptions& options, std::ostream& out);

/// Everything build does but painting: loads the report and its template,
/// checks the fonts and lays the pages out (so a missing glyph is found),
/// then drops them. Writes nothing; throws as build does. `output`, `backend`
/// and `dump_layout` are ignored.
BuildResult check(const BuildOptions& options);

} // namespace baocao::app
