// Page 1's masthead and the closing block as borderless two-column tables,
// the way Vietnamese offices lay them out in Word: the issuing bodies and
// number on the left, the national or Party title and the date on the
// right; recipients on the left, the signature on the right. Their words
// come from layout (number_line, date_line, ...), as the PDF prints them.
#include "docx/body_blocks.hpp"

#include <cmath>

#include "docx/body_parts.hpp"
#include "layout/masthead.hpp"

namespace baocao::docx::detail {
namespace {

class TwoColumns {
public:
  TwoColumns(Ctx& c, double left_share) : c_(c), left_(c.width * left_share) {
    auto& w = c.w;
    w.open("w:tbl");
    w.open("w:tblPr");
    w.leaf("w:tblW", {{"w:w", twips_str(c.width)}, {"w:type", "dxa"}});
    w.leaf("w:tblLayout", {{"w:type", "fixed"}});
    w.open("w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
      w.leaf(side, {{"w:val", "nil"}});
    w.close();
    w.open("w:tblCellMar");
    w.leaf("w:left", {{"w:w", "0"}, {"w:type", "dxa"}});
    w.leaf("w:right", {{"w:w", "0"}, {"w:type", "dxa"}});
    w.close();
    w.close();
    w.open("w:tblGrid");
    w.leaf("w:gridCol", {{"w:w", twips_str(left_)}});
    w.leaf("w:gridCol", {{"w:w", twips_str(c.width - left_)}});
    w.close();
    w.open("w:tr");
    w.open("w:trPr");
    w.leaf("w:cantSplit");
    w.close();
  }

  double left() const { return left_; }
  double right() const { return c_.width - left_; }

  void cell(double width) {
    if (in_cell_) c_.w.close();
    c_.w.open("w:tc");
    c_.w.open("w:tcPr");
    c_.w.leaf("w:tcW", {{"w:w", twips_str(width)}, {"w:type", "dxa"}});
    c_.w.close();
    in_cell_ = true;
    empty_ = true;
  }

  void line(const style::TextStyle& ts, const std::string& text) {
    if (text.empty()) return;
    ParagraphProps p;
    p.first_line_indent = 0;
    p.keep_next = true;
    p.keep_lines = true;
    paragraph(c_, ts, layout::plain(text), p);
    empty_ = false;
  }

  void rule(double length, double column, double width_pts) {
    detail::rule(c_, length, column, width_pts);
    empty_ = false;
  }

  void end() {
    if (in_cell_) {
      if (empty_) c_.w.leaf("w:p");
      c_.w.close();
    }
    c_.w.close(); // w:tr
    c_.w.close(); // w:tbl
  }

  /// Marks the cell as holding a paragraph written by the caller.
  void filled() { empty_ = false; }

private:
  Ctx& c_;
  double left_;
  bool in_cell_ = false;
  bool empty_ = true;
};

} // namespace

/// The cover's band: the parent and issuing bodies on the accent colour, across the page.
void band(Ctx& c, const model::Document& doc) {
  const auto& ms = c.style.masthead;
  auto& w = c.w;
  const double pad = ms.issuer_text.size * 0.8;
  w.open("w:tbl");
  w.open("w:tblPr");
  w.leaf("w:tblW", {{"w:w", twips_str(c.width)}, {"w:type", "dxa"}});
  w.leaf("w:tblLayout", {{"w:type", "fixed"}});
  w.open("w:tblCellMar");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"})
    w.leaf(side, {{"w:w", twips_str(pad)}, {"w:type", "dxa"}});
  w.close();
  w.close();
  w.open("w:tblGrid");
  w.leaf("w:gridCol", {{"w:w", twips_str(c.width)}});
  w.close();
  w.open("w:tr");
  w.open("w:tc");
  w.open("w:tcPr");
  w.leaf("w:tcW", {{"w:w", twips_str(c.width)}, {"w:type", "dxa"}});
  w.leaf("w:shd", {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", hex_color(ms.accent)}});
  w.close();
  for (const auto* line : {&doc.parent, &doc.issuer}) {
    if (line->empty()) continue;
    ParagraphProps p;
    p.first_line_indent = 0;
    p.keep_next = true;
    paragraph(c, line == &doc.parent ? ms.parent_text : ms.issuer_text, layout::plain(*line), p);
  }
  w.close();
  w.close();
  w.close();
}

void masthead(Ctx& c, const model::Document& doc, bool blank) {
  const auto& ms = c.style.masthead;
  const auto& labels = c.style.labels;
  if (ms.cover) band(c, doc);
  TwoColumns t(c, ms.cover ? 0.5 : ms.left_share);
  t.cell(t.left());
  if (!ms.cover) {
    t.line(ms.parent_text, doc.parent);
    t.line(ms.issuer_text, doc.issuer);
    if (!ms.issuer_mark.empty()) {
      t.line(ms.number_text, ms.issuer_mark);
    } else {
      t.rule(guess_width(doc.issuer, ms.issuer_text) * ms.issuer_rule_share, t.left(),
             ms.rule_width);
    }
  }
  t.line(ms.number_text, layout::number_line(doc, labels, blank));
  t.cell(t.right());
  if (!ms.cover) {
    t.line(ms.motto_text, ms.motto);
    bool under_sub = ms.rule_under_sub && !ms.motto_sub.empty();
    if (!under_sub) t.rule(guess_width(ms.motto, ms.motto_text), t.right(), ms.rule_width);
    if (!ms.motto_sub.empty()) {
      t.line(ms.motto_sub_text, ms.motto_sub);
      if (under_sub) t.rule(guess_width(ms.motto_sub, ms.motto_sub_text), t.right(), ms.rule_width);
    }
  }
  t.line(ms.date_text, layout::date_line(doc, labels, blank));
  t.end();

  auto centred = [&](const style::TextStyle& ts, const std::string& text) {
    if (text.empty()) return;
    ParagraphProps p;
    p.first_line_indent = 0;
    p.keep_next = true;
    p.keep_lines = true;
    paragraph(c, ts, layout::plain(text), p);
  };
  centred(ms.kind_text, doc.kind);
  ParagraphProps title;
  title.style_id = "Title";
  title.first_line_indent = 0;
  title.keep_next = true;
  title.keep_lines = true;
  paragraph(c, ms.title_text, layout::plain(doc.title), title);
  centred(ms.subtitle_text, doc.subtitle);
  if (ms.cover)
    rule(c, c.width / 6, c.width, ms.rule_width, ms.accent, true); // flush left, in the accent
  else
    rule(c, std::min(guess_width(doc.title, ms.title_text), c.width / 4), c.width, ms.rule_width);
  for (const auto& line : layout::addressee_lines(doc, labels)) centred(ms.addressee_text, line);
  // The room the PDF leaves under the title block.
  spacer(c, ms.space_after);
}

void closing(Ctx& c, const model::Report& report) {
  const auto& ss = c.style.signature;
  TwoColumns t(c, 0.45);
  t.cell(t.left());
  if (!report.recipients.empty()) {
    t.line(ss.recipients_label_text, c.style.labels.recipients);
    for (const auto& line : layout::recipient_lines(report)) t.line(ss.recipients_text, line);
  }
  t.cell(t.right());
  if (report.signature) {
    const auto& sig = *report.signature;
    t.line(ss.on_behalf_text, sig.on_behalf_of);
    t.line(ss.delegation_text, sig.delegation);
    t.line(ss.role_text, sig.role);
    // The room for the signature and seal, then the name.
    ParagraphProps p;
    p.first_line_indent = 0;
    p.keep_next = true;
    p.space_before = ss.signature_space;
    p.space_after = 0;
    if (!sig.name.empty()) {
      paragraph(c, ss.name_text, layout::plain(sig.name), p);
      t.filled();
    }
  }
  t.end();
}

} // namespace baocao::docx::detail
