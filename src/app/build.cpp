#include "app/build.hpp"
#include "app/docx_build.hpp"
#include "app/missing_glyphs.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>

#include "app/outputs.hpp"
#include "app/read_files.hpp"
#include "core/data_dirs.hpp"
#include "core/error.hpp"
#include "display/dump.hpp"
#include "input/report_loader.hpp"
#include "input/template_loader.hpp"
#include "layout/document.hpp"
#include "layout/signature_appearance.hpp"
#include "sign/pdf_signature.hpp"
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
  CountingSink(display::Sink& next, std::optional<core::UtcTime> date,
               std::optional<std::chrono::steady_clock::time_point> deadline)
      : next_(next), date_(date), deadline_(deadline) {}
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
    // Checked between pages: a service's build stops within a page of its time limit.
    if (deadline_ && std::chrono::steady_clock::now() > *deadline_)
      throw core::RuntimeError("the build took longer than the time allowed for one report "
                               "(stopped at page " +
                               std::to_string(pages_ + 1) + ")");
    ++pages_;
    next_.page(std::move(page));
  }
  void end() override { next_.end(); }
  int pages() const { return pages_; }

private:
  display::Sink& next_;
  std::optional<core::UtcTime> date_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
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

bool names_a_file(const std::string& template_name) {
  return template_name.find('/') != std::string::npos || template_name.ends_with(".yaml") ||
         template_name.ends_with(".yml");
}

/// baocao serve reads no template from its disk but its own.
void refuse_template_file(const std::string& name, const core::SourceSpan* asked_at,
                          const fs::path& data) {
  if (!names_a_file(name)) return;
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(data / "templates"))
    if (entry.path().extension() == ".yaml") names.push_back(entry.path().stem().string());
  std::sort(names.begin(), names.end());
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  throw core::InputError(asked_at ? *asked_at : core::SourceSpan{"template", 0, 0}, "template",
                         "\"" + name +
                             "\" is a template file; the service has only its built-in "
                             "templates",
                         "the name of a built-in template (" + list + ")");
}

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
  input::LoadOptions load_options{options.allow_paths, options.request_files};
  if (options.input_text) {
    p.stdin_text = *options.input_text;
    p.report = input::parse_report(p.stdin_text, options.input, load_options);
  } else {
    p.report = load(options.input, load_options, p.stdin_text);
  }
  if (options.draft && !p.report.draft) {
    p.report.draft.emplace();
    p.report.draft->where = p.report.where;
  }
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
  if (options.builtin_templates_only) refuse_template_file(template_name, asked_at, data);
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

/// Notes each page's signature fields on their way to the painter: where the
/// signing step puts the PDF's fields.
class FieldCollector : public display::Sink {
public:
  explicit FieldCollector(display::Sink& next) : next_(next) {}
  void begin(const display::DocumentInfo& info) override { next_.begin(info); }
  void page(display::Page&& page) override {
    for (const auto& item : page.items)
      if (const auto* f = std::get_if<display::SignatureField>(&item))
        fields_.push_back({f->name, page.number - 1, f->rect});
    next_.page(std::move(page));
  }
  void end() override { next_.end(); }
  const std::vector<sign::FieldPlacement>& fields() const { return fields_; }

private:
  display::Sink& next_;
  std::vector<sign::FieldPlacement> fields_;
};

void write_bytes(const fs::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw core::RuntimeError("cannot write " + file.string());
}

/// The painted PDF made sign-ready, then signed when --sign asks: its fields
/// from the display list, the signer's field showing the report's signature image.
void finish_for_signing(const fs::path& file, const std::string& name,
                        const std::vector<sign::FieldPlacement>& fields, const Prepared& p,
                        const BuildOptions& options, const sign::Signer* signer) {
  std::string bytes = read_bytes(file);
  if (!fields.empty()) bytes = sign::add_signature_fields(bytes, name, fields);
  if (signer) {
    sign::SignOptions so = options.sign->options;
    so.when = std::time(nullptr);
    const auto signer_field = std::find_if(fields.begin(), fields.end(),
                                           [](const auto& f) { return f.name == "signer"; });
    if (signer_field != fields.end()) {
      so.field = "signer";
      const auto& image = p.report.signature->image;
      if (image)
        so.appearance = paint_appearance(
            layout::image_appearance(*image, {signer_field->rect.width, signer_field->rect.height}),
            options.kind == OutputKind::pdfa);
    }
    bytes = sign::sign_pdf(bytes, name, *signer, so);
  }
  write_bytes(file, bytes);
}

/// docs/marks.md: a draft never lands in an archival or signed file by
/// accident. A report that says `draft:` is refused for PDF/A, --sign and
/// --sign-ready unless --draft on this command line asks for the draft on purpose.
void check_final_form(const model::Report& report, const BuildOptions& options) {
  if (!report.draft || options.draft) return;
  const char* form = options.kind == OutputKind::pdfa ? "--pdfa makes an archival PDF/A file"
                     : options.sign                   ? "--sign makes a signed file"
                     : options.sign_ready             ? "--sign-ready makes a file to be signed"
                                                      : nullptr;
  if (!form) return;
  throw core::InputError(report.draft->where, "draft",
                         std::string("the report is a draft (its pages would carry the draft "
                                     "mark), and ") +
                             form + ", a final form",
                         "the final version without `draft:`, or --draft to make this final form "
                         "of the draft on purpose (docs/marks.md)");
}

