#pragma once
// Reads a picture's format and pixel size from its header, without decoding it.
#include <cstdint>
#include <istream>
#include <string>

#include "core/image_format.hpp"

namespace baocao::input {

struct ImageHeader {
  core::ImageFormat format = core::ImageFormat::png;
  std::uint32_t width = 0;
  std::uint32_t height = 0;
};

/// The header of a PNG or JPEG stream. Throws std::runtime_error with a short
/// reason ("is not a PNG or JPEG file", "is a CMYK JPEG") when the file is
/// neither or is a kind the painters cannot embed.
ImageHeader probe_image(std::istream& in);

} // namespace baocao::input
