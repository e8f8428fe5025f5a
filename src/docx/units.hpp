#pragma once
// WordprocessingML's units, from the points every style::Style length is in.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/geometry.hpp"

namespace baocao::docx {

/// Twentieths of a point: page sizes, margins, spacing, indents, cell widths.
inline long twips(double pt) {
  return std::lround(pt * 20);
}
inline std::string twips_str(double pt) {
  return std::to_string(twips(pt));
}
/// Half-points: font sizes (w:sz).
inline std::string half_points(double pt) {
  return std::to_string(std::max(2L, std::lround(pt * 2)));
}
/// Eighths of a point: border widths (w:sz of a border), 2 to 96 by the schema.
inline std::string eighths(double pt) {
  return std::to_string(std::clamp(std::lround(pt * 8), 2L, 96L));
}
/// "1F5C99".
inline std::string hex_color(const core::Color& c) {
  auto byte = [](double v) {
    return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
  };
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02X%02X%02X", byte(c.r), byte(c.g), byte(c.b));
  return buf;
}

} // namespace baocao::docx
