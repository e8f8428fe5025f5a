// The DOCX test tools (docx_tools.hpp) proven on DOCX files other programs
// write, before baocao writes any: pandoc's (from a Markdown text made here)
// and python-docx's (docx_fixture.py), read back with pandoc, python-docx and
// LibreOffice. Tests that start LibreOffice carry "LibreOffice" in their names.
#include "support/docx_tools.hpp"

#include <catch2/catch.hpp>

#include <future>

#include "support/pdf_reader.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

// Every Vietnamese vowel with every tone mark, đ, and upper-case forms, in
// words a report uses.
const std::string kPangram =
    "Tiếng Việt đủ dấu: a à á ả ã ạ, ă ằ ắ ẳ ẵ ặ, â ầ ấ ẩ ẫ ậ, e è é ẻ ẽ ẹ, "
    "ê ề ế ể ễ ệ, i ì í ỉ ĩ ị, o ò ó ỏ õ ọ, ô ồ ố ổ ỗ ộ, ơ ờ ớ ở ỡ ợ, "
    "u ù ú ủ ũ ụ, ư ừ ứ ử ữ ự, y ỳ ý ỷ ỹ ỵ, đ Đ, ĐẢNG BỘ TỈNH PHÚ THỌ, "
    "Ỳ Ý Ỷ Ỹ Ỵ.";

const std::string kMarkdown =
    "# Báo cáo tổng kết nhiệm kỳ\n\n"
    "Đảng bộ tỉnh Phú Thọ lãnh đạo thực hiện thắng lợi nghị quyết; "
    "kinh tế tăng trưởng khá, đời sống nhân dân được cải thiện rõ rệt.\n\n" +
    kPangram +
    "\n\n"
    "## Kết quả đạt được\n\n"
    "1. Kết nạp đảng viên mới vượt chỉ tiêu\n"
    "2. Xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh\n\n"
    "| Chỉ tiêu | Kế hoạch | Thực hiện |\n"
    "|---|---:|---:|\n"
    "| Kết nạp đảng viên | 600 | 919 |\n"
    "| Tổ chức cơ sở đảng | 59 | 59 |\n\n"
    "![Biểu đồ kết nạp đảng viên 2010–2015](anh.png)\n\n"
    "### Những hạn chế, yếu kém\n\n"
    "Việc quán triệt chưa đồng bộ ở một số cơ sở.\n";

/// pandoc's DOCX of kMarkdown, made in `dir` (nothing binary in the repository).
fs::path pandoc_docx(const test::TempDir& dir) {
  test::write_file(dir / "bao-cao.md", kMarkdown);
  fs::copy_file(test::data_dir() / "images" / "photo-4x3.png", dir / "anh.png");
  auto docx = dir / "bao-cao.docx";
  auto r =
      test::run_command("cd " + test::q(dir.path()) + " && pandoc bao-cao.md -o " + test::q(docx));
  INFO(r.output);
  REQUIRE(r.status == 0);
  return docx;
}

/// docx_fixture.py's DOCX, with NotoSans-Regular embedded as Word embeds fonts.
fs::path fixture_docx(const test::TempDir& dir) {
  auto docx = dir / "fixture.docx";
  auto r = test::run_command(test::debian_python() + " " +
                             test::q(test::repo_dir() / "tests" / "support" / "docx_fixture.py") +
                             " " + test::q(docx) + " " +
                             test::q(test::repo_dir() / "fonts" / "NotoSans-Regular.ttf"));
  INFO(r.output);
  REQUIRE(r.status == 0);
  return docx;
}

/// kMarkdown's words as a reader sees them, without Markdown's marks.
std::string markdown_words() {
  std::string text = kMarkdown;
  for (const char* mark :
       {"###", "##", "#", "|---|---:|---:|", "|", "1.", "2.", "![", "](anh.png)"})
    for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at))
      text.replace(at, std::string(mark).size(), " ");
  return text;
}

} // namespace

