#pragma once
// The report's flow (layout/flow: the same numbered headings, captions,
// computed wording and numbers as the PDF) as the body of a WordprocessingML
// document: paragraphs with the template's styles, Word heading styles,
// lists as Word numbering, tables with spans and repeated header rows, the
// masthead and signature as borderless tables, pictures inline.
#include <functional>
#include <string>

#include "docx/docx_file.hpp"
#include "layout/flow.hpp"
#include "model/report.hpp"
#include "style/style.hpp"

namespace baocao::docx {

/// A picture to embed: PNG or JPEG bytes, its size on the page, its alt text.
struct Picture {
  std::string bytes;
  bool jpeg = false;
  double width = 0;  ///< points
  double height = 0; ///< points
  std::string alt;
};

/// What the body needs that only the caller can make: a chart drawn as a
/// PNG (its text as alt text), a picture's bytes (an SVG rasterised), and a
/// contents line's page, as the PDF prints it.
struct BodyInputs {
  std::function<Picture(const layout::FlowChart&, double width)> chart;
  std::function<Picture(const layout::FlowImage&, double width)> image;
  std::function<std::string(int anchor)> page_of;
};

struct Body {
  std::string xml; ///< the inside of <w:body>, without the last section's properties
  Section last;    ///< the last section: its orientation, numbering and start
};

Body write_body(const layout::Flow& flow, const model::Report& report, const style::Style& style,
                DocxFile& file, const BodyInputs& inputs);

} // namespace baocao::docx
