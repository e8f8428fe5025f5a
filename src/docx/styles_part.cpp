#include "docx/styles_part.hpp"

#include "docx/text_props.hpp"
#include "docx/units.hpp"
#include "docx/xml_writer.hpp"

namespace baocao::docx {
namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

struct StyleHead {
  const char* type;
  const char* id;
  const char* name; ///< Word's built-in names, lower case where Word's are
  const char* based_on = nullptr;
  const char* next = nullptr;
  int ui_priority = -1;
  bool is_default = false;
  bool quick = false; ///< shown in Word's style gallery
};

/// <w:style> with its head (name to qFormat, in CT_Style's order); the caller closes it.
void open_style(XmlWriter& w, const StyleHead& h) {
  w.open("w:style");
  w.attr("w:type", h.type);
  if (h.is_default) w.attr("w:default", "1");
  w.attr("w:styleId", h.id);
  w.leaf("w:name", {{"w:val", h.name}});
  if (h.based_on) w.leaf("w:basedOn", {{"w:val", h.based_on}});
  if (h.next) w.leaf("w:next", {{"w:val", h.next}});
  if (h.ui_priority >= 0) w.leaf("w:uiPriority", {{"w:val", std::to_string(h.ui_priority)}});
  if (h.quick) w.leaf("w:qFormat");
}

/// A paragraph style that is the text style `ts`.
void paragraph_style(XmlWriter& w, const StyleHead& h, const style::TextStyle& ts,
                     ParagraphProps p = {}) {
  open_style(w, h);
  paragraph_props(w, ts, p);
  run_props(w, ts);
  w.close();
}

void cell_margins(XmlWriter& w, double top, double side) {
  w.open("w:tblCellMar");
  w.leaf("w:top", {{"w:w", twips_str(top)}, {"w:type", "dxa"}});
  w.leaf("w:left", {{"w:w", twips_str(side)}, {"w:type", "dxa"}});
  w.leaf("w:bottom", {{"w:w", twips_str(top)}, {"w:type", "dxa"}});
  w.leaf("w:right", {{"w:w", twips_str(side)}, {"w:type", "dxa"}});
  w.close();
}

void table_styles(XmlWriter& w, const style::Style& s) {
  open_style(w, {"table", "TableNormal", "Normal Table", nullptr, nullptr, 99, true});
  w.open("w:tblPr");
  w.leaf("w:tblInd", {{"w:w", "0"}, {"w:type", "dxa"}});
  cell_margins(w, 0, 5.4); // Word's 108 twips
  w.close();
  w.close();

  const auto& t = s.table;
  open_style(w, {"table", "TableGrid", "Table Grid", "TableNormal", nullptr, 59});
  w.open("w:tblPr");
  w.open("w:tblBorders");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
    w.leaf(side, {{"w:val", "single"},
                  {"w:sz", eighths(t.rule_width)},
                  {"w:space", "0"},
                  {"w:color", "000000"}});
  }
  w.close();
  cell_margins(w, t.padding_y, t.padding_x);
  w.close();
  w.close();
}

} // namespace

