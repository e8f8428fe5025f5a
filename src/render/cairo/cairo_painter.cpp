#include "render/cairo/cairo_painter.hpp"

#include "core/cairo_lock.hpp"

#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <cairo-pdf.h>
#include <cairo.h>

#include "core/error.hpp"
#include "render/cairo/cairo_handles.hpp"
#include "render/cairo/item_painter.hpp"
#include "render/cairo/pdf_file_id.hpp"

namespace baocao::render::cairo {
namespace {

std::string iso_date(const display::DocumentInfo& info) {
  if (info.year <= 0) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", info.year, info.month, info.day,
                info.hour, info.minute, info.second);
  return buf;
}

/// What a viewer shows as the page's number; empty for a page without a label.
std::string label_text(const display::PageLabel& label) {
  if (label.number <= 0) return label.prefix;
  return label.prefix + std::to_string(label.number);
}

} // namespace

struct CairoPdfSink::Impl {
  std::filesystem::path path;
  std::ostream* stream = nullptr; // when set, the PDF goes here and not to `path`
  std::ofstream file;             // otherwise here
  std::optional<PdfIdWriter> writer;
  SurfacePtr surface;
  ItemPainter painter;
  // Outline ids of the latest entry at each level, to parent the next.
  std::vector<int> outline_parents;
  int pages = 0;          // written so far
  bool any_label = false; // a page so far had a label

  /// Like check(), but a refused write (any call may be the first to see
  /// it: output is streamed as pages finish) names the file.
  void check_output(cairo_status_t status, const std::string& what) {
    if (status == CAIRO_STATUS_WRITE_ERROR) refused();
    check(status, what.c_str());
  }

  [[noreturn]] void refused() {
    throw core::RuntimeError("cannot write " + path.string() +
                             ": the system refused to write it (is the disk full?)");
  }

  void outline(const display::Page& page) {
    for (const auto& entry : page.outline) {
      size_t level = static_cast<size_t>(std::max(1, entry.level));
      if (outline_parents.size() < level - 1)
        outline_parents.resize(level - 1, CAIRO_PDF_OUTLINE_ROOT);
      int parent = level == 1 ? CAIRO_PDF_OUTLINE_ROOT : outline_parents[level - 2];
      char dest[96];
      std::snprintf(dest, sizeof dest, "page=%d pos=[%f %f]", page.number, page.text_area.x,
                    entry.y);
      int id = cairo_pdf_surface_add_outline(surface.get(), parent, entry.title.c_str(), dest,
                                             static_cast<cairo_pdf_outline_flags_t>(0));
      outline_parents.resize(level - 1);
      outline_parents.push_back(id);
    }
  }
};

CairoPdfSink::CairoPdfSink(std::filesystem::path path) : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(path);
}

CairoPdfSink::CairoPdfSink(std::ostream& out) : impl_(std::make_unique<Impl>()) {
  impl_->path = "<stream>";
  impl_->stream = &out;
}

CairoPdfSink::~CairoPdfSink() {
  auto lock = core::cairo_lock(); // destroying a surface or context releases fonts
  impl_.reset();
}

void CairoPdfSink::begin(const display::DocumentInfo& info) {
  auto lock = core::cairo_lock();
  // The real size is set per page; A4 until then. Bytes go through the
  // writer that adds the file ID at the end.
  std::ostream* out = impl_->stream;
  if (!out) {
    impl_->file.open(impl_->path, std::ios::binary | std::ios::trunc);
    if (!impl_->file) impl_->refused();
    out = &impl_->file;
  }
  impl_->writer.emplace([out](const char* data, size_t size) {
    out->write(data, static_cast<std::streamsize>(size));
    return static_cast<bool>(*out);
  });
  auto write = [](void* closure, const unsigned char* data, unsigned int length) {
    return static_cast<PdfIdWriter*>(closure)->write(data, length) ? CAIRO_STATUS_SUCCESS
                                                                   : CAIRO_STATUS_WRITE_ERROR;
  };
  impl_->surface.reset(cairo_pdf_surface_create_for_stream(write, &*impl_->writer, 595.28, 841.89));
  impl_->check_output(cairo_surface_status(impl_->surface.get()),
                      "creating " + impl_->path.string());
  cairo_surface_t* s = impl_->surface.get();
  cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, info.title.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, info.author.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, info.subject.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, info.keywords.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, info.creator.c_str());
  // Dates from the report, not the clock: the same input gives the same file.
  std::string date = iso_date(info);
  if (!date.empty()) {
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  }
  impl_->painter.start(s);
}

void CairoPdfSink::page(display::Page&& page) {
  auto lock = core::cairo_lock();
  // A landscape page is a landscape MediaBox, never a /Rotate.
  cairo_pdf_surface_set_size(impl_->surface.get(), page.size.width, page.size.height);
  ++impl_->pages;
  std::string label = label_text(page.label);
  if (!label.empty())
    impl_->any_label = true;
  else if (impl_->any_label) // else Cairo's range of the page before would run on over this one
    label = std::to_string(impl_->pages);
  if (!label.empty()) cairo_pdf_surface_set_page_label(impl_->surface.get(), label.c_str());
  impl_->outline(page);
  impl_->painter.paint(page);
  cairo_t* cr = impl_->painter.context();
  cairo_show_page(cr);
  impl_->check_output(cairo_status(cr), "drawing page " + std::to_string(page.number));
}

void CairoPdfSink::end() {
  auto lock = core::cairo_lock();
  if (auto page = impl_->painter.missing_link_target())
    throw core::RuntimeError("a link points at page " + std::to_string(*page) +
                             ", which the document does not have");
  impl_->painter.stop();
  impl_->writer->hold_rest(); // what finishing writes, for the page labels' repair
  cairo_surface_finish(impl_->surface.get());
  impl_->check_output(cairo_surface_status(impl_->surface.get()),
                      "writing " + impl_->path.string());
  impl_->surface.reset();
  if (!impl_->writer->finish()) impl_->refused();
  if (impl_->file.is_open()) {
    impl_->file.close();
    if (!impl_->file) impl_->refused();
  }
  impl_->painter.clear();
}

} // namespace baocao::render::cairo
