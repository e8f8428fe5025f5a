#include "docx/body.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "docx/body_blocks.hpp"
#include "docx/body_parts.hpp"
#include "docx/body_tables.hpp"
#include "docx/units.hpp"
#include "text/font_system.hpp"

namespace baocao::docx {
namespace detail {

double guess_width(std::string_view text, const style::TextStyle& ts, bool bold) {
  double n = 0;
  for (unsigned char ch : text) n += (ch & 0xC0) != 0x80; // UTF-8 lead bytes: characters
  return n * ts.size * (bold || ts.bold || ts.uppercase ? 0.62 : 0.5);
}

void runs(Ctx& c, const style::TextStyle& ts, const std::vector<text::Span>& spans) {
  for (const auto& s : spans) {
    if (s.text.empty()) continue;
    c.w.open("w:r");
    run_props(c.w, ts, s.bold, s.italic);
    const std::string shown = ts.uppercase ? text::to_upper(s.text) : s.text;
    // A tab or line break inside the text is an element of its own.
    size_t from = 0;
    while (from <= shown.size()) {
      size_t at = shown.find_first_of("\t\n", from);
      std::string_view piece(shown.data() + from,
                             (at == std::string::npos ? shown.size() : at) - from);
      if (!piece.empty()) {
        c.w.open("w:t");
        c.w.attr("xml:space", "preserve");
        c.w.text(piece);
        c.w.close();
      }
      if (at == std::string::npos) break;
      c.w.leaf(shown[at] == '\t' ? "w:tab" : "w:br");
      from = at + 1;
    }
    c.w.close();
  }
}

void paragraph(Ctx& c, const style::TextStyle& ts, const std::vector<text::Span>& spans,
               const ParagraphProps& p) {
  c.w.open("w:p");
  paragraph_props(c.w, ts, p);
  runs(c, ts, spans);
  c.w.close();
}

void rule(Ctx& c, double length, double column, double width_pts, core::Color color,
          bool flush_left) {
  double side = std::max(0.0, (column - length) / 2);
  double left = flush_left ? 0 : side;
  double right = flush_left ? std::max(0.0, column - length) : side;
  c.w.open("w:p");
  c.w.open("w:pPr");
  c.w.open("w:pBdr");
  // Border widths are in eighths of a point, 2 (0.25 pt) at the least.
  c.w.leaf("w:top", {{"w:val", "single"},
                     {"w:sz", std::to_string(std::max(2L, std::lround(width_pts * 8)))},
                     {"w:space", "0"},
                     {"w:color", hex_color(color)}});
  c.w.close();
  c.w.leaf("w:spacing",
           {{"w:before", "40"}, {"w:after", "0"}, {"w:line", "80"}, {"w:lineRule", "exact"}});
  c.w.leaf("w:ind",
           {{"w:left", twips_str(left)}, {"w:right", twips_str(right)}, {"w:firstLine", "0"}});
  c.w.open("w:rPr");
  c.w.leaf("w:sz", {{"w:val", "4"}});
  c.w.close();
  c.w.close();
  c.w.close();
}

void spacer(Ctx& c, double height) {
  c.w.open("w:p");
  c.w.open("w:pPr");
  c.w.leaf("w:spacing", {{"w:before", "0"},
                         {"w:after", "0"},
                         {"w:line", twips_str(std::max(1.0, height))},
                         {"w:lineRule", "exact"}});
  c.w.open("w:rPr");
  c.w.leaf("w:sz", {{"w:val", "2"}});
  c.w.close();
  c.w.close();
  c.w.close();
}

void picture(Ctx& c, const Picture& pic, style::TextAlign align, bool keep_next) {
  std::string id = c.file.add_picture(pic.bytes, pic.jpeg ? "jpeg" : "png");
  int n = ++c.pictures;
  std::string name = "Picture " + std::to_string(n);
  // EMU: 12,700 to the point.
  std::string cx = std::to_string(std::llround(pic.width * 12700));
  std::string cy = std::to_string(std::llround(pic.height * 12700));
  auto& w = c.w;
  w.open("w:p");
  w.open("w:pPr");
  if (keep_next) w.leaf("w:keepNext");
  w.leaf("w:spacing",
         {{"w:before", "0"}, {"w:after", "0"}, {"w:line", "240"}, {"w:lineRule", "auto"}});
  w.leaf("w:ind", {{"w:firstLine", "0"}});
  w.leaf("w:jc", {{"w:val", justification(align)}});
  w.close();
  w.open("w:r");
  w.open("w:drawing");
  w.open("wp:inline");
  for (const char* d : {"distT", "distB", "distL", "distR"}) w.attr(d, "0");
  w.leaf("wp:extent", {{"cx", cx}, {"cy", cy}});
  w.leaf("wp:docPr", {{"id", std::to_string(n)}, {"name", name}, {"descr", pic.alt}});
  w.open("wp:cNvGraphicFramePr");
  w.leaf("a:graphicFrameLocks", {{"noChangeAspect", "1"}});
  w.close();
  w.open("a:graphic");
  w.open("a:graphicData");
  w.attr("uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
  w.open("pic:pic");
  w.open("pic:nvPicPr");
  w.leaf("pic:cNvPr", {{"id", std::to_string(n)}, {"name", name}, {"descr", pic.alt}});
  w.leaf("pic:cNvPicPr");
  w.close();
  w.open("pic:blipFill");
  w.leaf("a:blip", {{"r:embed", id}});
  w.open("a:stretch");
  w.leaf("a:fillRect");
  w.close();
  w.close();
  w.open("pic:spPr");
  w.open("a:xfrm");
  w.leaf("a:off", {{"x", "0"}, {"y", "0"}});
  w.leaf("a:ext", {{"cx", cx}, {"cy", cy}});
  w.close();
  w.open("a:prstGeom");
  w.attr("prst", "rect");
  w.leaf("a:avLst");
  w.close();
  w.close();
  w.close(); // pic:pic
  w.close(); // a:graphicData
  w.close(); // a:graphic
  w.close(); // wp:inline
  w.close(); // w:drawing
  w.close(); // w:r
  w.close(); // w:p
}

} // namespace detail

namespace {

using namespace detail;
using layout::FlowText;

/// Walks the flow; sections end where the PDF's pages change orientation or
/// an appendix starts.
class BodyWriter {
public:
  BodyWriter(const model::Report& report, const style::Style& style, DocxFile& file,
             const BodyInputs& in)
      : report_(report), style_(style),
        portrait_(style.page.size.width - style.page.margin_left - style.page.margin_right),
        landscape_(style.page.size.height - style.page.margin_left - style.page.margin_right),
        c_{w_, style, file, in, portrait_} {}

