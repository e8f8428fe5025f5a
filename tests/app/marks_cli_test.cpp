// The draft rule as a user meets it (docs/marks.md): --draft makes any
// report a draft; a draft is refused as a final form (PDF/A, signed,
// sign-ready) unless --draft is on the command line; both painters draw the
// mark where the display list puts it, as extractable text.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>

#include "support/pdf_reader.hpp"
#include "support/preflight.hpp"
#include "support/test_support.hpp"

using namespace baocao;

namespace {

const std::string kDraftWords = "DỰ THẢO";

/// The Phú Thọ example copied into `dir` with `extra` at its top level.
std::filesystem::path example_copy(const test::TempDir& dir, const std::string& extra) {
  auto yaml = dir / "report.yaml";
  test::write_file(yaml, test::read_file(test::example_path()) + "\n" + extra);
  return yaml;
}

/// The 1-based pages whose extracted text holds the draft words.
std::vector<int> draft_pages(const std::filesystem::path& pdf) {
  auto contents = test::read_pdf(pdf);
  std::vector<int> out;
  for (int i = 0; i < contents.pages; ++i) {
    if (contents.page_text[static_cast<size_t>(i)].find(kDraftWords) != std::string::npos)
      out.push_back(i + 1);
  }
  return out;
}

/// Share of pixels more than 64 grey levels apart on page `page` of two PDFs at 40 dpi.
double differing_share(const std::filesystem::path& a, const std::filesystem::path& b, int page,
                       const test::TempDir& dir) {
  auto raster = [&](const std::filesystem::path& pdf, const std::string& stem) {
    std::string cmd = "pdftoppm -r 40 -gray -singlefile -f " + std::to_string(page) + " -l " +
                      std::to_string(page) + " " + test::q(pdf) + " " + test::q(dir / stem) +
                      " 2>/dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::string data = test::read_file(dir / (stem + ".pgm"));
    int w = 0, h = 0, max = 0, used = 0;
    REQUIRE(std::sscanf(data.c_str(), "P5 %d %d %d%n", &w, &h, &max, &used) == 3);
    return data.substr(static_cast<size_t>(used) + 1);
  };
  std::string x = raster(a, "a"), y = raster(b, "b");
  REQUIRE(x.size() == y.size());
  size_t differ = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    int d = static_cast<unsigned char>(x[i]) - static_cast<unsigned char>(y[i]);
    if (d > 64 || d < -64) ++differ;
  }
  return static_cast<double>(differ) / static_cast<double>(x.size());
}

} // namespace

TEST_CASE("the --draft flag marks a report that does not say draft", "[app][marks]") {
  auto r = test::run_baocao("build " + test::q(test::example_path()) + " --dump-layout");
  REQUIRE(r.status == 0);
  CHECK(r.output.find(kDraftWords) == std::string::npos);
  r = test::run_baocao("build " + test::q(test::example_path()) + " --draft --dump-layout");
  INFO(r.output.substr(0, 2000));
  REQUIRE(r.status == 0);
  CHECK(r.output.find(kDraftWords) != std::string::npos);
  // check takes it too, and writes nothing.
  CHECK(test::run_baocao("check --draft " + test::q(test::example_path())).status == 0);
}

TEST_CASE("both painters draw the draft box and watermark on the pages asked only",
          "[app][marks][render]") {
  test::TempDir dir;
  auto yaml = example_copy(dir, "draft: {pages: [1, 3], watermark: true}\n");
  auto cairo = dir / "cairo.pdf";
  auto haru = dir / "haru.pdf";
  auto a = test::run_baocao("build " + test::q(yaml) + " -o " + test::q(cairo));
  INFO(a.output);
  REQUIRE(a.status == 0);
  auto b = test::run_baocao("build " + test::q(yaml) + " -o " + test::q(haru) + " --backend haru");
  INFO(b.output);
  REQUIRE(b.status == 0);
  CHECK(draft_pages(cairo) == std::vector<int>{1, 3});
  CHECK(draft_pages(haru) == std::vector<int>{1, 3});
  // The watermark extracts too. In content order (-raw) poppler gives text
  // turned off the page's axes a letter a line, in order; its reading-order
  // mode scatters such letters among the lines they cross.
  for (const auto& pdf : {cairo, haru}) {
    for (int page = 1; page <= 4; ++page) {
      INFO(pdf.filename() << " page " << page);
      auto r = test::run_command("pdftotext -raw -f " + std::to_string(page) + " -l " +
                                 std::to_string(page) + " " + test::q(pdf) + " -");
      REQUIRE(r.status == 0);
      bool watermark = test::squash(r.output).find("D Ự T H Ả O") != std::string::npos;
      CHECK(watermark == (page == 1 || page == 3));
    }
  }
  // The turned watermark lands in the same place in both (the limit of
  // haru_parity_test; a watermark turned the wrong way differs on ~2%).
  for (int page : {1, 2, 3}) {
    INFO("page " << page);
    CHECK(differing_share(cairo, haru, page, dir) < 0.005);
  }
}

TEST_CASE("a report's draft is refused as a final form unless --draft asks for it",
          "[app][marks][pdfa]") {
  test::TempDir dir;
  auto yaml = example_copy(dir, "draft: {watermark: true}\n");
  auto out = dir / "out.pdf";
  for (const std::string& flag : {std::string("--pdfa"), std::string("--sign-ready")}) {
    INFO(flag);
    auto r = test::run_baocao("build " + test::q(yaml) + " -o " + test::q(out) + " " + flag);
    CHECK(r.status == 2);
    CHECK_THAT(r.output, Catch::Contains("draft: the report is a draft"));
    CHECK_THAT(r.output,
               Catch::Contains("--draft to make this final form of the draft on purpose"));
    CHECK_FALSE(std::filesystem::exists(out));
  }
  // --sign is refused before the key is even opened.
  auto r = test::run_baocao("build " + test::q(yaml) + " -o " + test::q(out) +
                            " --sign --p12 /nonexistent.p12 --p12-password x");
  CHECK(r.status == 2);
  CHECK_THAT(r.output, Catch::Contains("--sign makes a signed file"));
  CHECK_FALSE(std::filesystem::exists(out));

  // Asked on purpose: a valid PDF/A with the mark, watermark and all.
  r = test::run_baocao("build " + test::q(yaml) + " -o " + test::q(out) + " --pdfa --draft");
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(draft_pages(out) == std::vector<int>{1});
  auto v = test::run_preflight(out);
  INFO(v.output);
  CHECK(v.status == 0);
  CHECK(v.output.find("is a valid PDF/A-1b file") != std::string::npos);
}

TEST_CASE("the --draft flag on a report without draft makes a PDF/A draft", "[app][marks][pdfa]") {
  test::TempDir dir;
  auto out = dir / "out.pdf";
  auto r = test::run_baocao("build " + test::q(test::example_path()) + " -o " + test::q(out) +
                            " --pdfa --draft");
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(draft_pages(out) == std::vector<int>{1});
  // Without a draft, --pdfa is unaffected.
  auto plain = dir / "plain.pdf";
  REQUIRE(test::run_baocao("build " + test::q(test::example_path()) + " -o " + test::q(plain) +
                           " --pdfa")
              .status == 0);
  CHECK(draft_pages(plain).empty());
}
