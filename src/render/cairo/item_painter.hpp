#pragma once
// The one copy of the code that draws display-list items with Cairo, shared
// by the PDF sink (cairo_painter.cpp) and the page previews
// (cairo_raster.cpp). Internal to render/cairo: it names Cairo types.
#include <memory>
#include <optional>

#include <cairo.h>

#include "display/display_list.hpp"

namespace baocao::render::cairo {

/// Draws pages' items on a Cairo surface, keeping fonts and decoded images
/// from page to page.
class ItemPainter {
public:
  ItemPainter();
  ~ItemPainter();
  ItemPainter(const ItemPainter&) = delete;
  ItemPainter& operator=(const ItemPainter&) = delete;

  /// Makes the drawing context for `surface` (kept until stop()).
  void start(cairo_surface_t* surface);
  cairo_t* context();
  /// Draws every item of the page in order (consecutive rules as one path).
  void paint(const display::Page& page);
  /// A page that a link drawn so far points at but no page drawn since is
  /// (the document ended without it), or nothing.
  std::optional<int> missing_link_target() const;
  /// Frees the drawing context.
  void stop();
  /// Forgets the fonts and images (at the end of a document).
  void clear();

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace baocao::render::cairo
