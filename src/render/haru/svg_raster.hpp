#pragma once
// libharu cannot draw vectors from an SVG file: it is rasterised with librsvg
// onto a white Cairo image surface and embedded as an RGB image.
#include <string>

#include "render/haru/haru_support.hpp"

namespace baocao::render::haru {

/// The picture at `dpi` for a rectangle of width x height points, on white
/// (PDF/A-1 allows no transparency), as 8-bit RGB with no mask. At most
/// 10000 pixels a side. Throws core::RuntimeError naming the file when
/// librsvg cannot read or draw it.
FlatImage rasterise_svg(const std::string& file, double width, double height, double dpi = 300);

} // namespace baocao::render::haru