/// Every file this build reads, with its role, for refusing an output over one.
ReadFiles files_read(const Prepared& p, const BuildOptions& options) {
  ReadFiles files = data_files();
  if (options.input == "-")
    files.add_fd(0, "<stdin>", "the report being built (read from standard input)");
  else if (!options.input_text)
    files.add(options.input, "the report being built");
  const auto& templates = p.style->files;
  for (size_t i = 0; i < templates.size(); ++i)
    files.add(templates[i],
              i == 0 ? "the template of the report"
                     : "a template that " + templates[i - 1].filename().string() + " extends");
  for (const auto& f : p.report.external_files) files.add(f.path, f.role);
  for (const auto& dir : options.font_dirs)
    files.add_folder(dir, "a font in --font-dir " + dir.string());
  if (options.sign) {
    files.add(options.sign->key.p12, "the signing key");
    for (const auto& chain : options.sign->key.chain)
      files.add(chain, "a --chain certificate file");
  }
  return files;
}

/// Lays the report out into `next`; a character no font has is an error,
/// or a warning in `result` with --allow-missing-glyphs.
layout::LayoutOptions layout_options(const BuildOptions& options) {
  layout::LayoutOptions lo;
  lo.signature_fields = options.sign_ready || options.sign;
  lo.blank_number_date = options.blank_number_date;
  return lo;
}

/// Returns what the layout learnt (where headings landed, for a DOCX's contents).
layout::PageFacts lay_out_checked(const Prepared& p, const BuildOptions& options,
                                  display::Sink& next, BuildResult& result) {
  display::MissingGlyphSink glyph_check(next);
  CountingSink counter(glyph_check, options.date, options.deadline);
  layout::PageFacts facts =
      layout::lay_out(p.report, *p.style, *p.fonts, counter, layout_options(options));
  result.pages = counter.pages();
  // What `watch` follows: the report, a template given as a file, the images and data files read.
  if (options.input != "-" && !options.input_text) result.sources.emplace_back(options.input);
  if (names_a_file(p.template_name)) result.sources.push_back(p.template_base / p.template_name);
  for (const auto& f : p.report.external_files) result.sources.emplace_back(f.path);
  if (!glyph_check.found().empty()) {
    auto error = missing_glyphs_error(glyph_check.found(), p.report.where.file, p.stdin_text,
                                      fonts_tried(*p.style, *p.fonts));
    if (!options.allow_missing_glyphs) throw error;
    result.warnings.push_back(error.what());
  }
  return facts;
}

} // namespace

BuildResult check(const BuildOptions& options, BuildCache* cache) {
  Prepared p = prepare(options, cache);
  display::TeeSink nowhere(std::vector<display::Sink*>{}); // pages laid out, then dropped
  BuildResult result;
  lay_out_checked(p, options, nowhere, result);
  return result;
}

BuildResult build(const BuildOptions& options, std::ostream& out, BuildCache* cache) {
  Prepared p = prepare(options, cache);
  BuildResult result;
  // --dump-layout alone prints the pages and writes no file.
  bool write = !options.dump_layout || !options.output.empty();
  const OutputSpec& spec = output_spec(options.kind);
  std::string target = write ? output_target(spec, options) : "";
  // Made before any output: the writer refuses a target that is a file read.
  ReadFiles reads = files_read(p, options);
  if (options.sign_ready && !p.report.signature)
    throw core::InputError({p.report.where.file, 0, 0}, "signature",
                           "--sign-ready: the report has no signature block to put the signature "
                           "fields in",
                           "a `signature:` with the signer's position and name");
  check_final_form(p.report, options);
  // Loaded and checked before anything is written: a wrong password writes nothing.
  std::unique_ptr<sign::Signer> signer = options.sign ? load_signer(*options.sign) : nullptr;
  std::unique_ptr<Output> output = write ? spec.make(options, target, reads) : nullptr;

  std::vector<display::Sink*> sinks;
  display::DumpSink dump(out);
  if (options.dump_layout) sinks.push_back(&dump);
  std::optional<FieldCollector> fields;
  if (output && (options.sign_ready || signer)) {
    fields.emplace(*output);
    sinks.push_back(&*fields);
    const std::string name = target == "-" ? "standard output" : target;
    output->finish_with([&, name](const fs::path& file) {
      finish_for_signing(file, name, fields->fields(), p, options, signer.get());
    });
  } else if (output) {
    sinks.push_back(output.get());
  }
  // The DOCX is written from the flow once the layout (which checks every
  // glyph and learns the contents' pages) is done, before the file is renamed.
  layout::PageFacts facts;
  if (output && options.kind == OutputKind::docx) {
    output->finish_with([&](const fs::path& file) {
      write_docx(p.report, *p.style, *p.fonts, layout_options(options), facts, file);
    });
  }
  display::TeeSink tee(sinks);
  try {
    facts = lay_out_checked(p, options, tee, result); // a bad glyph throws: the temporaries go
    if (output) {
      output->commit();
      result.output = output->written();
    }
  } catch (const core::RuntimeError& e) {
    // The painters name the temporary file; the user knows the target.
    if (output) throw core::RuntimeError(output->explain(e.what()));
    throw;
  }
  return result;
}

std::string read_bytes(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  if (!in && !in.eof()) throw core::RuntimeError("cannot read " + file.string());
  return s.str();
}

} // namespace baocao::app
