#pragma once
// Reads a picture's format and pixel size from its header, without decoding
// it; an SVG is parsed whole (librsvg), since its size is in its root element.
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

/// Whether the bytes look like XML (an SVG file): after an optional UTF-8 BOM
/// and white space, a '<'.
bool looks_like_svg(const std::string& bytes);

/// Parses an SVG document with librsvg (no external files: it has no base
/// location) and returns its intrinsic size in CSS pixels (96 a inch), from
/// width and height in absolute units, else from the viewBox, rounded up.
/// Throws std::runtime_error with a short reason when librsvg refuses it or
/// it has no size.
ImageHeader probe_svg(const std::string& bytes);

} // namespace baocao::input
