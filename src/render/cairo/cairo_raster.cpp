#include "render/cairo/cairo_raster.hpp"

#include "core/cairo_lock.hpp"

#include <cmath>

#include <cairo-svg.h>

#include "core/c_handle.hpp"
#include "core/error.hpp"
#include "render/cairo/item_painter.hpp"

namespace baocao::render::cairo {
namespace {

using SurfacePtr = core::CHandle<cairo_surface_t, cairo_surface_destroy>;

void check(cairo_status_t status, const std::filesystem::path& file) {
  if (status == CAIRO_STATUS_SUCCESS) return;
  if (status == CAIRO_STATUS_WRITE_ERROR)
    throw core::RuntimeError("cannot write " + file.string() +
                             ": the system refused to write it (is the disk full?)");
  throw core::RuntimeError("cairo: " + file.string() + ": " + cairo_status_to_string(status));
}

/// The page on white at `dpi`; `file` names it in errors.
SurfacePtr paint_image(ItemPainter& painter, const display::Page& page, int dpi,
                       const std::filesystem::path& file) {
  double scale = dpi / 72.0;
  int w = static_cast<int>(std::lround(page.size.width * scale));
  int h = static_cast<int>(std::lround(page.size.height * scale));
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  check(cairo_surface_status(surface.get()), file);
  painter.start(surface.get());
  cairo_t* cr = painter.context();
  cairo_set_source_rgb(cr, 1, 1, 1); // paper, not the surface's black
  cairo_paint(cr);
  cairo_scale(cr, scale, scale);
  painter.paint(page);
  check(cairo_status(cr), file);
  painter.stop();
  cairo_surface_flush(surface.get());
  return surface;
}

} // namespace

struct CairoPreviewSink::Impl {
  PreviewFormat format;
  int dpi;
  FileFor file_for;
  ItemPainter painter;

  void png(const display::Page& page, const std::filesystem::path& file) {
    SurfacePtr surface = paint_image(painter, page, dpi, file);
    check(cairo_surface_write_to_png(surface.get(), file.c_str()), file);
  }

  void svg(const display::Page& page, const std::filesystem::path& file) {
    SurfacePtr surface(cairo_svg_surface_create(file.c_str(), page.size.width, page.size.height));
    check(cairo_surface_status(surface.get()), file);
    cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PT);
    painter.start(surface.get());
    painter.paint(page);
    check(cairo_status(painter.context()), file);
    painter.stop();
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()), file);
  }
};

CairoPreviewSink::CairoPreviewSink(PreviewFormat format, int dpi, FileFor file_for)
    : impl_(std::make_unique<Impl>()) {
  impl_->format = format;
  impl_->dpi = dpi;
  impl_->file_for = std::move(file_for);
}

CairoPreviewSink::~CairoPreviewSink() {
  auto lock = core::cairo_lock(); // destroying a surface or context releases fonts
  impl_.reset();
}

void CairoPreviewSink::begin(const display::DocumentInfo&) {}

void CairoPreviewSink::page(display::Page&& page) {
  auto lock = core::cairo_lock();
  std::filesystem::path file = impl_->file_for(page.number);
  if (impl_->format == PreviewFormat::png)
    impl_->png(page, file);
  else
    impl_->svg(page, file);
}

void CairoPreviewSink::end() {
  auto lock = core::cairo_lock();
  impl_->painter.clear();
}

std::string png_bytes(const display::Page& page, int dpi) {
  auto lock = core::cairo_lock();
  ItemPainter painter;
  const std::filesystem::path name = "a picture";
  SurfacePtr surface = paint_image(painter, page, dpi, name);
  std::string bytes;
  auto append = [](void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
  };
  check(cairo_surface_write_to_png_stream(surface.get(), append, &bytes), name);
  painter.clear();
  return bytes;
}

} // namespace baocao::render::cairo
