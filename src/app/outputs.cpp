#include "app/outputs.hpp"

#include <functional>
#include <unistd.h>

#include "app/build.hpp"
#include "app/page_files.hpp"
#include "app/read_files.hpp"
#include "app/split_output.hpp"
#include "app/temp_output.hpp"
#include "core/error.hpp"
#include "render/cairo/cairo_painter.hpp"
#include "render/cairo/cairo_raster.hpp"
#include "render/haru/haru_painter.hpp"

namespace baocao::app {
namespace fs = std::filesystem;

namespace {

/// One file: a painter writing into a temporary, renamed over the target (or
/// copied to standard output) on commit, after the check that it is whole.
class FileOutput : public Output {
public:
  using MakePainter = std::function<std::unique_ptr<display::Sink>(const fs::path& temp)>;
  FileOutput(const OutputSpec& spec, const std::string& target, const MakePainter& make)
      : spec_(spec), target_(target), temp_(target) {
    painter_ = make(temp_.path());
  }
  void begin(const display::DocumentInfo& info) override { painter_->begin(info); }
  void page(display::Page&& page) override { painter_->page(std::move(page)); }
  void end() override { painter_->end(); }
  void commit() override {
    painter_.reset(); // a painter finishes its file when it goes
    if (finisher_) finisher_(temp_.path());
    temp_.commit(std::string(spec_.end_marker));
  }
  void finish_with(Finisher finisher) override { finisher_ = std::move(finisher); }
  fs::path written() const override { return target_ == "-" ? "standard output" : target_; }
  std::string explain(const std::string& message) const override {
    return target_ == "-" ? message : temp_.explain(message);
  }

private:
  const OutputSpec& spec_;
  std::string target_;
  TempOutput temp_;                        ///< before painter_: it outlives the painter
  std::unique_ptr<display::Sink> painter_; ///< writes temp_
  Finisher finisher_;
};

/// One file per page, all renamed into place on commit (app/page_files).
class PagesOutput : public Output {
public:
  PagesOutput(render::cairo::PreviewFormat format, int dpi, const std::string& pattern,
              const ReadFiles& reads)
      : files_(pattern) {
    painter_ = std::make_unique<render::cairo::CairoPreviewSink>(
        format, dpi, [this, &reads, pattern](int page) {
          reads.refuse(page_file(pattern, page)); // each page's name, before it is written
          return files_.temp_for(page);
        });
  }
  void begin(const display::DocumentInfo& info) override { painter_->begin(info); }
  void page(display::Page&& page) override { painter_->page(std::move(page)); }
  void end() override { painter_->end(); }
  void commit() override {
    painter_.reset();
    if (!files_.targets().empty()) files_.commit();
  }
  fs::path written() const override {
    const auto& files = files_.targets();
    if (files.empty()) return {};
    if (files.size() == 1) return files[0];
    return files.front().string() + " … " + files.back().filename().string();
  }
  std::string explain(const std::string& message) const override { return files_.explain(message); }
  void finish_with(Finisher) override {
    throw core::RuntimeError("page previews cannot be signed"); // choose_output refuses it first
  }

private:
  PageFiles files_;
  std::unique_ptr<render::cairo::CairoPreviewSink> painter_;
};

/// Refuses a single-file target that is a file the build reads.
void guard(const std::string& target, const ReadFiles& reads) {
  if (target == "-")
    reads.refuse_fd(STDOUT_FILENO, "standard output");
  else
    reads.refuse(target);
}

std::unique_ptr<Output> make_cairo_pdf(const BuildOptions& o, const std::string& target,
                                       const ReadFiles& reads) {
  guard(target, reads);
  auto make = [](const fs::path& temp) -> std::unique_ptr<display::Sink> {
    return std::make_unique<render::cairo::CairoPdfSink>(temp);
  };
  const OutputSpec& spec = output_spec(OutputKind::pdf);
  if (o.split_appendices) return make_split_output(spec, target, reads, make);
  return std::make_unique<FileOutput>(spec, target, make);
}

std::unique_ptr<Output> make_haru_pdf(const BuildOptions& o, const std::string& target,
                                      const ReadFiles& reads) {
  guard(target, reads);
  render::haru::HaruOptions haru = o.haru;
  auto make = [haru](const fs::path& temp) -> std::unique_ptr<display::Sink> {
    return std::make_unique<render::haru::HaruPdfSink>(temp, haru);
  };
  const OutputSpec& spec = output_spec(haru.pdfa ? OutputKind::pdfa : OutputKind::pdf_haru);
  if (o.split_appendices) return make_split_output(spec, target, reads, make);
  return std::make_unique<FileOutput>(spec, target, make);
}

std::unique_ptr<Output> make_preview(render::cairo::PreviewFormat format, const OutputSpec& spec,
                                     const BuildOptions& o, const std::string& target,
                                     const ReadFiles& reads) {
  if (target != "-") return std::make_unique<PagesOutput>(format, o.dpi, target, reads);
  guard(target, reads);
  // Standard output holds one file, so one page: a longer report is refused at its second.
  std::string extension(spec.extension);
  return std::make_unique<FileOutput>(spec, target, [=, &o](const fs::path& temp) {
    return std::make_unique<render::cairo::CairoPreviewSink>(format, o.dpi, [=](int page) {
      if (page > 1)
        throw UsageError("-o - writes one " + std::string(spec.name) +
                         ", but the report has more than one page: write one file per page "
                         "with -o NAME-{p}" +
                         extension);
      return temp;
    });
  });
}

std::unique_ptr<Output> make_png(const BuildOptions& o, const std::string& target,
                                 const ReadFiles& reads) {
  return make_preview(render::cairo::PreviewFormat::png, output_spec(OutputKind::png), o, target,
                      reads);
}

std::unique_ptr<Output> make_svg(const BuildOptions& o, const std::string& target,
                                 const ReadFiles& reads) {
  return make_preview(render::cairo::PreviewFormat::svg, output_spec(OutputKind::svg), o, target,
                      reads);
}

/// The DOCX is written from the report's flow, not from pages
/// (app/docx_build): its painter drops the pages, and build adds the writer
/// as the file's finisher, which runs before the file is renamed into place.
class DropPages : public display::Sink {
public:
  void begin(const display::DocumentInfo&) override {}
  void page(display::Page&&) override {}
  void end() override {}
};

std::unique_ptr<Output> make_docx(const BuildOptions&, const std::string& target,
                                  const ReadFiles& reads) {
  guard(target, reads);
  return std::make_unique<FileOutput>(output_spec(OutputKind::docx), target,
                                      [](const fs::path&) -> std::unique_ptr<display::Sink> {
                                        return std::make_unique<DropPages>();
                                      });
}

const std::vector<OutputSpec> kOutputs = {
    {OutputKind::pdf, "pdf", "PDF", ".pdf", false, false, true, "%%EOF", takes_split,
     make_cairo_pdf},
    {OutputKind::pdf_haru, "pdf", "PDF", ".pdf", false, true, true, "%%EOF",
     takes_passwords | takes_split, make_haru_pdf},
    {OutputKind::pdfa, "pdf", "PDF/A", ".pdf", false, true, true, "%%EOF", takes_split,
     make_haru_pdf},
    {OutputKind::png, "png", "PNG", ".png", true, false, false, "", takes_dpi, make_png},
    {OutputKind::svg, "svg", "SVG", ".svg", true, false, true, "</svg>", 0, make_svg},
    // A ZIP ends in its directory's record, whose last bytes are offsets: not checked.
    {OutputKind::docx, "docx", "DOCX", ".docx", false, false, true, "", 0, make_docx},
};

/// "pdf, png or svg": the --format words, each once, in table order.
std::string format_words() {
  std::vector<std::string_view> words;
  for (const auto& s : kOutputs)
    if (std::find(words.begin(), words.end(), s.format) == words.end()) words.push_back(s.format);
  std::string out;
  for (size_t i = 0; i < words.size(); ++i)
    out += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + std::string(words[i]);
  return out;
}

} // namespace

const std::vector<OutputSpec>& output_specs() {
  return kOutputs;
}

const OutputSpec& output_spec(OutputKind kind) {
  for (const auto& s : kOutputs)
    if (s.kind == kind) return s;
  throw core::RuntimeError("no output kind " + std::to_string(static_cast<int>(kind)));
}

OutputKind choose_output(const OutputRequest& r) {
  if (r.backend && *r.backend != "cairo" && *r.backend != "haru")
    throw UsageError("--backend " + *r.backend + ": choose cairo or haru");
  // A PDF's painter follows from what it must do; previews are one kind each.
  OutputKind kind;
  if (r.format == "pdf")
    kind = r.pdfa                               ? OutputKind::pdfa
           : r.passwords || r.backend == "haru" ? OutputKind::pdf_haru
                                                : OutputKind::pdf;
  else if (r.format == "png")
    kind = OutputKind::png;
  else if (r.format == "svg")
    kind = OutputKind::svg;
  else if (r.format == "docx")
    kind = OutputKind::docx;
  else
    throw UsageError("--format " + r.format + ": choose " + format_words());
  const OutputSpec& spec = output_spec(kind);
  std::string format(spec.format);
  if (kind == OutputKind::docx) {
    const char* pdf_only = r.pdfa        ? "--pdfa"
                           : r.passwords ? "passwords"
                           : r.signing   ? "--sign and --sign-ready"
                           : r.split     ? "--split-appendices"
                           : r.backend   ? "--backend"
                           : r.dpi       ? "--dpi"
                                         : nullptr;
    if (pdf_only)
      throw UsageError(std::string("--format docx writes an editable Word document: ") + pdf_only +
                       " apply to a PDF only");
    return kind;
  }
  // Passwords choose the libharu PDF, so the only other PDF kind that refuses them is PDF/A.
  bool passwords_refused = r.passwords && !(spec.options & takes_passwords);
  if (passwords_refused && !spec.per_page)
    throw UsageError("--pdfa cannot be combined with a password: PDF/A forbids encryption");
  if (r.backend == "cairo" && spec.haru)
    throw UsageError(std::string("--backend cairo cannot write ") +
                     (r.pdfa ? "PDF/A" : "encrypted files") + ": use --backend haru");
  if (spec.per_page && (r.pdfa || passwords_refused))
    throw UsageError("--format " + format +
                     " writes page previews: --pdfa and passwords apply to a PDF only");
  if (r.backend == "haru" && !spec.haru)
    throw UsageError("--format " + format + " is drawn by Cairo: leave out --backend haru");
  if (r.signing && spec.per_page)
    throw UsageError("--format " + format +
                     " writes page previews: --sign and --sign-ready apply to a PDF only");
  if (r.signing && r.passwords)
    throw UsageError("a PDF to be signed cannot be encrypted here: leave out the passwords "
                     "(an e-office system encrypts, if it must, after signing)");
  if (r.split && !(spec.options & takes_split))
    throw UsageError("--format " + format +
                     " writes page previews: --split-appendices applies to a PDF only");
  if (r.split && r.signing)
    throw UsageError("--split-appendices writes several files, and --sign and --sign-ready "
                     "prepare one: sign each file afterwards with baocao sign");
  if (r.dpi && !(spec.options & takes_dpi))
    throw UsageError("--dpi sets the pixels per inch of --format png; " + std::string(spec.name) +
                     " is drawn in points and takes none");
  return kind;
}

std::string output_target(const OutputSpec& spec, const BuildOptions& o) {
  std::string extension(spec.extension);
  if (o.output == "-") return o.output;
  if (spec.per_page) {
    if (o.input == "-" && o.output.empty())
      throw core::InputError({"<stdin>", 0, 0}, "", "no output file named",
                             "-o OUT" + extension + " (or OUT-{p}" + extension +
                                 ") when reading standard input");
    return page_pattern(o.input, o.output, extension);
  }
  if (!o.output.empty()) return o.output;
  if (o.input == "-")
    throw core::InputError({"<stdin>", 0, 0}, "", "no output file named",
                           "-o OUT" + extension + " when reading standard input");
  return fs::path(o.input).replace_extension(extension).string();
}

void check_output_name(const OutputSpec& spec, const BuildOptions& o) {
  std::string format(spec.format), extension(spec.extension);
  if (o.output == "-") {
    if (o.dump_layout)
      throw UsageError("--dump-layout prints the layout on standard output, so -o - cannot "
                       "share it: name an output file");
    if (o.split_appendices)
      throw UsageError("--split-appendices writes a file for each appendix beside the report's, "
                       "so it cannot go to standard output (-o -): name the report's file");
    if (!spec.standard_output) {
      std::string can;
      for (const auto& s : kOutputs)
        if (s.standard_output && can.find(s.format) == std::string::npos)
          can += (can.empty() ? "" : " or ") + std::string(s.format);
      throw UsageError("--format " + format +
                       " writes one file per page, so it cannot go to standard output (-o -): "
                       "name the files with -o NAME-{p}" +
                       extension + ", or use --format " + can);
    }
    return;
  }
  // A page file name without {p} only lends its stem: OUT.x becomes OUT-01.png.
  bool named_whole = !spec.per_page || o.output.find("{p}") != std::string::npos;
  if (o.output.empty() || o.force || !named_whole) return;
  if (!has_extension(o.output, extension))
    throw UsageError("-o " + o.output + ": " +
                     (spec.per_page ? "a page file's name (--format " + format + ")"
                                    : "a " + std::string(spec.name) + "'s name") +
                     " should end in " + extension +
                     "; nothing written (give --force to use this name anyway)");
}

} // namespace baocao::app
