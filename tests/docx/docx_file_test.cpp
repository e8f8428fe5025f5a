// DocxFile: the parts around a body, read back as a reader of the package would.
#include <catch2/catch.hpp>

#include <set>

#include "docx/docx_file.hpp"
#include "docx/package_reader.hpp"
#include "docx/parts.hpp"
#include "docx/units.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;
using test::docx_pkg::XmlPart;
using test::docx_pkg::zip_entry;

namespace {

const std::string kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A heading, a paragraph, then a landscape section after the first one.
std::string sample_body(const docx::DocxFile& file) {
  docx::XmlWriter w;
  w.open("w:p");
  w.open("w:pPr");
  w.leaf("w:pStyle", {{"w:val", "Heading1"}});
  w.close();
  w.open("w:r");
  w.open("w:t");
  w.text("I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT");
  w.close();
  w.close();
  w.close();
  w.open("w:p");
  w.open("w:pPr");
  file.section_properties(w, false, false); // the report's first section ends here
  w.close();
  w.close();
  w.open("w:p");
  w.open("w:r");
  w.open("w:t");
  w.text("Bảng ngang");
  w.close();
  w.close();
  w.close();
  return w.take();
}

} // namespace

TEST_CASE("a DOCX package lists a content type for every part, [Content_Types].xml first",
          "[docx]") {
  test::TempDir dir;
  docx::DocxFile file(test::builtin_template("dang"), {});
  std::string id = file.add_png(test::read_file(test::data_dir() / "images" / "photo-4x3.png"));
  file.add_font(
      {"Liberation Serif", test::repo_dir() / "fonts" / "LiberationSerif-Regular.ttf", {}, {}, {}});
  file.write(sample_body(file), dir / "r.docx", true);

  auto entries = test::docx_pkg::zip_entries(dir / "r.docx");
  REQUIRE(entries.front().first == "[Content_Types].xml");
  XmlPart types(entries.front().second);
  std::set<std::string> names;
  for (const auto& [name, bytes] : entries) {
    names.insert(name);
    if (name == "[Content_Types].xml") continue;
    INFO(name);
    std::string over = types.value("/ct:Types/ct:Override[@PartName='/" + name + "']/@ContentType");
    std::string ext = name.substr(name.rfind('.') + 1);
    std::string def = types.value("/ct:Types/ct:Default[@Extension='" + ext + "']/@ContentType");
    CHECK((!over.empty() || !def.empty()));
    CHECK((over.empty() ? def : over) == docx::content_type_of(name));
    if (name.size() > 4 && name.substr(name.size() - 4) == ".xml") XmlPart{bytes}; // well-formed
  }
  // No Override names a part that is not there.
  for (const auto& part : types.values("/ct:Types/ct:Override/@PartName"))
    CHECK(names.count(part.substr(1)) == 1);
  CHECK(docx::content_type_of("word/document.xml") ==
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
  CHECK(docx::content_type_of("word/fonts/font1.odttf") ==
        "application/vnd.openxmlformats-officedocument.obfuscatedFont");

  // Every relationship of the document resolves to a part; the picture's id is one of them.
  XmlPart rels(zip_entry(dir / "r.docx", "word/_rels/document.xml.rels"));
  for (const auto& target : rels.values("/pr:Relationships/pr:Relationship/@Target"))
    CHECK(names.count("word/" + target) == 1);
  CHECK(rels.value("//pr:Relationship[@Id='" + id + "']/@Target") == "media/image1.png");
  CHECK(zip_entry(dir / "r.docx", "word/media/image1.png") ==
        test::read_file(test::data_dir() / "images" / "photo-4x3.png"));
  XmlPart doc(zip_entry(dir / "r.docx", "word/document.xml"));
  for (const auto& ref : doc.values("//w:headerReference/@r:id | //w:footerReference/@r:id"))
    CHECK(rels.count("//pr:Relationship[@Id='" + ref + "']") == 1);
  XmlPart root(zip_entry(dir / "r.docx", "_rels/.rels"));
  CHECK(root.value("//pr:Relationship[contains(@Type, '/officeDocument')]/@Target") ==
        "word/document.xml");
}

TEST_CASE("document.xml declares the namespaces a body uses and ends with the last sectPr",
          "[docx]") {
  test::TempDir dir;
  docx::DocxFile file(test::builtin_template("dang"), {});
  file.write("<w:p><w:r><w:t>x</w:t></w:r></w:p>", dir / "d.docx");
  std::string xml = zip_entry(dir / "d.docx", "word/document.xml");
  for (const char* prefix : {"w", "r", "wp", "a", "pic", "mc", "w14"})
    CHECK(xml.find(std::string("xmlns:") + prefix + "=\"") != std::string::npos);
  XmlPart doc(xml);
  CHECK(doc.count("/w:document/w:body/*[last()][self::w:sectPr]") == 1);
  CHECK(doc.value("/w:document/w:body/w:p/w:r/w:t") == "x");
}

TEST_CASE("sections: A4, the template's margins, landscape swapped, first-page and restart rules",
          "[docx]") {
  const auto style = test::builtin_template("dang");
  docx::DocxFile file(style, {});
  auto sect = [&](const docx::Section& s) {
    docx::XmlWriter w;
    file.section_properties(w, s);
    return XmlPart(test::docx_pkg::wrap(w.take()));
  };
  using docx::SectionStart;
  auto portrait = sect({false, false, SectionStart::report});
  CHECK(portrait.value("//w:pgSz/@w:w") == "11906"); // A4 in twips
  CHECK(portrait.value("//w:pgSz/@w:h") == "16838");
  CHECK(portrait.count("//w:pgSz/@w:orient") == 0);
  CHECK(portrait.value("//w:pgMar/@w:top") == docx::twips_str(style.page.margin_top));
  CHECK(portrait.value("//w:pgMar/@w:left") == docx::twips_str(style.page.margin_left));
  CHECK(portrait.value("//w:pgMar/@w:right") == docx::twips_str(style.page.margin_right));
  CHECK(portrait.value("//w:pgMar/@w:bottom") == docx::twips_str(style.page.margin_bottom));
  CHECK(portrait.value("//w:pgMar/@w:left") == "1701"); // dang: 30 mm
  // dang prints no number on page 1: a first-page header of its own.
  CHECK(portrait.count("//w:titlePg") == 1);
  CHECK(portrait.count("//w:headerReference[@w:type='first']") == 1);
  CHECK(portrait.count("//w:pgNumType") == 0);

  auto landscape = sect({true, false, SectionStart::continued});
  CHECK(landscape.value("//w:pgSz/@w:orient") == "landscape");
  CHECK(landscape.value("//w:pgSz/@w:w") == "16838");
  CHECK(landscape.value("//w:pgSz/@w:h") == "11906");
  CHECK(landscape.value("//w:pgMar/@w:top") == docx::twips_str(style.page.margin_top));
  CHECK(landscape.value("//w:pgMar/@w:left") == docx::twips_str(style.page.margin_left));
  CHECK(landscape.count("//w:titlePg") == 0); // a landscape table's first page is numbered

  auto appendix = sect({false, true, SectionStart::appendix});
  CHECK(appendix.value("//w:pgNumType/@w:start") == "1");
  CHECK(appendix.count("//w:titlePg") == (style.appendix.number_first_page ? 0 : 1));

  // The order-based overload: the first sectPr opens the report.
  docx::DocxFile again(style, {});
  docx::XmlWriter w;
  again.section_properties(w, false, false);
  again.section_properties(w, true, false);
  again.section_properties(w, false, true);
  XmlPart three(test::docx_pkg::wrap(w.take()));
  CHECK(three.count("/root/w:sectPr[1]/w:titlePg") == 1);
  CHECK(three.count("/root/w:sectPr[2]/w:titlePg") == 0);
  CHECK(three.value("/root/w:sectPr[3]/w:pgNumType/@w:start") == "1");
}

TEST_CASE("the header shows the page number as a PAGE field, from page 2", "[docx]") {
  test::TempDir dir;
  auto style = test::builtin_template("dang");
  style.page_number.pattern = "Trang {page}/{pages}";
  docx::DocxFile file(style, {});
  file.write("<w:p/>", dir / "h.docx");
  XmlPart doc(zip_entry(dir / "h.docx", "word/document.xml"));
  XmlPart rels(zip_entry(dir / "h.docx", "word/_rels/document.xml.rels"));
  auto part_of = [&](const std::string& type) {
    std::string id = doc.value("//w:sectPr/w:headerReference[@w:type='" + type + "']/@r:id");
    return XmlPart(zip_entry(dir / "h.docx",
                             "word/" + rels.value("//pr:Relationship[@Id='" + id + "']/@Target")));
  };
  auto every = part_of("default");
  auto instructions = every.values("//w:instrText");
  REQUIRE(instructions.size() == 2);
  CHECK(instructions[0] == " PAGE ");
  CHECK(instructions[1] == " NUMPAGES ");
  CHECK(every.value("(//w:p)[1]/w:r[1]/w:t") == "Trang ");
  CHECK(every.value("//w:p/w:pPr/w:jc/@w:val") == "center");
  CHECK(every.value("//w:rPr/w:sz/@w:val") == docx::half_points(style.page_number.text.size));
  auto first = part_of("first");
  CHECK(first.count("//w:instrText") == 0);
  CHECK(first.count("//w:t") == 0);
}

TEST_CASE("hien-dai's footer: issuer left, page number right, a rule above", "[docx]") {
  test::TempDir dir;
  auto style = test::builtin_template("hien-dai");
  docx::DocxInfo info;
  info.fields = {{"issuer", "ĐẢNG BỘ TỈNH PHÚ THỌ"}};
  docx::DocxFile file(style, info);
  file.write("<w:p/>", dir / "f.docx");
  XmlPart doc(zip_entry(dir / "f.docx", "word/document.xml"));
  CHECK(doc.count("//w:titlePg") == 0); // its footer shows on page 1 too
  XmlPart rels(zip_entry(dir / "f.docx", "word/_rels/document.xml.rels"));
  std::string id = doc.value("//w:footerReference[@w:type='default']/@r:id");
  XmlPart footer(zip_entry(dir / "f.docx",
                           "word/" + rels.value("//pr:Relationship[@Id='" + id + "']/@Target")));
  CHECK(footer.value("//w:p/w:r[1]/w:t") == "ĐẢNG BỘ TỈNH PHÚ THỌ");
  CHECK(footer.value("//w:instrText") == " PAGE ");
  CHECK(footer.count("//w:pPr/w:pBdr/w:top") == 1);
  CHECK(footer.value("//w:tabs/w:tab/@w:val") == "right");
  CHECK(footer.value("//w:tabs/w:tab/@w:pos") ==
        docx::twips_str(style.page.size.width - style.page.margin_left - style.page.margin_right));
}

TEST_CASE("styles.xml defines the body's style ids with the template's values", "[docx]") {
  test::TempDir dir;
  for (const char* name : {"dang", "hien-dai"}) {
    INFO(name);
    const auto style = test::builtin_template(name);
    docx::DocxFile file(style, {});
    file.write("<w:p/>", dir / "s.docx");
    XmlPart s(zip_entry(dir / "s.docx", "word/styles.xml"));
    auto st = [](const std::string& id) { return "/w:styles/w:style[@w:styleId='" + id + "']"; };
    for (const char* id : {"Normal", "Heading1", "Heading2", "Heading3", "Caption", "Title",
                           "ListParagraph", "TableGrid"})
      CHECK(s.count(st(id)) == 1);
    CHECK(s.value(st("Normal") + "/@w:default") == "1");
    CHECK(s.value(st("Normal") + "/w:pPr/w:jc/@w:val") ==
          (style.body.align == style::TextAlign::justify ? "both" : "left"));
    CHECK(s.value(st("Normal") + "/w:pPr/w:ind/@w:firstLine") ==
          docx::twips_str(style.body.first_line_indent));
    CHECK(s.value(st("Normal") + "/w:rPr/w:rFonts/@w:ascii") == style.body.font);
    for (int i = 0; i < 3; ++i) {
      std::string h = st("Heading" + std::to_string(i + 1));
      const auto& ts = style.headings[i].text;
      CHECK(s.value(h + "/w:name/@w:val") == "heading " + std::to_string(i + 1));
      CHECK(s.value(h + "/w:basedOn/@w:val") == "Normal");
      CHECK(s.value(h + "/w:next/@w:val") == "Normal");
      CHECK(s.value(h + "/w:pPr/w:outlineLvl/@w:val") == std::to_string(i));
      CHECK(s.count(h + "/w:pPr/w:keepNext") == 1);
      CHECK(s.count(h + "/w:pPr/w:keepLines") == 1);
      CHECK(s.value(h + "/w:pPr/w:ind/@w:firstLine") == docx::twips_str(ts.first_line_indent));
      CHECK(s.value(h + "/w:rPr/w:sz/@w:val") == docx::half_points(ts.size));
      CHECK(s.count(h + "/w:rPr/w:b") == (ts.bold ? 1 : 0));
      CHECK(s.count(h + "/w:rPr/w:caps") == (ts.uppercase ? 1 : 0));
      CHECK(s.value(h + "/w:pPr/w:spacing/@w:before") == docx::twips_str(ts.space_before));
    }
    CHECK(s.value(st("Title") + "/w:rPr/w:sz/@w:val") ==
          docx::half_points(style.masthead.title_text.size));
    CHECK(s.value(st("Caption") + "/w:name/@w:val") == "caption");
    CHECK(s.value(st("Caption") + "/w:rPr/w:sz/@w:val") ==
          docx::half_points(style.table.caption.size));
    CHECK(s.value(st("TableGrid") + "/w:tblPr/w:tblBorders/w:insideH/@w:sz") ==
          docx::eighths(style.table.rule_width));
    CHECK(s.value(st("TableGrid") + "/w:tblPr/w:tblCellMar/w:left/@w:w") ==
          docx::twips_str(style.table.padding_x));
    CHECK(s.value(st("TableGrid") + "/w:tblPr/w:tblCellMar/w:top/@w:w") ==
          docx::twips_str(style.table.padding_y));
  }
  // hien-dai's first heading is bigger than its body, so sizes are the template's own.
  auto hd = test::builtin_template("hien-dai");
  CHECK(hd.headings[0].text.size != hd.body.size);
}

TEST_CASE("each list counts from 1 on its own numbering", "[docx]") {
  test::TempDir dir;
  const auto style = test::builtin_template("dang");
  docx::DocxFile file(style, {});
  CHECK(file.new_list(true) == 1);
  CHECK(file.new_list(false) == 2);
  CHECK(file.new_list(true) == 3);
  file.write("<w:p/>", dir / "n.docx");
  XmlPart n(zip_entry(dir / "n.docx", "word/numbering.xml"));
  CHECK(n.count("/w:numbering/w:abstractNum") == 3);
  CHECK(n.count("/w:numbering/w:num") == 3);
  CHECK(n.count("/w:numbering/w:num[last()]/following-sibling::w:abstractNum") == 0);
  auto lvl = [&](int num) {
    std::string abs = n.value("/w:numbering/w:num[@w:numId='" + std::to_string(num) +
                              "']/w:abstractNumId/@w:val");
    return "/w:numbering/w:abstractNum[@w:abstractNumId='" + abs + "']/w:lvl[@w:ilvl='0']";
  };
  CHECK(n.value(lvl(1) + "/w:numFmt/@w:val") == "decimal");
  CHECK(n.value(lvl(1) + "/w:lvlText/@w:val") == "%1" + style.list.number_suffix);
  CHECK(n.value(lvl(1) + "/w:start/@w:val") == "1");
  CHECK(n.value(lvl(2) + "/w:numFmt/@w:val") == "bullet");
  CHECK(n.value(lvl(2) + "/w:lvlText/@w:val") == style.list.bullet);
  CHECK(n.value(lvl(3) + "/w:pPr/w:ind/@w:left") == docx::twips_str(style.list.indent));
  CHECK(lvl(1) != lvl(3));
}

TEST_CASE("settings and document properties", "[docx]") {
  test::TempDir dir;
  docx::DocxInfo info;
  info.title = "Báo cáo tổng kết nhiệm kỳ 2010–2015";
  info.author = "Đảng bộ tỉnh Phú Thọ";
  info.date_iso = "2015-10-20T00:00:00Z";
  docx::DocxFile file(test::builtin_template("dang"), info);
  file.write("<w:p/>", dir / "p.docx");
  XmlPart s(zip_entry(dir / "p.docx", "word/settings.xml"));
  CHECK(s.value("//w:compat/w:compatSetting[@w:name='compatibilityMode']/@w:val") == "15");
  CHECK(s.value("//w:themeFontLang/@w:val") == "vi-VN");
  CHECK(s.value("//w:evenAndOddHeaders/@w:val") == "0");
  CHECK(s.value("//w:decimalSymbol/@w:val") == ",");
  CHECK(s.count("//w:defaultTabStop") == 1);
  CHECK(s.count("//w:rsids") == 0);
  XmlPart core(zip_entry(dir / "p.docx", "docProps/core.xml"));
  CHECK(core.value("//dc:title") == info.title);
  CHECK(core.value("//dc:creator") == info.author);
  CHECK(core.value("//dcterms:created") == info.date_iso);
  CHECK(core.value("//dc:language") == "vi-VN");
}

TEST_CASE("the same input gives a byte-identical .docx", "[docx]") {
  test::TempDir dir;
  auto make = [&](const std::string& name) {
    docx::DocxInfo info;
    info.title = "Tiêu đề";
    info.date_iso = "2015-10-20T00:00:00Z";
    docx::DocxFile file(test::builtin_template("hien-dai"), info);
    file.add_png(test::read_file(test::data_dir() / "images" / "photo-4x3.png"));
    file.new_list(true);
    file.add_font({"Liberation Sans",
                   test::repo_dir() / "fonts" / "LiberationSans-Regular.ttf",
                   test::repo_dir() / "fonts" / "LiberationSans-Bold.ttf",
                   {},
                   {}});
    file.write(sample_body(file), dir / name, true);
  };
  make("a.docx");
  make("b.docx");
  CHECK(test::read_file(dir / "a.docx") == test::read_file(dir / "b.docx"));
}

TEST_CASE("python-docx opens the package and reads its sections and headings", "[docx]") {
  // Debian's python3-docx is for Debian's interpreter.
  if (test::run_command("/usr/bin/python3 -c 'import docx' 2>&1").status != 0) {
    WARN("python3-docx is not installed: apt-get install python3-docx");
    return;
  }
  test::TempDir dir;
  const auto style = test::builtin_template("dang");
  docx::DocxFile file(style, {});
  file.write(sample_body(file), dir / "p.docx", true);
  const char* script =
      "import docx, sys\n"
      "d = docx.Document(sys.argv[1])\n"
      "for s in d.sections:\n"
      "    print(int(s.orientation), s.page_width.twips, s.page_height.twips, s.top_margin.twips,\n"
      "          s.bottom_margin.twips, s.left_margin.twips, s.right_margin.twips)\n"
      "for p in d.paragraphs:\n"
      "    print(p.style.name, '|', p.text)\n";
  test::write_file(dir / "read.py", script);
  auto r = test::run_command("/usr/bin/python3 " + test::q(dir / "read.py") + " " +
                             test::q(dir / "p.docx"));
  INFO(r.output);
  REQUIRE(r.status == 0);
  auto margins = " " + docx::twips_str(style.page.margin_top) + " " +
                 docx::twips_str(style.page.margin_bottom) + " " +
                 docx::twips_str(style.page.margin_left) + " " +
                 docx::twips_str(style.page.margin_right) + "\n";
  CHECK_THAT(r.output, Catch::StartsWith("0 11906 16838" + margins + "1 16838 11906" + margins));
  CHECK_THAT(r.output, Catch::Contains("Heading 1 | I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT"));
  CHECK_THAT(r.output, Catch::Contains("Normal | Bảng ngang"));
}
