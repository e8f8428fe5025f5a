#include "docx/furniture.hpp"

#include <algorithm>

#include "core/placeholders.hpp"
#include "docx/text_props.hpp"

namespace baocao::docx {
namespace {

constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr double kAscent = 0.9;
constexpr double kDescent = 0.25;
constexpr double kDefaultDistance = 36; // Word's own: half an inch

void text_run(XmlWriter& w, const style::TextStyle& ts, std::string_view text) {
  if (text.empty()) return;
  w.open("w:r");
  run_props(w, ts);
  w.open("w:t");
  w.attr("xml:space", "preserve");
  w.text(text);
  w.close();
  w.close();
}

void field_runs(XmlWriter& w, const style::TextStyle& ts, std::string_view instruction,
                std::string_view shown) {
  auto mark = [&](const char* type) {
    w.open("w:r");
    run_props(w, ts);
    w.leaf("w:fldChar", {{"w:fldCharType", type}});
    w.close();
  };
  mark("begin");
  w.open("w:r");
  run_props(w, ts);
  w.open("w:instrText");
  w.attr("xml:space", "preserve");
  w.text(instruction);
  w.close();
  w.close();
  mark("separate");
  text_run(w, ts, shown); // the value until Word or LibreOffice updates it
  mark("end");
}

void open_part(XmlWriter& w, const char* root) {
  w.open(root);
  w.attr("xmlns:w", kW);
  w.attr("xmlns:r", kR);
}

/// A left text and a right text on one line: the right one after a right tab at the text's end.
void margin_line(XmlWriter& w, const style::FooterStyle& ms, const Fields& fields, bool rule_below,
                 double text_width, const char* style_id) {
  ParagraphProps p;
  p.style_id = style_id;
  p.space_before = p.space_after = p.first_line_indent = 0;
  p.align = style::TextAlign::left;
  p.tabs.push_back({TabStop::Kind::right, text_width});
  if (ms.rule_width > 0) {
    Rule r{ms.rule_width, ms.rule_color};
    (rule_below ? p.rule_below : p.rule_above) = r;
  }
  style::TextStyle ts = ms.text;
  ts.uppercase = false; // as the PDF's margin lines
  w.open("w:p");
  paragraph_props(w, ts, p);
  pattern_runs(w, ts, ms.left, fields);
  if (!ms.right.empty()) {
    w.open("w:r");
    run_props(w, ts);
    w.leaf("w:tab");
    w.close();
    pattern_runs(w, ts, ms.right, fields);
  }
  w.close();
}

} // namespace

void pattern_runs(XmlWriter& w, const style::TextStyle& ts, std::string_view pattern,
                  const Fields& fields) {
  std::vector<std::pair<std::string_view, std::string>> values;
  for (const auto& [k, v] : fields) values.emplace_back(k, v);
  std::string text = core::fill_placeholders(std::string(pattern), values);
  static const std::pair<std::string_view, std::string_view> kFields[] = {
      {"{page}", " PAGE "}, {"{pages}", " NUMPAGES "}, {"{section}", " STYLEREF \"heading 1\" "}};
  std::string_view rest = text;
  while (!rest.empty()) {
    size_t at = rest.size();
    const std::pair<std::string_view, std::string_view>* found = nullptr;
    for (const auto& f : kFields) {
      size_t i = rest.find(f.first);
      if (i < at) {
        at = i;
        found = &f;
      }
    }
    size_t tab = rest.find('\t');
    if (tab < at) {
      text_run(w, ts, rest.substr(0, tab));
      w.open("w:r");
      run_props(w, ts);
      w.leaf("w:tab");
      w.close();
      rest.remove_prefix(tab + 1);
      continue;
    }
    text_run(w, ts, rest.substr(0, at));
    if (!found) break;
    field_runs(w, ts, found->second, found->first == "{section}" ? "" : "1");
    rest.remove_prefix(at + found->first.size());
  }
}

std::string header_part(const style::Style& s, const Fields& fields, const FurnitureLines& lines,
                        double text_width) {
  auto w = XmlWriter::document();
  open_part(w, "w:hdr");
  bool any = false;
  if (lines.page_number && !s.page_number.pattern.empty()) {
    const auto& ts = s.page_number.text;
    ParagraphProps p;
    p.style_id = "Header";
    p.space_before = p.space_after = p.first_line_indent = 0;
    w.open("w:p");
    paragraph_props(w, ts, p);
    pattern_runs(w, ts, s.page_number.pattern, fields);
    w.close();
    any = true;
  }
  if (lines.header_line && (!s.header.left.empty() || !s.header.right.empty())) {
    margin_line(w, s.header, fields, true, text_width, "Header");
    any = true;
  }
  if (!any) w.leaf("w:p"); // a part holds at least one paragraph
  w.close();
  return w.take();
}

std::string footer_part(const style::Style& s, const Fields& fields, const FurnitureLines& lines,
                        double text_width) {
  auto w = XmlWriter::document();
  open_part(w, "w:ftr");
  if (lines.footer_line && (!s.footer.left.empty() || !s.footer.right.empty()))
    margin_line(w, s.footer, fields, false, text_width, "Footer");
  else
    w.leaf("w:p");
  w.close();
  return w.take();
}

double header_distance(const style::Style& s) {
  double d = kDefaultDistance;
  bool found = false;
  auto take = [&](double baseline, double size) {
    double top = std::max(0.0, baseline - kAscent * size);
    d = found ? std::min(d, top) : top;
    found = true;
  };
  if (s.page_number.show) take(s.page_number.from_top, s.page_number.text.size);
  if (s.header.show)
    take(s.header.from_bottom, s.header.text.size); // a header's baseline from the top
  return d;
}

double footer_distance(const style::Style& s) {
  if (!s.footer.show) return kDefaultDistance;
  return std::max(0.0, s.footer.from_bottom - kDescent * s.footer.text.size);
}

} // namespace baocao::docx
