// A template's text style as run and paragraph properties.
#include <catch2/catch.hpp>

#include <functional>

#include "docx/package_reader.hpp"
#include "docx/text_props.hpp"

using namespace baocao;
using test::docx_pkg::XmlPart;

namespace {

style::TextStyle heading() {
  style::TextStyle ts;
  ts.font = "Liberation Serif";
  ts.size = 13.5;
  ts.bold = true;
  ts.uppercase = true;
  ts.color = {0x1f / 255.0, 0x5c / 255.0, 0x99 / 255.0};
  ts.align = style::TextAlign::justify;
  ts.line_height = 1.3;
  ts.space_before = 12;
  ts.space_after = 6;
  ts.first_line_indent = 28.35;
  return ts;
}

XmlPart written(const std::function<void(docx::XmlWriter&)>& f) {
  docx::XmlWriter w;
  f(w);
  return XmlPart(test::docx_pkg::wrap(w.take()));
}

} // namespace

TEST_CASE("run_props: fonts, bold from the style or the run, caps, colour, half-point sizes",
          "[docx]") {
  auto ts = heading();
  auto r = written([&](docx::XmlWriter& w) { docx::run_props(w, ts, false, true); });
  CHECK(r.value("/root/w:rPr/w:rFonts/@w:ascii") == "Liberation Serif");
  CHECK(r.value("/root/w:rPr/w:rFonts/@w:cs") == "Liberation Serif");
  CHECK(r.value("/root/w:rPr/w:rFonts/@w:eastAsia") == "Liberation Serif");
  CHECK(r.count("/root/w:rPr/w:b") == 1);
  CHECK(r.count("/root/w:rPr/w:i") == 1); // the run's italic
  CHECK(r.count("/root/w:rPr/w:caps") == 1);
  CHECK(r.value("/root/w:rPr/w:color/@w:val") == "1F5C99");
  CHECK(r.value("/root/w:rPr/w:sz/@w:val") == "27");
  CHECK(r.value("/root/w:rPr/w:szCs/@w:val") == "27");
  CHECK(r.count("/root/w:rPr/w:u") == 0);

  style::TextStyle plain;
  plain.font = "Liberation Sans";
  plain.underline = true;
  auto p = written([&](docx::XmlWriter& w) { docx::run_props(w, plain); });
  CHECK(p.count("/root/w:rPr/w:b | /root/w:rPr/w:i | /root/w:rPr/w:color") == 0);
  CHECK(p.value("/root/w:rPr/w:u/@w:val") == "single");
  // Children in the schema's order: Word refuses a document otherwise.
  CHECK(r.value("name(/root/w:rPr/*[1])") == "w:rFonts");
  CHECK(r.value("name(/root/w:rPr/*[last()])") == "w:szCs");
}

TEST_CASE("paragraph_props: spacing in twips, auto line pitch, indent, justification", "[docx]") {
  auto ts = heading();
  auto p = written([&](docx::XmlWriter& w) {
    docx::ParagraphProps props;
    props.style_id = "Heading1";
    props.keep_next = true;
    props.space_after = 0;
    props.outline_level = 0;
    props.tabs.push_back({docx::TabStop::Kind::decimal, 100});
    docx::paragraph_props(w, ts, props);
  });
  const std::string pp = "/root/w:pPr";
  CHECK(p.value(pp + "/w:pStyle/@w:val") == "Heading1");
  CHECK(p.count(pp + "/w:keepNext") == 1);
  CHECK(p.value(pp + "/w:spacing/@w:before") == "240");
  CHECK(p.value(pp + "/w:spacing/@w:after") == "0");
  CHECK(p.value(pp + "/w:spacing/@w:line") == "351"); // 13.5 pt x 1.3, as the PDF's pitch
  CHECK(p.value(pp + "/w:spacing/@w:lineRule") == "atLeast");
  CHECK(p.value(pp + "/w:ind/@w:firstLine") == "567");
  CHECK(p.value(pp + "/w:jc/@w:val") == "both");
  CHECK(p.value(pp + "/w:tabs/w:tab/@w:val") == "decimal");
  CHECK(p.value(pp + "/w:tabs/w:tab/@w:pos") == "2000");
  CHECK(p.value(pp + "/w:outlineLvl/@w:val") == "0");
  CHECK(p.value("name(" + pp + "/*[1])") == "w:pStyle");
  CHECK(p.value("name(" + pp + "/*[last()])") == "w:outlineLvl");

  // A list item keeps its numbering's hanging indent: no w:ind of its own.
  auto item = written([&](docx::XmlWriter& w) {
    docx::ParagraphProps props;
    props.num_id = 2;
    props.align = style::TextAlign::center;
    props.end_xml = "<w:rPr><w:b/></w:rPr>";
    docx::paragraph_props(w, ts, props);
  });
  CHECK(item.value(pp + "/w:numPr/w:numId/@w:val") == "2");
  CHECK(item.value(pp + "/w:numPr/w:ilvl/@w:val") == "0");
  CHECK(item.count(pp + "/w:ind") == 0);
  CHECK(item.value(pp + "/w:jc/@w:val") == "center");
  CHECK(item.count(pp + "/w:rPr/w:b") == 1);

  auto hanging = written([&](docx::XmlWriter& w) {
    docx::ParagraphProps props;
    props.first_line_indent = -10;
    props.left_indent = 10;
    docx::paragraph_props(w, ts, props);
  });
  CHECK(hanging.value(pp + "/w:ind/@w:hanging") == "200");
  CHECK(hanging.value(pp + "/w:ind/@w:left") == "200");
}