  Body run(const layout::Flow& flow) {
    for (const auto& b : flow) std::visit([this](const auto& v) { block(v); }, b);
    return {w_.take(), section_};
  }

private:
  void block(const FlowText& t) {
    ParagraphProps p;
    if (t.role == FlowText::Role::heading) p.style_id = "Heading" + std::to_string(t.level);
    if (t.role == FlowText::Role::contents_title) p.style_id = "TOCHeading";
    p.keep_next = t.keep_with_next;
    p.keep_lines = t.keep_together;
    if (t.spacing) {
      p.space_before = t.spacing->first;
      p.space_after = t.spacing->second;
    }
    if (t.outline) p.outline_level = t.outline->level - 1;
    w_.open("w:p");
    paragraph_props(w_, t.style, p);
    if (t.outline) {
      // The contents' lines link here, as Word's own contents does.
      std::string name = "_Toc" + std::to_string(t.outline->anchor);
      std::string id = std::to_string(t.outline->anchor);
      w_.leaf("w:bookmarkStart", {{"w:id", id}, {"w:name", name}});
      runs(c_, t.style, t.spans);
      w_.leaf("w:bookmarkEnd", {{"w:id", id}});
    } else {
      runs(c_, t.style, t.spans);
    }
    w_.close();
  }

  void block(const layout::FlowList& l) {
    int num = c_.file.new_list(l.numbered);
    style::TextStyle item = style_.body;
    item.first_line_indent = 0;
    for (size_t i = 0; i < l.items.size(); ++i) {
      ParagraphProps p;
      p.style_id = "ListParagraph";
      p.num_id = num;
      p.first_line_indent = 0;
      p.space_before = 0;
      p.space_after = i + 1 == l.items.size() ? style_.body.space_after : style_.list.item_space;
      paragraph(c_, item, l.items[i], p);
    }
  }

  void block(const layout::FlowTable& t) { table(c_, t.spec); }

  void block(const layout::FlowCards& k) { cards(c_, k); }

  void caption(const std::string& text, const style::TextStyle& ts, bool keep_next) {
    if (text.empty()) return;
    ParagraphProps p;
    p.style_id = "Caption";
    p.keep_next = keep_next;
    p.keep_lines = true;
    p.first_line_indent = 0;
    paragraph(c_, ts, layout::plain(text), p);
  }

  void block(const layout::FlowChart& ch) {
    // Over the chart, as the PDF puts it.
    caption(ch.caption, style_.table.caption, true);
    picture(c_, c_.in.chart(ch, c_.width), style::TextAlign::center, false);
    if (style_.chart.space_after > 0) spacer(c_, style_.chart.space_after);
  }

