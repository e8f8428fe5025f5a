#pragma once
// Every length that crosses a module boundary is in PostScript points (1/72 in).

namespace baocao::core {

constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double mm(double v) {
  return v * kPointsPerMm;
}
constexpr double to_mm(double pt) {
  return pt / kPointsPerMm;
}

struct Point {
  double x = 0;
  double y = 0;
};

struct Size {
  double width = 0;
  double height = 0;
};

/// Axis-aligned box; y grows downwards from the page's top edge.
struct Rect {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
  double right() const { return x + width; }
  double bottom() const { return y + height; }
};

struct Color {
  double r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;
};

} // namespace baocao::core
