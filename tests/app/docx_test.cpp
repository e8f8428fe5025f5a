// `--format docx` end to end (issue 17): the examples as Word documents,
// read back as a clerk's tools read them: pandoc's text against the PDF's
// (every diacritic), python-docx's structure (heading styles and levels,
// header rows, A4 with the template's margins, pictures with alt text,
// embedded fonts), LibreOffice's PDF of it (page count, text), and the
// same bytes twice.
#include <catch2/catch.hpp>

#include <set>

#include "support/docx_tools.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

fs::path example(const std::string& name) {
  return test::repo_dir() / "examples" / name;
}

/// Builds the example's PDF and DOCX into `dir`.
void build_both(const fs::path& yaml, const fs::path& dir, const std::string& stem) {
  auto pdf = test::run_baocao("build " + test::q(yaml) + " -o " + test::q(dir / (stem + ".pdf")));
  REQUIRE(pdf.status == 0);
  auto docx = test::run_baocao("build " + test::q(yaml) + " --format docx -o " +
                               test::q(dir / (stem + ".docx")));
  INFO(docx.output);
  REQUIRE(docx.status == 0);
}

/// What the PDF shows and the DOCX leaves to Word: page numbers and the
/// "Trang 2/24" footers are fields there, and a chart's words are in its picture.
test::WordOptions compare_options() {
  test::WordOptions o;
  o.ignore_numbers = true;
  o.strip_punctuation = true;
  o.ignore = {"Trang"};
  return o;
}

/// Each distinct word once: the PDF repeats a table's header on every page
/// it covers and its footer on every page, the DOCX writes them once.
std::string distinct(const std::string& text) {
  std::set<std::string> seen;
  std::string out;
  for (const auto& w : test::words(text, compare_options()))
    if (seen.insert(w).second) out += w + ' ';
  return out;
}

/// pandoc draws tables with +---+ and | : not words.
std::string without_rules(std::string text) {
  for (char& c : text)
    if (c == '|' || c == '+') c = ' ';
  std::string out;
  for (const auto& w : test::words(text))
    if (w.find_first_not_of("-=:") != std::string::npos) out += w + ' ';
  return out;
}

const std::vector<std::string> kExamples = {"phu-tho-2010-2015", "ubnd-phuong-2016-2021",
                                            "sao-viet-2024", "son-lang-2020-2025"};

} // namespace

TEST_CASE("every word of each example's PDF is in its DOCX as pandoc reads it", "[docx][app]") {
  test::TempDir dir;
  for (const auto& name : kExamples) {
    INFO(name);
    build_both(example(name + ".yaml"), dir.path(), name);
    std::string pdf = distinct(test::pdf_text(dir.path() / (name + ".pdf")));
    std::string docx = without_rules(test::pandoc_text(dir.path() / (name + ".docx"), true));
    auto missing = test::words_missing(pdf, docx, compare_options());
    INFO(test::describe_missing(missing));
    CHECK(missing.empty());
    // And no words of its own: the DOCX says what the PDF says.
    auto extra = test::words_missing(
        distinct(without_rules(test::pandoc_text(dir.path() / (name + ".docx")))), pdf,
        compare_options());
    INFO("in the DOCX only: " << test::describe_missing(extra));
    CHECK(extra.empty());
  }
}