TEST_CASE("words_missing counts words as a multiset and can skip page numbers", "[docx-tools]") {
  using test::words_missing;
  CHECK(words_missing("Đảng bộ tỉnh", "tỉnh  Đảng\nbộ").empty());
  // Twice expected, once there: missing once.
  CHECK(words_missing("đảng viên đảng viên", "đảng viên viên") == std::vector<std::string>{"đảng"});
  // Bytes as given: a composed and a decomposed "ế" differ.
  CHECK(words_missing("ti\xe1\xba\xbfng", "tie\xcc\x82\xcc\x81ng").size() == 1);
  // No-break and thin spaces separate words.
  CHECK(words_missing("53,2 %", "53,2\xc2\xa0%").empty());
  CHECK(words_missing("Trang 2", "Trang\xe2\x80\x89"
                                 "2")
            .empty());

  test::WordOptions numbers;
  numbers.ignore_numbers = true;
  CHECK(words_missing("Trang 2/12 919 3.677 kết nạp", "Trang kết nạp") ==
        std::vector<std::string>{"2/12", "919", "3.677"});
  CHECK(words_missing("Trang 2/12 919 3.677 kết nạp", "Trang kết nạp", numbers).empty());
  CHECK(words_missing("53,2% vượt", "vượt", numbers) == std::vector<std::string>{"53,2%"});

  test::WordOptions punct;
  punct.strip_punctuation = true;
  CHECK(words_missing("“Đảng bộ”, (tỉnh) …", "Đảng bộ tỉnh -------", punct).empty());
  punct.ignore = {"Trang"};
  CHECK(words_missing("Trang 3: tỉnh", "tỉnh 3", punct).empty());

  CHECK(test::describe_missing({}) == "none missing");
  CHECK(test::describe_missing({"a", "b", "c"}, 2) == "3 missing: a b …");
}

TEST_CASE("parse_docx_inspection reads each record docx_inspect.py prints", "[docx-tools]") {
  std::string lines = "D\tBáo cáo\t\tVăn phòng\tđảng\n"
                      "P\tHeading 1\t1\tI. Kết quả\\tcột\\nhai \\\\ ba\t-\t-\t-\t-\n"
                      "P\tList Number\t-\tMột\t5/0\tdecimal %1.\tboth\t-6.4\n"
                      "T\t2\t3\n"
                      "R\t1\t0\n"
                      "C\t2\t-\n"
                      "Q\tNormal\t-\tChỉ tiêu\t-\t-\tcenter\t-\n"
                      "Q\tNormal\t-\tdòng hai\t-\t-\t-\t-\n"
                      "C\t1\trestart\n"
                      "R\t0\t1\n"
                      "C\t1\t-\n"
                      "C\t1\tcontinue\n"
                      "P\tNormal\t-\tSau bảng\t-\t-\tboth\t12.7\n"
                      "S\tportrait\t210.0\t297.0\t20.0\t20.0\t30.0\t15.0\t1\n"
                      "S\t-\t-\t-\t-\t-\t-\t-\t0\n"
                      "H\t0\theader\tdefault\tPAGE,NUMPAGES\tTrang 2\n"
                      "H\t0\theader\tfirst\t-\t\n"
                      "I\tBiểu đồ\t150.0\t75.0\t1772\t886\timage/png\n"
                      "I\t\t-\t-\t-\t-\t-\n"
                      "F\tTimes New Roman\tBold\t1234\t1\n";
  auto d = test::parse_docx_inspection(lines);
  CHECK(d.title == "Báo cáo");
  CHECK(d.author == "Văn phòng");
  CHECK(d.keywords == "đảng");
  REQUIRE(d.paragraphs.size() == 3);
  CHECK(d.paragraphs[0].style == "Heading 1");
  CHECK(d.paragraphs[0].outline_level == 1);
  CHECK(d.paragraphs[0].text == "I. Kết quả\tcột\nhai \\ ba");
  CHECK(d.paragraphs[0].numbering.empty());
  CHECK(d.paragraphs[1].numbering == "5/0");
  CHECK(d.paragraphs[1].number_format == "decimal %1.");
  CHECK(d.paragraphs[1].alignment == "both");
  CHECK(d.paragraphs[1].first_line_set);
  CHECK(d.paragraphs[1].first_line_mm == Approx(-6.4));
  CHECK_FALSE(d.paragraphs[0].first_line_set);
  CHECK(d.paragraph_positions == std::vector<int>{0, 1, 3});
  REQUIRE(d.tables.size() == 1);
  CHECK(d.tables[0].position == 2);
  CHECK(d.tables[0].cols == 3);
  REQUIRE(d.tables[0].rows.size() == 2);
  CHECK(d.tables[0].rows[0].header);
  CHECK_FALSE(d.tables[0].rows[0].cant_split);
  CHECK(d.tables[0].rows[1].cant_split);
  REQUIRE(d.tables[0].rows[0].cells.size() == 2);
  CHECK(d.tables[0].rows[0].cells[0].span == 2);
  CHECK(d.tables[0].rows[0].cells[0].text() == "Chỉ tiêu\ndòng hai");
  CHECK(d.tables[0].rows[0].cells[0].paragraphs[0].alignment == "center");
  CHECK(d.tables[0].rows[0].cells[1].vmerge == "restart");
  CHECK(d.tables[0].rows[1].cells[1].vmerge == "continue");
  CHECK(d.tables[0].rows[1].cells[0].vmerge.empty());
  REQUIRE(d.sections.size() == 2);
  CHECK(d.sections[0].orientation == "portrait");
  CHECK(d.sections[0].page_width_mm == Approx(210));
  CHECK(d.sections[0].left_mm == Approx(30));
  CHECK(d.sections[0].right_mm == Approx(15));
  CHECK(d.sections[0].title_page);
  CHECK(d.sections[1].orientation.empty());
  CHECK(d.sections[1].page_width_mm < 0);
  REQUIRE(d.headers_footers.size() == 2);
  CHECK(d.headers_footers[0].fields == std::vector<std::string>{"PAGE", "NUMPAGES"});
  CHECK(d.headers_footers[0].text == "Trang 2");
  CHECK(d.headers_footers[1].kind == "first");
  CHECK(d.headers_footers[1].fields.empty());
  REQUIRE(d.pictures.size() == 2);
  CHECK(d.pictures[0].alt == "Biểu đồ");
  CHECK(d.pictures[0].px_width == 1772);
  CHECK(d.pictures[1].px_width == -1);
  CHECK(d.pictures[1].content_type.empty());
  REQUIRE(d.fonts.size() == 1);
  CHECK(d.fonts[0].name == "Times New Roman");
  CHECK(d.fonts[0].variant == "Bold");
  CHECK(d.fonts[0].sfnt);
  CHECK(d.with_style("Heading 1").size() == 1);
  REQUIRE(d.find("Sau bảng") != nullptr);
  CHECK(d.find("không có") == nullptr);

  // A row count that disagrees with the rows listed, or a line out of place, is an error.
  CHECK_THROWS_WITH(test::parse_docx_inspection("T\t2\t1\nR\t0\t0\n"),
                    Catch::Contains("declares 2 rows"));
  CHECK_THROWS(test::parse_docx_inspection("R\t0\t0\n"));
  CHECK_THROWS(test::parse_docx_inspection("X\tnew\n"));
  CHECK_THROWS(test::parse_docx_inspection("P\tNormal\n"));
}

