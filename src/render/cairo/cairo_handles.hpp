#pragma once
// The Cairo C handles of render/cairo, each owned by a core::CHandle, and the
// one status check: shared by the PDF sink, the item painter and JPEG loading.
#include <cairo.h>
#include <string>

#include "core/c_handle.hpp"
#include "core/error.hpp"

namespace baocao::render::cairo {

using SurfacePtr = core::CHandle<cairo_surface_t, cairo_surface_destroy>;
using ContextPtr = core::CHandle<cairo_t, cairo_destroy>;
using FontFacePtr = core::CHandle<cairo_font_face_t, cairo_font_face_destroy>;

/// Throws core::RuntimeError("cairo: what: ...") unless status is success.
inline void check(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS) {
    throw core::RuntimeError(std::string("cairo: ") + what + ": " + cairo_status_to_string(status));
  }
}

} // namespace baocao::render::cairo
