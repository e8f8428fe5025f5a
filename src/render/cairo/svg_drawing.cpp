#include "render/cairo/svg_drawing.hpp"

#include <fstream>
#include <iterator>

#include "core/error.hpp"

namespace baocao::render::cairo {
namespace {

using GErrorPtr = core::CHandle<GError, g_error_free>;

std::string message(const GErrorPtr& error) {
  return error ? error->message : "unknown error";
}

} // namespace

RsvgHandlePtr load_svg(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw core::RuntimeError("cannot read image " + file);
  // `input` has checked the file's size (docs/limits.md).
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  GError* raw = nullptr;
  RsvgHandlePtr svg(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()), bytes.size(), &raw));
  GErrorPtr error(raw);
  if (!svg) throw core::RuntimeError("cannot read SVG image " + file + ": " + message(error));
  rsvg_handle_set_dpi(svg.get(), 96);
  return svg;
}

void draw_svg(RsvgHandle* svg, cairo_t* cr, double x, double y, double width, double height,
              const std::string& file) {
  const RsvgRectangle viewport{x, y, width, height};
  GError* raw = nullptr;
  cairo_save(cr);
  const gboolean ok = rsvg_handle_render_document(svg, cr, &viewport, &raw);
  cairo_restore(cr);
  GErrorPtr error(raw);
  if (!ok) throw core::RuntimeError("cannot draw SVG image " + file + ": " + message(error));
}

} // namespace baocao::render::cairo
