#pragma once
// Lines of shaped text as every element places them: the paragraph spec for a
// style, the distance between baselines, where a line's baseline sits in its
// slot, and how many lines a height holds. One definition each, so a table
// cell, a chart label and a paragraph put their lines the same way.
#include <string>
#include <vector>

#include "display/display_list.hpp"
#include "style/style.hpp"
#include "text/font_system.hpp"

namespace baocao::layout {

/// A paragraph of text in a given style, ready to shape.
text::ParagraphSpec make_spec(const style::TextStyle& ts, std::vector<text::Span> spans,
                              double width);
text::ParagraphSpec make_spec(const style::TextStyle& ts, const std::string& text, double width);

/// Distance between baselines for this style.
double line_pitch(const style::TextStyle& ts);

/// The baseline of a line whose slot, `pitch` high, starts at `top`:
/// half the leading above the line's own box and half below, as CSS does.
double line_baseline(const text::Line& line, double top, double pitch);

/// How many whole lines `pitch` apart fit in `height` (0 when not one does).
size_t lines_fitting(double height, double pitch);

/// Adds the line's runs to the frame, its slot's top-left corner at (x, top).
void put_line(display::Frame& frame, const text::Line& line, double x, double top, double pitch);

} // namespace baocao::layout
