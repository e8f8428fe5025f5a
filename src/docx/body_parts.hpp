#pragma once
// Internal to the body writer (body.cpp, body_tables.cpp, body_blocks.cpp):
// what each part of the body is written with.
#include <string>
#include <vector>

#include "docx/body.hpp"
#include "docx/text_props.hpp"
#include "docx/units.hpp"
#include "docx/xml_writer.hpp"

namespace baocao::docx::detail {

struct Ctx {
  XmlWriter& w;
  const style::Style& style;
  DocxFile& file;
  const BodyInputs& in;
  double width = 0; ///< of the text area of the pages being written, points
  int pictures = 0; ///< drawing ids so far
};

/// A text's width guessed from its length: half an em a character (the
/// digits of the bundled serif fonts are exactly that), more for bold or
/// capitals. For column widths and rule lengths, which Word re-measures anyway.
double guess_width(std::string_view text, const style::TextStyle& ts, bool bold = false);

/// The spans as runs in the style (its capitals applied to the text, so every
/// reader sees the words the PDF shows).
void runs(Ctx& c, const style::TextStyle& ts, const std::vector<text::Span>& spans);
/// One paragraph of spans.
void paragraph(Ctx& c, const style::TextStyle& ts, const std::vector<text::Span>& spans,
               const ParagraphProps& p = {});
/// An empty paragraph whose top border is a centred rule `length` long (the
/// masthead's rules), in a column `column` wide.
void rule(Ctx& c, double length, double column, double width_pts, core::Color color = {},
          bool flush_left = false);
/// Room of `height` points (at least 1): an empty paragraph that high. After
/// a table it also keeps the next table from joining it.
void spacer(Ctx& c, double height);
/// A picture alone on its line.
void picture(Ctx& c, const Picture& pic, style::TextAlign align, bool keep_next);

} // namespace baocao::docx::detail
