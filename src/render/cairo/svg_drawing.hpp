#pragma once
// An SVG file drawn as vectors into a rectangle of any Cairo context (PDF,
// PNG and SVG output alike), through librsvg.
#include <cairo.h>
#include <librsvg/rsvg.h>
#include <string>

#include "core/c_handle.hpp"

namespace baocao::render::cairo {

using RsvgHandlePtr = core::CHandle<RsvgHandle, g_object_unref>;

/// Parses the file with no base location, so it can load no other file.
/// Throws core::RuntimeError naming the file when librsvg refuses it.
RsvgHandlePtr load_svg(const std::string& file);

/// Draws the document scaled into the rectangle (its aspect ratio kept, as
/// the SVG's preserveAspectRatio says). Throws core::RuntimeError on failure.
void draw_svg(RsvgHandle* svg, cairo_t* cr, double x, double y, double width, double height,
              const std::string& file);

} // namespace baocao::render::cairo
