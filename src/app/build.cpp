#include "app/build.hpp"
#include "app/missing_glyphs.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <set>

#include "app/page_files.hpp"
#include "app/temp_output.hpp"
#include "core/data_dirs.hpp"
#include "core/error.hpp"
#include "display/dump.hpp"
#include "input/report_loader.hpp"
#include "input/template_loader.hpp"
#include "layout/document.hpp"
#include "render/cairo/cairo_painter.hpp"
#include "render/cairo/cairo_raster.hpp"
#include "render/haru/haru_painter.hpp"
#include "text/font_system.hpp"

namespace baocao::app {
namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxStdin = 64u << 20;

model::Report load(const std::string& input, const input::LoadOptions& options, std::string& text) {
  if (input != "-") return input::load_report(input, options);
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, stdin)) > 0) {
    text.append(buf, n);
    if (text.size() > kMaxStdin) {
      throw core::InputError({"<stdin>", 0, 0}, "", "input is larger than 64 MiB",
                             "a report of reasonable size");
    }
  }
  return input::parse_report(text, "<stdin>", options);
}

/// Counts pages on their way to the next sink, names the program in the
/// metadata and puts the date asked for (if any) in place of the report's.
class CountingSink : public display::Sink {
public:
  CountingSink(display::Sink& next, std::optional<core::UtcTime> date) : next_(next), date_(date) {}
  void begin(const display::DocumentInfo& info) override {
    display::DocumentInfo named = info;
    named.creator = "baocao " BAOCAO_VERSION;
    if (date_) {
      named.year = date_->year, named.month = date_->month, named.day = date_->day;
      named.hour = date_->hour, named.minute = date_->minute, named.second = date_->second;
    }
    next_.begin(named);
  }
  void page(display::Page&& page) override {
    ++pages_;
    for (const auto& item : page.items)
      if (const auto* image = std::get_if<display::Image>(&item)) images_.insert(image->file);
    next_.page(std::move(page));
  }
  void end() override { next_.end(); }
  int pages() const { return pages_; }
  const std::set<std::string>& images() const { return images_; }

private:
  display::Sink& next_;
  std::optional<core::UtcTime> date_;
  int pages_ = 0;
  std::set<std::string> images_;
};

/// Every font family the style names must be in the font folders: a silent
/// fallback would change the document's look without telling anyone.
void check_fonts(const style::Style& style, const text::FontSystem& fonts,
                 const std::string& template_name) {
  for (const auto& [where, ts] : style::all_text_styles(style)) {
    if (fonts.has_family(ts->font)) continue;
    std::string have;
    for (const auto& f : fonts.families()) have += (have.empty() ? "" : ", ") + f;
    throw core::InputError({template_name, 0, 0}, where + ".font",
                           "font \"" + ts->font + "\" is not in the font folders",
                           "one of: " + have + " (or add its folder with --font-dir)");
  }
  for (size_t i = 0; i < style.fonts_fallback.size(); ++i) {
    const std::string& f = style.fonts_fallback[i];
    if (fonts.has_family(f)) continue;
    throw core::InputError({template_name, 0, 0}, "fonts.fallback[" + std::to_string(i) + "]",
                           "font \"" + f + "\" is not in the font folders",
                           "a family in fonts/ or a --font-dir folder");
  }
}

} // namespace

std::string pages_text(int pages) {
  return std::to_string(pages) + (pages == 1 ? " page" : " pages");
}

std::vector<TemplateInfo> builtin_templates() {
  fs::path dir = core::data_dir() / "templates";
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".yaml") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::vector<TemplateInfo> out;
  for (const auto& f : files) {
    std::string name = f.stem().string();
    out.push_back({name, input::load_template(name, dir, dir).description});
  }
  return out;
}