TEST_CASE("pandoc_text reads a pandoc-made DOCX with every Vietnamese diacritic", "[docx-tools]") {
  test::TempDir dir;
  auto docx = pandoc_docx(dir);
  auto text = test::pandoc_text(docx);
  CHECK_THAT(text, Catch::Contains(kPangram));
  CHECK_THAT(text, Catch::Contains("Báo cáo tổng kết nhiệm kỳ"));
  CHECK_THAT(text, Catch::Contains("Những hạn chế, yếu kém"));
  // --wrap=none: a paragraph is one line.
  CHECK_THAT(text, Catch::Contains("kinh tế tăng trưởng khá, đời sống nhân dân được cải thiện"));
  auto missing = test::words_missing(markdown_words(), text);
  INFO(test::describe_missing(missing));
  CHECK(missing.empty());
  // The picture's alt text is not on the page: left out unless asked for.
  const std::string alt = "[Biểu đồ kết nạp đảng viên 2010–2015]";
  CHECK_THAT(text, !Catch::Contains(alt));
  CHECK_THAT(test::pandoc_text(docx, true), Catch::Contains(alt));

  // Not a DOCX: an error with pandoc's message, not empty text.
  test::write_file(dir / "khong-phai.docx", "văn bản thường");
  CHECK_THROWS_WITH(test::pandoc_text(dir / "khong-phai.docx"),
                    Catch::Contains("pandoc cannot read") &&
                        Catch::Contains("couldn't unpack docx container"));
}