  void block(const layout::FlowImage& im) {
    const auto& is = style_.image;
    Picture pic = c_.in.image(im, c_.width);
    style::TextAlign align = im.image->align == model::ImageAlign::left ? style::TextAlign::left
                             : im.image->align == model::ImageAlign::right
                                 ? style::TextAlign::right
                                 : style::TextAlign::center;
    if (is.space_before > 0) spacer(c_, is.space_before);
    if (is.caption_above) caption(im.caption, is.caption_text, true);
    picture(c_, pic, align, !is.caption_above && !im.caption.empty());
    if (!is.caption_above) caption(im.caption, is.caption_text, false);
    if (is.space_after > 0) spacer(c_, is.space_after);
  }

  void block(const layout::FlowMasthead& m) { masthead(c_, *m.document, m.blank_number_date); }

  void block(const layout::FlowClosing&) { closing(c_, report_); }

  /// A new section when the pages turn or an appendix numbers its own; else a page break.
  void block(const layout::FlowBreak& b) {
    const auto& s = b.setup;
    if (s.landscape != section_.landscape || s.restart || s.opens) {
      w_.open("w:p");
      w_.open("w:pPr");
      c_.file.section_properties(w_, section_);
      w_.close();
      w_.close();
      section_.landscape = s.landscape;
      section_.restart_numbering = s.restart;
      section_.start = s.opens ? SectionStart::appendix : SectionStart::continued;
      c_.width = s.landscape ? landscape_ : portrait_;
      return;
    }
    w_.open("w:p");
    w_.open("w:r");
    w_.leaf("w:br", {{"w:type", "page"}});
    w_.close();
    w_.close();
  }

  /// Word's own contents field, its last result the PDF's lines: each a link
  /// to its heading's bookmark, dot leaders, the page as the PDF prints it.
  /// Word brings the numbers up to date on request (F9).
  void block(const layout::FlowContents& contents) {
    const auto& cs = style_.contents;
    for (size_t i = 0; i < contents.entries.size(); ++i) {
      const auto& e = contents.entries[i];
      const auto& ts = cs.entry_text[std::clamp(e.level, 1, 3) - 1];
      double indent = cs.indent * (e.level - 1);
      w_.open("w:p");
      w_.open("w:pPr");
      w_.open("w:tabs");
      w_.leaf("w:tab",
              {{"w:val", "right"}, {"w:leader", "dot"}, {"w:pos", twips_str(c_.width - indent)}});
      w_.close();
      w_.leaf("w:spacing", {{"w:before", twips_str(ts.space_before)},
                            {"w:after", twips_str(ts.space_after)},
                            {"w:line", line_pitch(ts)},
                            {"w:lineRule", "atLeast"}});
      w_.leaf("w:ind", {{"w:left", twips_str(indent)}, {"w:firstLine", "0"}});
      w_.close();
      if (i == 0) field_start(" TOC \\o \"1-3\" \\h \\z ");
      w_.open("w:hyperlink");
      w_.attr("w:anchor", "_Toc" + std::to_string(e.anchor));
      w_.attr("w:history", "1");
      std::string page = c_.in.page_of ? c_.in.page_of(e.anchor) : "";
      runs(c_, ts, {{e.text + "\t" + page, false, false}});
      w_.close();
      if (i + 1 == contents.entries.size()) field_end();
      w_.close();
    }
  }

  void field_start(const std::string& instruction) {
    w_.open("w:r");
    w_.leaf("w:fldChar", {{"w:fldCharType", "begin"}});
    w_.close();
    w_.open("w:r");
    w_.open("w:instrText");
    w_.attr("xml:space", "preserve");
    w_.text(instruction);
    w_.close();
    w_.close();
    w_.open("w:r");
    w_.leaf("w:fldChar", {{"w:fldCharType", "separate"}});
    w_.close();
  }

  void field_end() {
    w_.open("w:r");
    w_.leaf("w:fldChar", {{"w:fldCharType", "end"}});
    w_.close();
  }

  const model::Report& report_;
  const style::Style& style_;
  double portrait_, landscape_;
  XmlWriter w_;
  Ctx c_;
  Section section_{false, false, SectionStart::report}; ///< the one being written
};

} // namespace

Body write_body(const layout::Flow& flow, const model::Report& report, const style::Style& style,
                DocxFile& file, const BodyInputs& inputs) {
  return BodyWriter(report, style, file, inputs).run(flow);
}

} // namespace baocao::docx
