// A long report end to end (issue 16): the contents' links, the page labels
// and the landscape pages as they are in the PDF from each painter, and
// --split-appendices on a laid-out report.
#include <catch2/catch.hpp>

#include <map>

#include "support/pdf_links.hpp"
#include "support/preflight.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

const fs::path kLong = fs::path(BAOCAO_TEST_DATA_DIR) / "input" / "long" / "appendices.yaml";

void check_long_pdf(const fs::path& pdf) {
  auto boxes = test::page_boxes(pdf);
  auto labels = test::page_labels(pdf);
  REQUIRE(boxes.size() == labels.size());
  REQUIRE(boxes.size() == 9);
  // Page 1 (masthead and contents) to the appendices: labels as printed.
  std::vector<std::string> expected = {"1",       "2",        "3",        "4",       "PL I-1",
                                       "PL II-1", "PL III-1", "PL III-2", "PL III-3"};
  CHECK(labels == expected);
  // Landscape: the body's table (page 3), appendix II, appendix III's table page.
  for (size_t i = 0; i < boxes.size(); ++i) {
    bool wide = i == 2 || i == 5 || i == 7;
    INFO("page " << i + 1);
    CHECK(boxes[i].rotate == 0);
    CHECK((boxes[i].width > boxes[i].height) == wide);
    CHECK(std::max(boxes[i].width, boxes[i].height) == Approx(841.89).margin(0.01));
  }
  // The contents' links, all on page 1, go to the pages its lines name.
  auto links = test::internal_links(pdf);
  std::map<int, int> to_count;
  for (const auto& l : links) {
    CHECK(l.from == 1);
    ++to_count[l.to];
  }
  CHECK(links.size() == 9);
  std::map<int, int> expected_to = {{2, 3}, {3, 1}, {4, 1}, {5, 1}, {6, 2}, {7, 1}};
  CHECK(to_count == expected_to);
}

} // namespace

TEST_CASE("a long report's PDF: labels, landscape pages and contents links, from Cairo",
          "[long][pages]") {
  test::TempDir dir;
  auto r = test::run_baocao("build " + test::q(kLong) + " -o " + test::q(dir.path() / "a.pdf"));
  REQUIRE(r.status == 0);
  check_long_pdf(dir.path() / "a.pdf");
}

TEST_CASE("a long report's PDF/A: the same labels, pages and links, and it passes Preflight",
          "[long][pages][pdfa]") {
  test::TempDir dir;
  auto r =
      test::run_baocao("build " + test::q(kLong) + " --pdfa -o " + test::q(dir.path() / "a.pdf"));
  REQUIRE(r.status == 0);
  check_long_pdf(dir.path() / "a.pdf");
  auto verdict = test::run_preflight(dir.path() / "a.pdf");
  INFO(verdict.output);
  CHECK(verdict.status == 0);
}

TEST_CASE("split appendices of a laid-out report: one file per appendix, labels kept",
          "[long][split]") {
  test::TempDir dir;
  auto r = test::run_baocao("build " + test::q(kLong) + " --split-appendices -o " +
                            test::q(dir.path() / "bao-cao.pdf"));
  REQUIRE(r.status == 0);
  CHECK(test::page_labels(dir.path() / "bao-cao.pdf") ==
        std::vector<std::string>{"1", "2", "3", "4"});
  CHECK(test::page_labels(dir.path() / "bao-cao-phu-luc-I.pdf") ==
        std::vector<std::string>{"PL I-1"});
  CHECK(test::page_labels(dir.path() / "bao-cao-phu-luc-II.pdf") ==
        std::vector<std::string>{"PL II-1"});
  CHECK(test::page_labels(dir.path() / "bao-cao-phu-luc-III.pdf") ==
        std::vector<std::string>{"PL III-1", "PL III-2", "PL III-3"});
  // The report keeps the contents' links into its own pages; those into the
  // appendices' files are dropped.
  auto links = test::internal_links(dir.path() / "bao-cao.pdf");
  CHECK(links.size() == 5);
  for (const auto& l : links) CHECK((l.to >= 2 && l.to <= 4));
  auto text =
      test::run_command("pdftotext " + test::q(dir.path() / "bao-cao-phu-luc-II.pdf") + " -");
  CHECK(text.output.find("PHỤ LỤC II") != std::string::npos);
  CHECK(text.output.find("1.010") != std::string::npos);
}

TEST_CASE("the bundled long example: contents, pictures, appendices from CSV and XLSX, draft",
          "[long][example]") {
  test::TempDir dir;
  const fs::path example =
      test::repo_dir() / "examples" / "dai-hoi-2025" / "bao-cao-chinh-tri.yaml";
  const fs::path pdf = dir.path() / "chinh-tri.pdf";
  auto r = test::run_baocao("build " + test::q(example) + " -o " + test::q(pdf));
  REQUIRE(r.status == 0);
  auto labels = test::page_labels(pdf);
  REQUIRE(labels.size() >= 25);
  REQUIRE(labels.size() <= 35);
  // The body's pages, then three appendices numbering their own.
  for (const char* first : {"PL I-1", "PL II-1", "PL III-1"})
    CHECK(std::find(labels.begin(), labels.end(), first) != labels.end());
  // Appendices II and III are landscape; the body is portrait.
  auto boxes = test::page_boxes(pdf);
  for (size_t i = 0; i < boxes.size(); ++i) {
    bool appendix_2_or_3 = labels[i].rfind("PL II-", 0) == 0 || labels[i].rfind("PL III-", 0) == 0;
    INFO(labels[i]);
    CHECK((boxes[i].width > boxes[i].height) == appendix_2_or_3);
  }
  // Every contents line links to a page, from page 1.
  auto links = test::internal_links(pdf);
  CHECK(links.size() == 20); // a link for each of the contents page's 20 lines (depth 2)
  for (const auto& l : links) {
    CHECK(l.from == 1);
    CHECK(l.to >= 2);
  }
  // The draft mark on page 1 only (pages: first).
  for (size_t i = 1; i <= labels.size(); ++i) {
    auto t = test::run_command("pdftotext -raw -f " + std::to_string(i) + " -l " +
                               std::to_string(i) + " " + test::q(pdf) + " -");
    INFO("page " << i);
    CHECK((t.output.find("DỰ THẢO") != std::string::npos) == (i == 1));
  }
  // The pictures: four photos embedded as JPEG; the SVG diagram is drawn as vectors.
  auto images = test::run_command("pdfimages -list " + test::q(pdf));
  size_t jpegs = 0;
  for (size_t at = images.output.find(" jpeg "); at != std::string::npos;
       at = images.output.find(" jpeg ", at + 1))
    ++jpegs;
  CHECK(jpegs == 4);
  // Values from the CSV (Appendix II) and the XLSX's total row (Appendix III), written the
  // Vietnamese way.
  auto text = test::run_command("pdftotext " + test::q(pdf) + " -").output;
  CHECK(text.find("15.380") != std::string::npos);
  CHECK(text.find("828.180") != std::string::npos);
  CHECK(text.find("Hình 1: ") != std::string::npos);
  // Page X of Y from its template (mau-dai-hoi.yaml): the report's 24 pages, then each appendix's.
  CHECK(text.find("Trang 2/24") != std::string::npos);
  CHECK(text.find("Trang 3/3") != std::string::npos);
}