namespace {

/// A report ready to lay out: its model, its template, and the fonts it names (all checked).
struct Prepared {
  std::string stdin_text; ///< kept to point at a character no font has
  model::Report report;
  std::shared_ptr<const style::Style> style; ///< shared between a batch's builds
  std::unique_ptr<text::FontSystem> own_fonts;
  text::FontSystem* fonts = nullptr; ///< own_fonts, or the batch thread's
  std::string template_name;         ///< as asked for: a built-in name or a path
  fs::path template_base;            ///< the folder a template path is relative to
};

Prepared prepare(const BuildOptions& options, BuildCache* cache) {
  Prepared p;
  p.report = load(options.input, input::LoadOptions{options.allow_paths}, p.stdin_text);
  const model::Report& report = p.report;

  fs::path data = core::data_dir();
  std::string template_name = !options.template_override.empty() ? options.template_override
                              : !report.template_name.empty()    ? report.template_name
                                                                 : "dang";
  // A template path in the report is relative to the report; on the command line, to here.
  fs::path base = options.template_override.empty() && options.input != "-"
                      ? fs::path(options.input).parent_path()
                      : fs::current_path();
  const core::SourceSpan* asked_at =
      options.template_override.empty() && !report.template_name.empty() ? &report.template_where
                                                                         : nullptr;
  p.style = cache ? cache->style(template_name, data / "templates", base, asked_at)
                  : std::make_shared<const style::Style>(
                        input::load_template(template_name, data / "templates", base, asked_at));
  p.template_name = template_name;
  p.template_base = base;

  std::vector<fs::path> font_dirs{data / "fonts"};
  font_dirs.insert(font_dirs.end(), options.font_dirs.begin(), options.font_dirs.end());
  if (cache) {
    p.fonts = &cache->fonts(font_dirs, p.style->fonts_fallback);
  } else {
    p.own_fonts = std::make_unique<text::FontSystem>(font_dirs, p.style->fonts_fallback);
    p.fonts = p.own_fonts.get();
  }
  check_fonts(*p.style, *p.fonts, template_name);
  return p;
}

/// Lays the report out into `next`; a character no font has is an error,
/// or a warning in `result` with --allow-missing-glyphs.
void lay_out_checked(const Prepared& p, const BuildOptions& options, display::Sink& next,
                     BuildResult& result) {
  display::MissingGlyphSink glyph_check(next);
  CountingSink counter(glyph_check, options.date);
  layout::lay_out(p.report, *p.style, *p.fonts, counter);
  result.pages = counter.pages();
  // What `watch` follows: the report, a template given as a file, the images drawn.
  if (options.input != "-") result.sources.emplace_back(options.input);
  const std::string& t = p.template_name;
  if (t.find('/') != std::string::npos || t.ends_with(".yaml") || t.ends_with(".yml"))
    result.sources.push_back(p.template_base / t);
  result.sources.insert(result.sources.end(), counter.images().begin(), counter.images().end());
  if (!glyph_check.found().empty()) {
    auto error = missing_glyphs_error(glyph_check.found(), p.report.where.file, p.stdin_text,
                                      fonts_tried(*p.style, *p.fonts));
    if (!options.allow_missing_glyphs) throw error;
    result.warnings.push_back(error.what());
  }
}

} // namespace

BuildResult check(const BuildOptions& options) {
  Prepared p = prepare(options, nullptr);
  display::TeeSink nowhere(std::vector<display::Sink*>{}); // pages laid out, then dropped
  BuildResult result;
  lay_out_checked(p, options, nowhere, result);
  return result;
}

BuildResult build(const BuildOptions& options, std::ostream& out, BuildCache* cache) {
  Prepared p = prepare(options, cache);

  BuildResult result;
  fs::path target;
  bool write_pdf = !options.dump_layout || !options.output.empty();
  bool previews = write_pdf && options.format != OutputFormat::pdf;
  if (previews) write_pdf = false;
  if (previews && options.input == "-" && options.output.empty())
    throw core::InputError({"<stdin>", 0, 0}, "", "no output file named",
                           "-o OUT.png (or OUT-{p}.png) when reading standard input");
  if (write_pdf) {
    if (!options.output.empty()) {
      target = options.output;
    } else if (options.input == "-") {
      throw core::InputError({"<stdin>", 0, 0}, "", "no output file named",
                             "-o OUT.pdf when reading standard input");
    } else {
      target = fs::path(options.input).replace_extension(".pdf");
    }
  }

  std::vector<display::Sink*> sinks;
  display::DumpSink dump(out);
  if (options.dump_layout) sinks.push_back(&dump);
  std::optional<TempOutput> temp;
  std::optional<render::cairo::CairoPdfSink> pdf;
  std::optional<render::haru::HaruPdfSink> haru;
  if (write_pdf) {
    temp.emplace(target);
    if (options.backend == Backend::haru) {
      haru.emplace(temp->path(), options.haru);
      sinks.push_back(&*haru);
    } else {
      pdf.emplace(temp->path());
      sinks.push_back(&*pdf);
    }
  }
  std::optional<PageFiles> page_files;
  std::optional<render::cairo::CairoPreviewSink> preview;
  if (previews) {
    bool png = options.format == OutputFormat::png;
    page_files.emplace(page_pattern(options.input, options.output, png ? ".png" : ".svg"));
    preview.emplace(png ? render::cairo::PreviewFormat::png : render::cairo::PreviewFormat::svg,
                    options.dpi, [&page_files](int page) { return page_files->temp_for(page); });
    sinks.push_back(&*preview);
  }
  display::TeeSink tee(sinks);
  try {
    lay_out_checked(p, options, tee, result); // a bad glyph throws: the temporary file goes
    if (write_pdf) {
      pdf.reset();
      haru.reset();
      temp->commit();
      result.output = target;
    }
    if (previews && !page_files->targets().empty()) {
      page_files->commit();
      const auto& files = page_files->targets();
      result.output =
          files.size() == 1
              ? files[0]
              : fs::path(files.front().string() + " … " + files.back().filename().string());
    }
  } catch (const core::RuntimeError& e) {
    // The painters name the temporary file; the user knows the target.
    if (temp) throw core::RuntimeError(temp->explain(e.what()));
    if (page_files) throw core::RuntimeError(page_files->explain(e.what()));
    throw;
  }
  return result;
}

} // namespace baocao::app
