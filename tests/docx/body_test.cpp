// The body writer on hand-made flows: spans as gridSpan and vMerge, the
// header row marked, numbers on a decimal tab, lists as Word numbering,
// headings with their styles, outline levels and bookmarks, and a section
// wherever the pages turn.
#include <catch2/catch.hpp>

#include "docx/body.hpp"
#include "docx/package_reader.hpp"
#include "support/pipeline.hpp"

using namespace baocao;
using test::docx_pkg::XmlPart;

namespace {

/// The body of `flow` parsed, with the last section's properties.
struct Written {
  XmlPart xml;
  docx::Section last;
};

Written write(const layout::Flow& flow, const style::Style& style) {
  docx::DocxFile file(style, {});
  model::Report report;
  docx::BodyInputs in;
  in.page_of = [](int anchor) { return std::to_string(anchor + 1); };
  docx::Body body = docx::write_body(flow, report, style, file, in);
  return {XmlPart(test::docx_pkg::wrap(body.xml)), body.last};
}

layout::TableSpec::Cell cell(const std::string& text, int colspan = 1, int rowspan = 1) {
  layout::TableSpec::Cell c;
  c.paragraphs.push_back(layout::plain(text));
  c.colspan = colspan;
  c.rowspan = rowspan;
  return c;
}

} // namespace

TEST_CASE("a table's spans become gridSpan and vMerge, its header row tblHeader", "[docx]") {
  auto style = test::builtin_template("dang");
  layout::TableSpec spec;
  spec.caption = "Bảng 1: Kết quả";
  for (const char* t : {"STT", "Chỉ tiêu", "Kết quả"}) {
    layout::TableSpec::Column c;
    c.title = layout::plain(t);
    spec.columns.push_back(c);
  }
  spec.columns[2].decimal = true;
  // Row 0: "1" spans two rows; row 1 has only what the span leaves.
  spec.cells.push_back({cell("1", 1, 2), cell("Tăng trưởng"), cell("7,85")});
  spec.cells.push_back({cell("Trong đó"), cell("12,5")});
  spec.cells[0][2].number = true;
  spec.cells[1][1].number = true;
  spec.cells.push_back({cell("Tổng cộng", 2), cell("20,35")});
  auto w = write({layout::FlowTable{spec}}, style);
  const std::string tbl = "/root/w:tbl";
  CHECK(w.xml.value("/root/w:p/w:pPr/w:pStyle/@w:val") == "Caption");
  CHECK(w.xml.value("/root/w:p/w:r/w:t") == "Bảng 1: Kết quả");
  CHECK(w.xml.count(tbl + "/w:tblGrid/w:gridCol") == 3);
  CHECK(w.xml.count(tbl + "/w:tr") == 4);
  // The header row repeats on each page; every row stays whole.
  CHECK(w.xml.count(tbl + "/w:tr[1]/w:trPr/w:tblHeader") == 1);
  CHECK(w.xml.count(tbl + "/w:tr/w:trPr/w:tblHeader") == 1);
  CHECK(w.xml.count(tbl + "/w:tr/w:trPr/w:cantSplit") == 4);
  // The rowspan: restarted in row 2, continued by an empty cell in row 3.
  CHECK(w.xml.value(tbl + "/w:tr[2]/w:tc[1]/w:tcPr/w:vMerge/@w:val") == "restart");
  CHECK(w.xml.count(tbl + "/w:tr[3]/w:tc[1]/w:tcPr/w:vMerge[not(@w:val)]") == 1);
  CHECK(w.xml.count(tbl + "/w:tr[3]/w:tc") == 3);
  CHECK(w.xml.value(tbl + "/w:tr[3]/w:tc[2]") == "Trong đó");
  // The colspan.
  CHECK(w.xml.value(tbl + "/w:tr[4]/w:tc[1]/w:tcPr/w:gridSpan/@w:val") == "2");
  CHECK(w.xml.count(tbl + "/w:tr[4]/w:tc") == 2);
  // Numbers stand on a decimal tab, after a tab character.
  CHECK(w.xml.value(tbl + "/w:tr[2]/w:tc[3]/w:p/w:pPr/w:tabs/w:tab/@w:val") == "decimal");
  CHECK(w.xml.count(tbl + "/w:tr[2]/w:tc[3]/w:p/w:r/w:tab") == 1);
  CHECK(w.xml.value(tbl + "/w:tr[2]/w:tc[3]") == "7,85");
}

TEST_CASE("headings get Word's styles, outline levels and bookmarks; lists Word numbering",
          "[docx]") {
  auto style = test::builtin_template("dang");
  layout::Flow flow;
  layout::FlowText h;
  h.role = layout::FlowText::Role::heading;
  h.level = 2;
  h.style = style.headings[1].text;
  h.spans = layout::plain("1. Kinh tế");
  h.outline = layout::FlowText::Outline{"1. Kinh tế", 3, 7};
  h.keep_with_next = true;
  flow.push_back(h);
  flow.push_back(layout::FlowList{{layout::plain("Một"), layout::plain("Hai")}, true});
  flow.push_back(layout::FlowList{{layout::plain("Ba")}, false});
  auto w = write(flow, style);
  const std::string p1 = "/root/w:p[1]";
  CHECK(w.xml.value(p1 + "/w:pPr/w:pStyle/@w:val") == "Heading2");
  CHECK(w.xml.value(p1 + "/w:pPr/w:outlineLvl/@w:val") == "2"); // level 3 in an appendix
  CHECK(w.xml.count(p1 + "/w:pPr/w:keepNext") == 1);
  CHECK(w.xml.value(p1 + "/w:bookmarkStart/@w:name") == "_Toc7");
  CHECK(w.xml.value(p1) == "1. Kinh tế");
  // Each list its own numbering, so each counts from 1.
  auto nums = w.xml.values("/root/w:p/w:pPr/w:numPr/w:numId/@w:val");
  REQUIRE(nums.size() == 3);
  CHECK(nums[0] == nums[1]);
  CHECK(nums[2] != nums[0]);
}

TEST_CASE("the pages' turns and appendices become sections, a contents page a page break",
          "[docx]") {
  auto style = test::builtin_template("dang");
  layout::Flow flow;
  layout::FlowBreak contents_break; // the body after a contents page
  flow.push_back(contents_break);
  layout::FlowBreak turn;
  turn.setup.landscape = true;
  flow.push_back(turn);
  layout::FlowBreak appendix;
  appendix.setup.opens = true;
  appendix.setup.restart = true;
  appendix.setup.part = 1;
  flow.push_back(appendix);
  auto w = write(flow, style);
  CHECK(w.xml.count("/root/w:p/w:r/w:br[@w:type='page']") == 1);
  // The portrait section ends at the turn, the landscape one at the appendix.
  REQUIRE(w.xml.count("/root/w:p/w:pPr/w:sectPr") == 2);
  CHECK(w.xml.count("/root/w:p[3]/w:pPr/w:sectPr/w:pgSz[@w:orient='landscape']") == 1);
  CHECK(w.last.start == docx::SectionStart::appendix);
  CHECK(w.last.restart_numbering);
  CHECK(!w.last.landscape);
}
