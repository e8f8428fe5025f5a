#include "render/haru/svg_raster.hpp"

#include "core/cairo_lock.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>

#include "core/c_handle.hpp"
#include "core/error.hpp"

namespace baocao::render::haru {
namespace {

using SurfacePtr = core::CHandle<cairo_surface_t, cairo_surface_destroy>;
using ContextPtr = core::CHandle<cairo_t, cairo_destroy>;
using RsvgHandlePtr = core::CHandle<RsvgHandle, g_object_unref>;
using GErrorPtr = core::CHandle<GError, g_error_free>;

int pixels(double points, double dpi) {
  return static_cast<int>(std::clamp(std::lround(points * dpi / 72), 1L, 10000L));
}

} // namespace

FlatImage rasterise_svg(const std::string& file, double width, double height, double dpi) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw core::RuntimeError("cannot read image " + file);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // Everything below is Cairo (and librsvg drawing text through it), to the last destructor.
  auto lock = core::cairo_lock();
  GError* raw = nullptr;
  RsvgHandlePtr svg(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &raw));
  GErrorPtr error(raw);
  if (!svg) {
    throw core::RuntimeError("cannot read SVG image " + file + ": " +
                             (error ? error->message : "unknown error"));
  }
  rsvg_handle_set_dpi(svg.get(), 96);

  const int w = pixels(width, dpi), h = pixels(height, dpi);
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    throw core::RuntimeError("cannot make a " + std::to_string(w) + "x" + std::to_string(h) +
                             " image for " + file);
  ContextPtr cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 1, 1, 1);
  cairo_paint(cr.get());
  const RsvgRectangle viewport{0, 0, static_cast<double>(w), static_cast<double>(h)};
  raw = nullptr;
  const gboolean ok = rsvg_handle_render_document(svg.get(), cr.get(), &viewport, &raw);
  error.reset(raw);
  if (!ok) {
    throw core::RuntimeError("cannot draw SVG image " + file + ": " +
                             (error ? error->message : "unknown error"));
  }
  cr.reset();
  cairo_surface_flush(surface.get());

  FlatImage out;
  out.width = static_cast<uint32_t>(w);
  out.height = static_cast<uint32_t>(h);
  out.rgb.resize(static_cast<size_t>(w) * h * 3);
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  for (int y = 0; y < h; ++y) {
    // RGB24: one native-endian 32-bit word a pixel, 0x00RRGGBB.
    const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<size_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      uint8_t* p = &out.rgb[(static_cast<size_t>(y) * w + x) * 3];
      p[0] = static_cast<uint8_t>(row[x] >> 16);
      p[1] = static_cast<uint8_t>(row[x] >> 8);
      p[2] = static_cast<uint8_t>(row[x]);
    }
  }
  return out;
}

} // namespace baocao::render::haru
