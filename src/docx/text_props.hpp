#pragma once
// A template's text style (style::TextStyle) as WordprocessingML run and
// paragraph properties, the one translation the styles part and the body share.
#include <optional>
#include <string>
#include <vector>

#include "docx/xml_writer.hpp"
#include "style/style.hpp"

namespace baocao::docx {

/// <w:rPr>: rFonts (ascii, hAnsi, cs, eastAsia = ts.font), b and i (ts's or the
/// arguments), caps when uppercase, color when not black, sz and szCs in
/// half-points, u when underline.
void run_props(XmlWriter& w, const style::TextStyle& ts, bool bold = false, bool italic = false);

struct TabStop {
  enum class Kind { left, center, right, decimal };
  Kind kind = Kind::left;
  double position = 0; ///< points from the paragraph's left indent
};

/// A paragraph border line (w:pBdr), across the paragraph's width.
struct Rule {
  double width = 0.5; ///< points
  core::Color color;
};

struct ParagraphProps {
  std::string style_id;                  ///< w:pStyle when not empty
  std::optional<style::TextAlign> align; ///< else ts.align
  bool keep_next = false, keep_lines = false, page_break_before = false;
  std::optional<double> space_before, space_after, first_line_indent; ///< points; else ts's
  std::optional<double> left_indent; ///< points; none written unless given
  int num_id = 0;                    ///< a list from DocxFile::new_list(): w:numPr, ilvl 0
  std::optional<int> outline_level;  ///< 0 for a level-1 heading
  bool widow_control = false;
  std::optional<Rule> rule_above, rule_below;
  std::vector<TabStop> tabs;
  /// Written last inside <w:pPr>, in the schema's order: the paragraph mark's
  /// <w:rPr>, then a <w:sectPr> (DocxFile::section_properties) for a section's last paragraph.
  std::string end_xml;
};

/// <w:pPr>: pStyle, keepNext, keepLines, pageBreakBefore, widowControl, numPr,
/// pBdr (top, bottom), tabs, spacing (before and after in twips, line = ts.line_height * 240,
/// "auto"), ind (firstLine, or hanging when negative; a list item's indent
/// comes from its numbering unless the props give one), jc (justify is
/// "both"), outlineLvl, then end_xml.
void paragraph_props(XmlWriter& w, const style::TextStyle& ts, const ParagraphProps& p = {});

/// The PDF's line pitch (size x line_height) in twips, for w:spacing's
/// w:line with w:lineRule "atLeast": "auto" would multiply the font's own
/// line (1.107 em for Liberation Serif), making text 11% taller than the PDF's.
std::string line_pitch(const style::TextStyle& ts);
/// "left", "center", "right", "both".
const char* justification(style::TextAlign a);

} // namespace baocao::docx
