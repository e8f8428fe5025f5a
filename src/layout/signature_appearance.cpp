#include "layout/signature_appearance.hpp"

#include <algorithm>
#include <cmath>

#include "core/geometry.hpp"
#include "layout/lines.hpp"

namespace baocao::layout {

display::Page image_appearance(const model::Image& image, core::Size field) {
  display::Page page;
  page.size = field;
  page.text_area = {0, 0, field.width, field.height};
  if (image.width_px <= 0 || image.height_px <= 0) return page;
  double scale = std::min(field.width / image.width_px, field.height / image.height_px);
  double w = image.width_px * scale, h = image.height_px * scale;
  page.items.push_back(display::Image{
      image.path, core::Rect{(field.width - w) / 2, (field.height - h) / 2, w, h}, image.format});
  return page;
}

display::Page text_appearance(const text::FontSystem& fonts,
                              const std::vector<std::string>& lines) {
  style::TextStyle ts;
  ts.font = "Liberation Serif";
  ts.size = 10;
  ts.line_height = 1.15;
  display::Frame frame;
  const double pitch = line_pitch(ts);
  double top = 0, width = 0;
  for (const auto& text : lines) {
    auto shaped = fonts.shape(make_spec(ts, text, 0));
    for (const auto& line : shaped.lines) {
      put_line(frame, line, 0, top, pitch);
      width = std::max(width, line.x + line.width);
      top += pitch;
    }
  }
  display::Page page;
  page.size = {std::ceil(width) + 1, std::ceil(top)};
  page.text_area = {0, 0, page.size.width, page.size.height};
  page.items = std::move(frame.items);
  return page;
}

core::Rect text_signature_rect(core::Size page, core::Size text) {
  return {page.width - core::mm(15) - text.width, core::mm(6), text.width, text.height};
}

} // namespace baocao::layout