TEST_CASE("inspect_docx sees a pandoc DOCX's headings, list, header row and picture",
          "[docx-tools]") {
  test::TempDir dir;
  auto d = test::inspect_docx(pandoc_docx(dir));
  auto h1 = d.with_style("Heading 1");
  REQUIRE(h1.size() == 1);
  CHECK(h1[0].text == "Báo cáo tổng kết nhiệm kỳ");
  CHECK(h1[0].outline_level == 1);
  auto h2 = d.with_style("Heading 2");
  REQUIRE(h2.size() == 1);
  CHECK(h2[0].outline_level == 2);
  REQUIRE(d.with_style("Heading 3").size() == 1);
  CHECK(d.with_style("Heading 3")[0].text == "Những hạn chế, yếu kém");
  const auto* pangram = d.find("Tiếng Việt đủ dấu");
  REQUIRE(pangram != nullptr);
  CHECK(pangram->text == kPangram);
  CHECK(pangram->outline_level == 0);

  // The list is Word numbering, not typed numbers.
  const auto* item = d.find("Kết nạp đảng viên mới");
  REQUIRE(item != nullptr);
  CHECK_FALSE(item->numbering.empty());
  CHECK(item->number_format == "decimal %1.");
  CHECK(item->text == "Kết nạp đảng viên mới vượt chỉ tiêu");

  REQUIRE(d.tables.size() == 1);
  const auto& t = d.tables[0];
  CHECK(t.cols == 3);
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0].header);
  CHECK_FALSE(t.rows[1].header);
  REQUIRE(t.rows[1].cells.size() == 3);
  CHECK(t.rows[1].cells[0].text() == "Kết nạp đảng viên");
  CHECK(t.rows[1].cells[2].text() == "919");
  CHECK(t.rows[1].cells[2].paragraphs[0].alignment == "right");
  // The table follows the list's second item.
  REQUIRE(d.paragraphs.size() > 5);
  CHECK(d.paragraphs[5].text == "Xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh");
  CHECK(t.position == d.paragraph_positions[5] + 1);
  CHECK(d.paragraph_positions[6] == t.position + 1);

  REQUIRE(d.pictures.size() == 1);
  CHECK(d.pictures[0].alt == "Biểu đồ kết nạp đảng viên 2010–2015");
  CHECK(d.pictures[0].px_width == 800);
  CHECK(d.pictures[0].px_height == 600);
  CHECK(d.pictures[0].content_type == "image/png");
  CHECK(d.pictures[0].width_mm > 0);

  // pandoc writes an empty w:sectPr: no size, no margins.
  REQUIRE(d.sections.size() == 1);
  CHECK(d.sections[0].page_width_mm < 0);
  CHECK(d.fonts.empty());

  test::write_file(dir / "khong-phai.docx", "văn bản thường");
  CHECK_THROWS_WITH(test::inspect_docx(dir / "khong-phai.docx"),
                    Catch::Contains("python-docx cannot read") &&
                        Catch::Contains("PackageNotFoundError"));
}

TEST_CASE("inspect_docx sees sections, page-number fields, row flags, merges and embedded fonts",
          "[docx-tools]") {
  test::TempDir dir;
  auto d = test::inspect_docx(fixture_docx(dir));
  CHECK(d.title == "Báo cáo thử");
  CHECK(d.author == "Văn phòng");
  // python-docx's template names its styles "heading 1": reported as Word shows them.
  REQUIRE(d.with_style("Heading 1").size() == 1);
  CHECK(d.with_style("Heading 2")[0].outline_level == 2);
  const auto* body = d.find("Đảng bộ tỉnh đã lãnh đạo");
  REQUIRE(body != nullptr);
  CHECK(body->style == "Normal");
  CHECK(body->alignment == "both");
  CHECK(body->first_line_mm == Approx(12.7));
  CHECK(d.find("Kết nạp đảng viên mới")->style == "List Number");
  CHECK(d.find("Kết nạp đảng viên mới")->number_format == "decimal %1.");

  REQUIRE(d.sections.size() == 2);
  const auto& a4 = d.sections[0];
  CHECK(a4.orientation == "portrait");
  CHECK(a4.page_width_mm == Approx(210));
  CHECK(a4.page_height_mm == Approx(297));
  CHECK(a4.top_mm == Approx(20));
  CHECK(a4.bottom_mm == Approx(20));
  CHECK(a4.left_mm == Approx(30));
  CHECK(a4.right_mm == Approx(15));
  CHECK(a4.title_page);
  CHECK(d.sections[1].orientation == "landscape");
  CHECK(d.sections[1].page_width_mm == Approx(297));

  // Page numbers from page 2: a PAGE field in the default header, none on the first page.
  std::vector<std::string> kinds;
  for (const auto& h : d.headers_footers) {
    if (h.section != 0 || h.part != "header") continue;
    kinds.push_back(h.kind);
    if (h.kind == "default") CHECK(h.fields == std::vector<std::string>{"PAGE"});
    if (h.kind == "first") CHECK(h.fields.empty());
  }
  CHECK(kinds == std::vector<std::string>{"default", "first"});

  REQUIRE(d.tables.size() == 1);
  const auto& rows = d.tables[0].rows;
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].header);
  CHECK_FALSE(rows[0].cant_split);
  CHECK(rows[1].cant_split);
  CHECK_FALSE(rows[1].header);
  CHECK(rows[1].cells[0].vmerge == "restart");
  CHECK(rows[1].cells[0].text() == "Đảng viên");
  CHECK(rows[2].cells[0].vmerge == "continue");
  REQUIRE(rows[2].cells.size() == 2);
  CHECK(rows[2].cells[1].span == 2);
  CHECK(rows[2].cells[1].text() == "vượt 53,2%");

  REQUIRE(d.fonts.size() == 1);
  CHECK(d.fonts[0].name == "Fixture Sans");
  CHECK(d.fonts[0].variant == "Regular");
  CHECK(d.fonts[0].bytes ==
        static_cast<long>(fs::file_size(test::repo_dir() / "fonts" / "NotoSans-Regular.ttf")));
  CHECK(d.fonts[0].sfnt);
}