TEST_CASE("the DOCX has Word heading styles, marked header rows, A4 with the template's margins",
          "[docx][app]") {
  test::TempDir dir;
  build_both(example("phu-tho-2010-2015.yaml"), dir.path(), "r");
  auto d = test::inspect_docx(dir.path() / "r.docx");
  // dang: I. and 1. and a) headings, as the PDF's bookmarks have them.
  auto h1 = d.with_style("Heading 1");
  auto h2 = d.with_style("Heading 2");
  auto h3 = d.with_style("Heading 3");
  REQUIRE(!h1.empty());
  CHECK(h1.front().text == "I. ĐẶC ĐIỂM TÌNH HÌNH");
  CHECK(h1.front().outline_level == 1);
  REQUIRE(!h2.empty());
  CHECK(h2.front().text == "1. Lãnh đạo thực hiện nhiệm vụ chính trị");
  CHECK(h2.front().outline_level == 2);
  REQUIRE(!h3.empty());
  CHECK(h3.front().outline_level == 3);
  // Body text justified; lists are Word lists.
  const auto* body = d.find("Là Đảng bộ đặc thù");
  REQUIRE(body);
  CHECK(body->alignment == "both");
  CHECK(body->first_line_set);
  CHECK(body->first_line_mm > 5);
  const test::DocxParagraph* item = nullptr;
  for (const auto& p : d.paragraphs)
    if (p.text == "Đoàn thanh niên") item = &p;
  REQUIRE(item);
  CHECK(!item->numbering.empty());
  CHECK(item->number_format.find("decimal") != std::string::npos);
  // Tables: the report's tables repeat their header row and never split a row.
  int headed = 0;
  for (const auto& t : d.tables) {
    if (t.rows.empty() || !t.rows.front().header) continue;
    ++headed;
    for (const auto& r : t.rows) CHECK(r.cant_split);
  }
  CHECK(headed >= 3);
  // A4 portrait, dang's margins (20/20/30/15 mm as docs/templates.md gives them).
  REQUIRE(!d.sections.empty());
  const auto& s = d.sections.front();
  CHECK(s.orientation == "portrait");
  CHECK(s.page_width_mm == Approx(210).margin(0.2));
  CHECK(s.page_height_mm == Approx(297).margin(0.2));
  CHECK(s.top_mm == Approx(20).margin(0.2));
  CHECK(s.bottom_mm == Approx(20).margin(0.2));
  CHECK(s.left_mm == Approx(30).margin(0.2));
  CHECK(s.right_mm == Approx(15).margin(0.2));
  // The page number from page 2: a first-page header of its own, a PAGE field.
  CHECK(s.title_page);
  bool page_field = false;
  for (const auto& h : d.headers_footers)
    for (const auto& f : h.fields) page_field = page_field || f == "PAGE";
  CHECK(page_field);
  // The report's title and author in the document's properties.
  CHECK(d.title.find("BÁO CÁO") != std::string::npos);
  // Fonts travel with the file.
  REQUIRE(!d.fonts.empty());
  for (const auto& f : d.fonts) CHECK(f.sfnt);
}

TEST_CASE("charts become pictures with their words as alt text", "[docx][app]") {
  test::TempDir dir;
  build_both(example("son-lang-2020-2025.yaml"), dir.path(), "r");
  auto d = test::inspect_docx(dir.path() / "r.docx");
  REQUIRE(!d.pictures.empty());
  for (const auto& p : d.pictures) {
    CHECK(p.content_type == "image/png");
    CHECK(!p.alt.empty());
    CHECK(p.width_mm > 50);
    // 300 dpi: a picture's pixels over its width in inches.
    CHECK(p.px_width / (p.width_mm / 25.4) == Approx(300).epsilon(0.02));
  }
}

TEST_CASE("the same report gives the same DOCX bytes", "[docx][app]") {
  test::TempDir dir;
  const auto yaml = example("phu-tho-2010-2015.yaml");
  for (const char* out : {"a.docx", "b.docx"})
    REQUIRE(test::run_baocao("build " + test::q(yaml) + " --format docx -o " +
                             test::q(dir.path() / out))
                .status == 0);
  std::string a = test::read_file(dir.path() / "a.docx");
  CHECK(a.size() > 10000);
  CHECK(a == test::read_file(dir.path() / "b.docx"));
}

TEST_CASE("the long example's DOCX has its landscape appendices and pictures", "[docx][app]") {
  test::TempDir dir;
  build_both(example("dai-hoi-2025/bao-cao-chinh-tri.yaml"), dir.path(), "r");
  auto d = test::inspect_docx(dir.path() / "r.docx");
  int landscape = 0;
  for (const auto& s : d.sections) landscape += s.orientation == "landscape";
  CHECK(landscape >= 2);
  int jpegs = 0;
  for (const auto& p : d.pictures) jpegs += p.content_type == "image/jpeg";
  CHECK(jpegs == 4);
  // Left out of the DOCX (docs/docx.md): the draft box and watermark; the
  // footer, a Word footer pandoc does not print; the map's words, which the
  // DOCX has in its picture.
  test::WordOptions o = compare_options();
  for (const char* w : {"DỰ", "THẢO", "ẢO", "TH", "Dự", "thảo", "HUYỆN", "HÒA", "LÂM", "MỨC", "ĐẠT",
                        "CHUẨN", "NÔNG", "THÔN", "MỚI", "NĂM", "B", "Sông"})
    o.ignore.push_back(w);
  auto missing =
      test::words_missing(distinct(test::pdf_text(dir.path() / "r.pdf")),
                          without_rules(test::pandoc_text(dir.path() / "r.docx", true)), o);
  INFO(test::describe_missing(missing));
  CHECK(missing.empty());
}