std::string styles_part(const style::Style& s, const std::string& language) {
  auto w = XmlWriter::document();
  w.open("w:styles");
  w.attr("xmlns:w", kW);

  const auto& body = s.body;
  w.open("w:docDefaults");
  w.open("w:rPrDefault");
  w.open("w:rPr");
  w.leaf("w:rFonts", {{"w:ascii", body.font},
                      {"w:hAnsi", body.font},
                      {"w:eastAsia", body.font},
                      {"w:cs", body.font}});
  w.leaf("w:sz", {{"w:val", half_points(body.size)}});
  w.leaf("w:szCs", {{"w:val", half_points(body.size)}});
  w.leaf("w:lang", {{"w:val", language}, {"w:eastAsia", language}, {"w:bidi", "ar-SA"}});
  w.close();
  w.close();
  w.open("w:pPrDefault");
  w.open("w:pPr");
  w.leaf("w:spacing", {{"w:after", "0"}, {"w:line", "240"}, {"w:lineRule", "auto"}});
  w.close();
  w.close();
  w.close();

  ParagraphProps normal;
  normal.widow_control = true;
  paragraph_style(w, {"paragraph", "Normal", "Normal", nullptr, nullptr, -1, true, true}, body,
                  normal);
  open_style(w, {"character", "DefaultParagraphFont", "Default Paragraph Font", nullptr, nullptr, 1,
                 true});
  w.leaf("w:semiHidden");
  w.close();
  table_styles(w, s);
  open_style(w, {"numbering", "NoList", "No List", nullptr, nullptr, 99, true});
  w.close();

  static const char* const kNames[3] = {"heading 1", "heading 2", "heading 3"};
  for (int i = 0; i < 3; ++i) {
    ParagraphProps p;
    p.keep_next = p.keep_lines = true;
    p.outline_level = i;
    paragraph_style(w, {"paragraph", kHeadingIds[i], kNames[i], "Normal", "Normal", 9, false, true},
                    s.headings[i].text, p);
  }
  paragraph_style(w, {"paragraph", "Title", "Title", "Normal", "Normal", 10, false, true},
                  s.masthead.title_text);
  paragraph_style(w, {"paragraph", "Caption", "caption", "Normal", "Normal", 35, false, true},
                  s.table.caption);

  // A list item as layout sets it (layout/blocks.cpp): body text without the
  // first-line indent, the item space after it, the marker in a hanging indent.
  style::TextStyle item = body;
  item.space_before = 0;
  item.space_after = s.list.item_space;
  ParagraphProps list;
  list.left_indent = s.list.indent;
  list.first_line_indent = -s.list.indent * 0.55;
  paragraph_style(
      w, {"paragraph", "ListParagraph", "List Paragraph", "Normal", nullptr, 34, false, true}, item,
      list);

  ParagraphProps margin;
  margin.first_line_indent = 0;
  margin.space_before = margin.space_after = 0;
  paragraph_style(w, {"paragraph", "Header", "header", "Normal", nullptr, 99}, s.page_number.text,
                  margin);
  paragraph_style(w, {"paragraph", "Footer", "footer", "Normal", nullptr, 99}, s.footer.text,
                  margin);
  w.close();
  return w.take();
}

std::string numbering_part(const style::Style& s, const std::vector<bool>& numbered) {
  auto w = XmlWriter::document();
  w.open("w:numbering");
  w.attr("xmlns:w", kW);
  // Layout puts the marker at 0.45 of the indent and the text at the indent.
  const auto& ls = s.list;
  std::string left = twips_str(ls.indent), hanging = twips_str(ls.indent * 0.55);
  for (size_t i = 0; i < numbered.size(); ++i) {
    w.open("w:abstractNum");
    w.attr("w:abstractNumId", std::to_string(i));
    w.leaf("w:multiLevelType", {{"w:val", "singleLevel"}});
    w.open("w:lvl");
    w.attr("w:ilvl", "0");
    w.leaf("w:start", {{"w:val", "1"}});
    w.leaf("w:numFmt", {{"w:val", numbered[i] ? "decimal" : "bullet"}});
    // "%1" stands for the item's number.
    w.leaf("w:lvlText", {{"w:val", numbered[i] ? "%1" + ls.number_suffix : ls.bullet}});
    w.leaf("w:lvlJc", {{"w:val", "left"}});
    w.open("w:pPr");
    w.leaf("w:ind", {{"w:left", left}, {"w:hanging", hanging}});
    w.close();
    w.close();
    w.close();
  }
  // Every w:num after every w:abstractNum, as the schema orders them.
  for (size_t i = 0; i < numbered.size(); ++i) {
    w.open("w:num");
    w.attr("w:numId", std::to_string(i + 1));
    w.leaf("w:abstractNumId", {{"w:val", std::to_string(i)}});
    w.close();
  }
  w.close();
  return w.take();
}

} // namespace baocao::docx
