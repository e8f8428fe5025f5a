#include "layout/lines.hpp"

#include <algorithm>
#include <cmath>

namespace baocao::layout {

text::ParagraphSpec make_spec(const style::TextStyle& ts, std::vector<text::Span> spans,
                              double width) {
  text::ParagraphSpec spec;
  if (ts.uppercase) {
    for (auto& s : spans) s.text = text::to_upper(s.text);
  }
  spec.spans = std::move(spans);
  spec.font = ts.font;
  spec.size = ts.size;
  spec.bold = ts.bold;
  spec.italic = ts.italic;
  spec.color = ts.color;
  spec.align = ts.align;
  spec.first_line_indent = ts.first_line_indent;
  spec.justify = ts.justify;
  spec.width = width;
  return spec;
}

text::ParagraphSpec make_spec(const style::TextStyle& ts, const std::string& text, double width) {
  return make_spec(ts, std::vector<text::Span>{{text, false, false}}, width);
}

double line_pitch(const style::TextStyle& ts) {
  return ts.size * ts.line_height;
}

double line_baseline(const text::Line& line, double top, double pitch) {
  return top + (pitch - (line.ascent + line.descent)) / 2 + line.ascent;
}

size_t lines_fitting(double height, double pitch) {
  // The slack absorbs rounding in heights built up from many pitches.
  if (!(pitch > 0)) return 0;
  return static_cast<size_t>(std::max(0.0, std::floor(height / pitch + 1e-9)));
}

void put_line(display::Frame& frame, const text::Line& line, double x, double top, double pitch) {
  double baseline = line_baseline(line, top, pitch);
  for (const auto& run : line.runs) {
    display::GlyphRun r = run;
    display::translate(r, x, baseline);
    frame.items.push_back(std::move(r));
  }
}

} // namespace baocao::layout
