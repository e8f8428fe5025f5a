#include "docx/text_props.hpp"

#include "docx/units.hpp"

namespace baocao::docx {

const char* justification(style::TextAlign a) {
  switch (a) {
  case style::TextAlign::left:
    return "left";
  case style::TextAlign::center:
    return "center";
  case style::TextAlign::right:
    return "right";
  case style::TextAlign::justify:
    return "both";
  }
  return "left";
}

void run_props(XmlWriter& w, const style::TextStyle& ts, bool bold, bool italic) {
  // Children in the order CT_RPr lists them: Word rejects any other.
  w.open("w:rPr");
  if (!ts.font.empty()) {
    w.leaf(
        "w:rFonts",
        {{"w:ascii", ts.font}, {"w:hAnsi", ts.font}, {"w:eastAsia", ts.font}, {"w:cs", ts.font}});
  }
  if (ts.bold || bold) {
    w.leaf("w:b");
    w.leaf("w:bCs");
  }
  if (ts.italic || italic) {
    w.leaf("w:i");
    w.leaf("w:iCs");
  }
  if (ts.uppercase) w.leaf("w:caps");
  if (ts.color != core::Color{}) w.leaf("w:color", {{"w:val", hex_color(ts.color)}});
  auto size = half_points(ts.size);
  w.leaf("w:sz", {{"w:val", size}});
  w.leaf("w:szCs", {{"w:val", size}});
  if (ts.underline) w.leaf("w:u", {{"w:val", "single"}});
  w.close();
}

namespace {

const char* tab_kind(TabStop::Kind k) {
  switch (k) {
  case TabStop::Kind::left:
    return "left";
  case TabStop::Kind::center:
    return "center";
  case TabStop::Kind::right:
    return "right";
  case TabStop::Kind::decimal:
    return "decimal";
  }
  return "left";
}

} // namespace

std::string line_pitch(const style::TextStyle& ts) {
  return std::to_string(std::lround(ts.size * ts.line_height * 20));
}

void paragraph_props(XmlWriter& w, const style::TextStyle& ts, const ParagraphProps& p) {
  // Children in the order CT_PPrBase lists them.
  w.open("w:pPr");
  if (!p.style_id.empty()) w.leaf("w:pStyle", {{"w:val", p.style_id}});
  if (p.keep_next) w.leaf("w:keepNext");
  if (p.keep_lines) w.leaf("w:keepLines");
  if (p.page_break_before) w.leaf("w:pageBreakBefore");
  if (p.widow_control) w.leaf("w:widowControl");
  if (p.num_id > 0) {
    w.open("w:numPr");
    w.leaf("w:ilvl", {{"w:val", "0"}});
    w.leaf("w:numId", {{"w:val", std::to_string(p.num_id)}});
    w.close();
  }
  if (p.rule_above || p.rule_below) {
    w.open("w:pBdr");
    auto line = [&](const char* side, const Rule& r) {
      w.leaf(side, {{"w:val", "single"},
                    {"w:sz", eighths(r.width)},
                    {"w:space", "1"},
                    {"w:color", hex_color(r.color)}});
    };
    if (p.rule_above) line("w:top", *p.rule_above);
    if (p.rule_below) line("w:bottom", *p.rule_below);
    w.close();
  }
  if (!p.tabs.empty()) {
    w.open("w:tabs");
    for (const auto& t : p.tabs)
      w.leaf("w:tab", {{"w:val", tab_kind(t.kind)}, {"w:pos", twips_str(t.position)}});
    w.close();
  }
  w.leaf("w:spacing", {{"w:before", twips_str(p.space_before.value_or(ts.space_before))},
                       {"w:after", twips_str(p.space_after.value_or(ts.space_after))},
                       {"w:line", line_pitch(ts)},
                       {"w:lineRule", "atLeast"}});
  // A list item's direct indent would override its numbering's hanging indent.
  if (p.num_id == 0 || p.first_line_indent || p.left_indent) {
    w.open("w:ind");
    if (p.left_indent) w.attr("w:left", twips_str(*p.left_indent));
    if (p.num_id == 0 || p.first_line_indent) {
      double first = p.first_line_indent.value_or(ts.first_line_indent);
      if (first < 0)
        w.attr("w:hanging", twips_str(-first));
      else
        w.attr("w:firstLine", twips_str(first));
    }
    w.close();
  }
  w.leaf("w:jc", {{"w:val", justification(p.align.value_or(ts.align))}});
  if (p.outline_level) w.leaf("w:outlineLvl", {{"w:val", std::to_string(*p.outline_level)}});
  w.raw(p.end_xml);
  w.close();
}

} // namespace baocao::docx
