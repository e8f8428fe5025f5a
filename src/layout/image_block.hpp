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
std::unique_ptr<Element> make_image(const model::ImageBlock& block, std::string caption);

} // namespace baocao::layout
