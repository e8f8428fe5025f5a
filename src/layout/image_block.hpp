#pragma once
// A picture in the body with its caption: placed whole (the caption always on
// the picture's page), its aspect ratio kept, never wider than the text area
// nor taller than a page's. At a page's foot it shrinks, down to the
// template's image.min_scale, before it moves to the next page.
#include <memory>
#include <string>

#include "layout/elements.hpp"
#include "model/report.hpp"

namespace baocao::layout {

/// The element for an image block; `caption` is already numbered ("Hình 1: ..."), or empty.
/// Height over width of the picture.
double image_aspect(const model::ImageBlock& block);
/// Its width as the report asks (mm, % of the text width, or its pixels at
/// 96 dpi), never wider than the text; every writer sizes it so.
double image_width(const model::ImageBlock& block, double text_width);

std::unique_ptr<Element> make_image(const model::ImageBlock& block, std::string caption);

} // namespace baocao::layout
