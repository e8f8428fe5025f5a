#pragma once
// A JPEG as a Cairo image surface: decoded pixels for PNG and SVG output, and
// the original file attached as CAIRO_MIME_TYPE_JPEG so a PDF embeds it as is
// (DCTDecode), with no loss and no growth.
#include <cairo.h>
#include <string>

#include "core/c_handle.hpp"

namespace baocao::render::cairo {

using ImageSurfacePtr = core::CHandle<cairo_surface_t, cairo_surface_destroy>;

/// Throws core::RuntimeError naming the file when it cannot be read or decoded.
ImageSurfacePtr load_jpeg_surface(const std::string& file);

} // namespace baocao::render::cairo
