#include "app/docx_build.hpp"

#include "app/build.hpp"

#include <cstdio>
#include <set>

#include "core/error.hpp"
#include "docx/body.hpp"
#include "docx/docx_file.hpp"
#include "layout/chart.hpp"
#include "layout/flow.hpp"
#include "layout/image_block.hpp"
#include "render/cairo/cairo_raster.hpp"

namespace baocao::app {
namespace {

/// Charts and SVG pictures become pictures at this resolution.
constexpr int kPictureDpi = 300;

/// The chart's words, in drawing order: what a screen reader says of it.
std::string text_of(const display::Frame& frame) {
  std::string out;
  for (const auto& item : frame.items) {
    const auto* run = std::get_if<display::GlyphRun>(&item);
    if (!run || run->text.empty()) continue;
    if (!out.empty()) out += ' ';
    out += run->text;
  }
  return out;
}

docx::Picture chart_picture(const layout::FlowChart& c, double width, const style::Style& style,
                            const text::FontSystem& fonts) {
  display::Frame frame = layout::chart_frame(*c.chart, style, fonts, width);
  docx::Picture pic;
  pic.width = frame.size.width;
  pic.height = frame.size.height;
  pic.alt = c.caption.empty() ? text_of(frame) : c.caption + ". " + text_of(frame);
  display::Page page;
  page.size = frame.size;
  page.text_area = core::Rect{0, 0, frame.size.width, frame.size.height};
  page.items = std::move(frame.items);
  pic.bytes = render::cairo::png_bytes(page, kPictureDpi);
  return pic;
}

docx::Picture image_picture(const layout::FlowImage& im, double width, double page_height) {
  const auto& block = *im.image;
  docx::Picture pic;
  const double aspect = layout::image_aspect(block);
  pic.width = layout::image_width(block, width);
  if (pic.width * aspect > page_height) pic.width = page_height / aspect;
  pic.height = pic.width * aspect;
  pic.alt = !block.alt.empty() ? block.alt : im.caption;
  switch (block.image.format) {
  case core::ImageFormat::png:
    pic.bytes = read_bytes(block.image.path);
    break;
  case core::ImageFormat::jpeg:
    pic.bytes = read_bytes(block.image.path);
    pic.jpeg = true;
    break;
  case core::ImageFormat::svg: {
    // Word 2013 and LibreOffice before 7 cannot show SVG: drawn as a PNG by
    // the PDF's own SVG code.
    display::Page page;
    page.size = core::Size{pic.width, pic.height};
    page.text_area = core::Rect{0, 0, pic.width, pic.height};
    page.items.push_back(display::Image{block.image.path, page.text_area, core::ImageFormat::svg});
    pic.bytes = render::cairo::png_bytes(page, kPictureDpi);
    break;
  }
  }
  return pic;
}

std::string iso_date(const display::DocumentInfo& info) {
  char out[32];
  std::snprintf(out, sizeof out, "%04d-%02d-%02dT00:00:00Z", info.year, info.month, info.day);
  return out;
}

} // namespace

void write_docx(const model::Report& report, const style::Style& style,
                const text::FontSystem& fonts, const layout::LayoutOptions& options,
                const layout::PageFacts& facts, const std::filesystem::path& file) {
  layout::Flow flow = layout::flow(report, style, options);
  display::DocumentInfo meta = layout::document_info(report);
  docx::DocxInfo info;
  info.title = meta.title;
  info.subject = meta.subject;
  info.author = meta.author;
  info.keywords = meta.keywords;
  info.date_iso = iso_date(meta);
  // The header's and footer's placeholders, as layout fills them (FooterFields).
  const auto& d = report.document;
  info.fields = {{"issuer", d.issuer},
                 {"kind", d.kind},
                 {"title", d.title},
                 {"year", std::to_string(d.date.year)},
                 // One footer part serves every section, so it cannot name each
                 // appendix: left out rather than printed as "{appendix}".
                 {"appendix", ""}};
  docx::DocxFile docx(style, info);

  // The families the template's text styles name, each with its four faces.
  std::set<std::string> families;
  for (const auto& [key, ts] : style::all_text_styles(style)) families.insert(ts->font);
  for (const auto& family : families) {
    docx::FontFaces faces;
    faces.family = family;
    faces.regular = fonts.face_file(family, false, false);
    faces.bold = fonts.face_file(family, true, false);
    faces.italic = fonts.face_file(family, false, true);
    faces.bold_italic = fonts.face_file(family, true, true);
    if (!faces.regular.empty()) docx.add_font(faces);
  }

  const double page_height =
      style.page.size.height - style.page.margin_top - style.page.margin_bottom;
  docx::BodyInputs in;
  in.chart = [&](const layout::FlowChart& c, double width) {
    return chart_picture(c, width, style, fonts);
  };
  in.image = [&](const layout::FlowImage& im, double width) {
    return image_picture(im, width, page_height);
  };
  in.page_of = [&](int anchor) {
    const auto* h = facts.heading(anchor);
    return h ? h->label : std::string();
  };
  docx::Body body = docx::write_body(flow, report, style, docx, in);
  docx.write(body.xml, file, body.last);
}

} // namespace baocao::app