TEST_CASE("PDF-only options are refused with --format docx and nothing is written", "[docx][app]") {
  test::TempDir dir;
  const auto yaml = example("phu-tho-2010-2015.yaml");
  for (const char* option : {"--pdfa", "--owner-password x", "--split-appendices", "--dpi 200"}) {
    INFO(option);
    auto r = test::run_baocao("build " + test::q(yaml) + " --format docx " + option + " -o " +
                              test::q(dir.path() / "r.docx"));
    CHECK(r.status == 2);
    CHECK(r.output.find("--format docx") != std::string::npos);
    CHECK(!fs::exists(dir.path() / "r.docx"));
  }
}

TEST_CASE("LibreOffice converts the examples' DOCX to PDFs of the same page count, no text lost",
          "[docx][app][libreoffice]") {
  test::TempDir dir;
  std::vector<fs::path> files;
  for (const auto& name : {"phu-tho-2010-2015", "ubnd-phuong-2016-2021", "sao-viet-2024"}) {
    build_both(example(std::string(name) + ".yaml"), dir.path(), name);
    files.push_back(dir.path() / (std::string(name) + ".docx"));
  }
  test::soffice_pdfs(files, dir.path() / "lo");
  for (const auto& f : files) {
    std::string stem = f.stem().string();
    INFO(stem);
    fs::path ours = dir.path() / (stem + ".pdf");
    fs::path theirs = dir.path() / "lo" / (stem + ".pdf");
    int a = test::pdf_pages(ours), b = test::pdf_pages(theirs);
    CHECK(std::abs(a - b) <= 1);
    // A chart's words are in its picture there (and in its alt text).
    test::WordOptions o = compare_options();
    for (const auto& p : test::inspect_docx(f).pictures)
      for (const auto& w : test::words(p.alt, o)) o.ignore.push_back(w);
    // LibreOffice 7.4 draws "76-QĐ/TƯ" in a justified line without its
    // hyphen, and breaks "Covid-19" at it: hyphens are left out on both sides.
    auto unhyphenated = [](std::string t) {
      std::erase(t, '-');
      return t;
    };
    std::string their_text = unhyphenated(test::pdf_text(theirs));
    auto missing =
        test::words_missing(distinct(unhyphenated(test::pdf_text(ours))), distinct(their_text), o);
    // A word poppler reads apart from LibreOffice's glyphs ("76" "QĐ/TƯ") is
    // still there when its letters follow one another.
    std::string squeezed = their_text;
    std::erase_if(squeezed, [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
    std::erase_if(missing,
                  [&](const std::string& w) { return squeezed.find(w) != std::string::npos; });
    INFO(test::describe_missing(missing));
    CHECK(missing.empty());
  }
}

TEST_CASE("a batch with --format docx writes a .docx for each report", "[docx][app]") {
  test::TempDir dir;
  auto r = test::run_baocao("build " + test::q(example("phu-tho-2010-2015.yaml")) + " " +
                            test::q(example("sao-viet-2024.yaml")) + " --format docx --out-dir " +
                            test::q(dir.path()));
  INFO(r.output);
  REQUIRE(r.status == 0);
  for (const char* name : {"phu-tho-2010-2015.docx", "sao-viet-2024.docx"}) {
    INFO(name);
    REQUIRE(fs::exists(dir.path() / name));
    CHECK(test::read_file(dir.path() / name).starts_with("PK\x03\x04"));
  }
  CHECK(!fs::exists(dir.path() / "phu-tho-2010-2015.pdf"));
}
