#include "app/build.hpp"
#include "app/missing_glyphs.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <optional>

#include "app/temp_output.hpp"
#include "core/data_dirs.hpp"
#include "core/error.hpp"
#include "display/dump.hpp"
#include "input/report_loader.hpp"
#include "input/template_loader.hpp"
#include "layout/document.hpp"
#include "render/cairo/cairo_painter.hpp"
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

/// Counts pages on their way to the next sink and names the program in the metadata.
class CountingSink : public display::Sink {
public:
  explicit CountingSink(display::Sink& next) : next_(next) {}
  void begin(const display::DocumentInfo& info) override {
    display::DocumentInfo named = info;
    named.creator = "baocao " BAOCAO_VERSION;
    next_.begin(named);
  }
  void page(display::Page&& page) override {
    ++pages_;
    next_.page(std::move(page));
  }
  void end() override { next_.end(); }
  int pages() const { return pages_; }

private:
  display::Sink& next_;
  int pages_ = 0;
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

BuildResult build(const BuildOptions& options, std::ostream& out, BuildCache* cache) {
  std::string stdin_text; // kept to point at a character no font has
  model::Report report = load(options.input, input::LoadOptions{options.allow_paths}, stdin_text);

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
  std::optional<style::Style> own_style;
  std::shared_ptr<const style::Style> shared_style;
  if (cache)
    shared_style = cache->style(template_name, data / "templates", base, asked_at);
  else
    own_style = input::load_template(template_name, data / "templates", base, asked_at);
  const style::Style& style = cache ? *shared_style : *own_style;

  std::vector<fs::path> font_dirs{data / "fonts"};
  font_dirs.insert(font_dirs.end(), options.font_dirs.begin(), options.font_dirs.end());
  std::optional<text::FontSystem> own_fonts;
  text::FontSystem& fonts = cache ? cache->fonts(font_dirs, style.fonts_fallback)
                                  : own_fonts.emplace(font_dirs, style.fonts_fallback);
  check_fonts(style, fonts, template_name);

  BuildResult result;
  fs::path target;
  bool write_pdf = !options.dump_layout || !options.output.empty();
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
  std::optional<render::CairoPdfSink> pdf;
  std::optional<render::HaruPdfSink> haru;
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
  display::TeeSink tee(sinks);
  display::MissingGlyphSink glyph_check(tee);
  CountingSink counter(glyph_check);
  try {
    layout::lay_out(report, style, fonts, counter);
    result.pages = counter.pages();
    if (!glyph_check.found().empty()) {
      auto error = missing_glyphs_error(glyph_check.found(), report.where.file, stdin_text,
                                        fonts_tried(style, fonts));
      if (!options.allow_missing_glyphs) throw error; // the temporary file goes with it
      result.warnings.push_back(error.what());
    }
    if (write_pdf) {
      pdf.reset();
      haru.reset();
      temp->commit();
      result.output = target;
    }
  } catch (const core::RuntimeError& e) {
    // The painters name the temporary file; the user knows the target.
    if (temp) throw core::RuntimeError(temp->explain(e.what()));
    throw;
  }
  return result;
}

} // namespace baocao::app