TEST_CASE("LibreOffice: soffice_pdf converts a pandoc DOCX with every word, beside another run",
          "[docx-tools][libreoffice]") {
  test::TempDir dir;
  auto docx = pandoc_docx(dir);
  auto fixture = fixture_docx(dir);
  fs::create_directories(dir / "hai");
  auto docx2 = dir / "hai" / "bao-cao-2.docx";
  fs::copy_file(docx, docx2);
  // Two soffice at once, as parallel ctest runs them (each has its own
  // profile); the second converts two files in one run.
  auto two = std::async(std::launch::async, [&] {
    return test::soffice_pdfs({docx2, fixture}, dir / "pdf");
  });
  auto pdf = test::soffice_pdf(docx, dir / "pdf");
  auto pdfs = two.get();
  CHECK(pdf == dir / "pdf" / "bao-cao.pdf");
  REQUIRE(pdfs.size() == 2);
  CHECK(pdfs[0] == dir / "pdf" / "bao-cao-2.pdf");
  CHECK(pdfs[1] == dir / "pdf" / "fixture.pdf");
  CHECK(test::pdf_pages(pdf) >= 1);
  CHECK(test::pdf_pages(pdfs[0]) == test::pdf_pages(pdf));
  // The fixture's landscape section starts a page.
  CHECK(test::pdf_pages(pdfs[1]) == 2);

  auto pdf_words = test::pdf_text(pdf);
  CHECK_THAT(test::squash(pdf_words), Catch::Contains("Báo cáo tổng kết nhiệm kỳ"));
  // Both ways: pandoc's table rules and list markers are not words LibreOffice draws.
  test::WordOptions options;
  options.strip_punctuation = true;
  auto docx_words = test::pandoc_text(docx);
  auto missing = test::words_missing(docx_words, pdf_words, options);
  INFO("DOCX words not in LibreOffice's PDF: " << test::describe_missing(missing));
  CHECK(missing.empty());
  missing = test::words_missing(pdf_words, docx_words, options);
  INFO("PDF words not in pandoc's text: " << test::describe_missing(missing));
  CHECK(missing.empty());
  CHECK(test::words_missing(kPangram, pdf_words).empty());

  // Two inputs with one name would overwrite each other's PDF.
  CHECK_THROWS_WITH(test::soffice_pdfs({docx, dir / "bao-cao.docx"}, dir / "pdf"),
                    Catch::Contains("both be converted"));
}

TEST_CASE("LibreOffice: soffice_pdf fails with soffice's output on a file that is not a DOCX",
          "[docx-tools][libreoffice]") {
  test::TempDir dir;
  // soffice itself exits 0 here and, without the DOCX filter, would import
  // the bytes as a text document.
  test::write_file(dir / "khong-phai.docx", "văn bản thường");
  CHECK_THROWS_WITH(test::soffice_pdf(dir / "khong-phai.docx", dir / "pdf"),
                    Catch::Contains("no PDF written") && Catch::Contains("--convert-to pdf"));
  CHECK_FALSE(fs::exists(dir / "pdf" / "khong-phai.pdf"));
  CHECK_THROWS_WITH(test::soffice_pdf(dir / "khong-co.docx", dir / "pdf"),
                    Catch::Contains("no such file"));
  // Too short a time: stopped, and said so.
  auto docx = pandoc_docx(dir);
  CHECK_THROWS_WITH(test::soffice_pdf(docx, dir / "pdf", 1),
                    Catch::Contains("timed out after 1 s"));
}
