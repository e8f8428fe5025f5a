// The libharu painter against the Cairo painter, on the same display list,
// read back as a reader would: poppler's text, fonts, metadata, bookmarks,
// and the pages rasterised and compared pixel by pixel.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>

#include "support/pdf_reader.hpp"
#include "support/test_support.hpp"

using namespace baocao;

namespace {

/// Share of pixels allowed to differ between the two painters' pages at
/// 50 dpi in grey (a pixel differs when its grey levels are more than 64 of
/// 255 apart). Measured: at most 0.03% on the example; anti-aliasing of the
/// same outlines at slightly different subpixel positions is all that differs.
constexpr double kMaxDifferingShare = 0.005;

struct Gray {
  int width = 0, height = 0;
  std::string pixels;
};

/// Reads a binary PGM (P5, 8-bit) as pdftoppm writes it.
Gray read_pgm(const std::filesystem::path& file) {
  std::string data = test::read_file(file);
  Gray g;
  int maxval = 0, consumed = 0;
  REQUIRE(std::sscanf(data.c_str(), "P5 %d %d %d%n", &g.width, &g.height, &maxval, &consumed) == 3);
  REQUIRE(maxval == 255);
  g.pixels = data.substr(static_cast<size_t>(consumed) + 1);
  REQUIRE(g.pixels.size() == static_cast<size_t>(g.width) * static_cast<size_t>(g.height));
  return g;
}

Gray rasterise(const std::filesystem::path& pdf, int page, const std::filesystem::path& stem) {
  std::string cmd = "pdftoppm -r 50 -gray -singlefile -f " + std::to_string(page) + " -l " +
                    std::to_string(page) + " '" + pdf.string() + "' '" + stem.string() +
                    "' 2>/dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return read_pgm(stem.string() + ".pgm");
}

double differing_share(const Gray& a, const Gray& b) {
  REQUIRE(a.width == b.width);
  REQUIRE(a.height == b.height);
  size_t differ = 0;
  for (size_t i = 0; i < a.pixels.size(); ++i) {
    int d = static_cast<unsigned char>(a.pixels[i]) - static_cast<unsigned char>(b.pixels[i]);
    if (d > 64 || d < -64) ++differ;
  }
  return static_cast<double>(differ) / static_cast<double>(a.pixels.size());
}

void check_parity(const std::filesystem::path& input, const test::TempDir& dir) {
  auto cairo = dir / "cairo.pdf";
  auto haru = dir / "haru.pdf";
  auto a = test::run_baocao("build " + test::q(input) + " -o " + test::q(cairo));
  auto b = test::run_baocao("build " + test::q(input) + " -o " + test::q(haru) + " --backend haru");
  REQUIRE(a.status == 0);
  INFO(b.output);
  REQUIRE(b.status == 0);
  auto c = test::read_pdf(cairo);
  auto h = test::read_pdf(haru);

  REQUIRE(c.pages == h.pages);
  // libharu's own ToUnicode CMap made poppler warn on every read
  // ("Invalid 'begincidrange' operator"); the painter writes one it accepts.
  std::string warnings_file = (dir / "warnings.txt").string();
  std::string cmd = "pdftotext " + test::q(haru) + " /dev/null 2> '" + warnings_file + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  CHECK(test::read_file(warnings_file).empty());
  for (int i = 0; i < c.pages; ++i) {
    INFO("page " << i + 1);
    // Every diacritic must come back the same: compared byte for byte.
    CHECK(test::squash(h.page_text[i]) == test::squash(c.page_text[i]));
  }

  REQUIRE_FALSE(h.fonts.empty());
  for (const auto& f : h.fonts) {
    INFO(f.name);
    CHECK(f.embedded);
    CHECK(f.subset);
  }
  CHECK(h.title == c.title);
  CHECK(h.author == c.author);
  CHECK(h.subject == c.subject);
  CHECK(h.keywords == c.keywords);
  CHECK(h.creator == c.creator);
  CHECK(h.outline == c.outline);

  // One pdftoppm run a file: a 238-page report is two processes, not 476.
  auto all_pages = [&](const std::filesystem::path& pdf, const std::string& stem) {
    std::string cmd =
        "pdftoppm -r 50 -gray " + test::q(pdf) + " " + test::q(dir / stem) + " 2>/dev/null";
    REQUIRE(std::system(cmd.c_str()) == 0);
  };
  all_pages(cairo, "c");
  all_pages(haru, "h");
  int digits = static_cast<int>(std::to_string(c.pages).size());
  auto page_file = [&](const std::string& stem, int i) {
    std::string n = std::to_string(i);
    return dir / (stem + "-" +
                  std::string(static_cast<size_t>(std::max(0, digits - static_cast<int>(n.size()))),
                              '0') +
                  n + ".pgm");
  };
  double worst = 0;
  for (int i = 1; i <= c.pages; ++i) {
    double share = differing_share(read_pgm(page_file("c", i)), read_pgm(page_file("h", i)));
    INFO("page " << i << ": " << share * 100 << "% of pixels differ");
    CHECK(share < kMaxDifferingShare);
    worst = std::max(worst, share);
  }
  WARN(input.filename().string() << ": " << c.pages << " pages, worst page " << worst * 100
                                 << "% differing pixels");
}

} // namespace

TEST_CASE("the libharu PDF of the example matches Cairo's: pages, text, fonts, metadata, looks",
          "[render][haru]") {
  test::TempDir dir;
  check_parity(test::example_path(), dir);
}

TEST_CASE("the libharu PDF of the 5,000-award report matches Cairo's", "[render][haru]") {
  test::TempDir dir;
  auto yaml = dir / "large.yaml";
  std::string cmd = "bash '" + (test::repo_dir() / "examples" / "large-awards.sh").string() +
                    "' 5000 > " + test::q(yaml);
  REQUIRE(std::system(cmd.c_str()) == 0);
  check_parity(yaml, dir);
}

TEST_CASE("the libharu PDF has page labels from 1 and opens with its bookmarks shown",
          "[render][haru]") {
  test::TempDir dir;
  auto pdf = dir / "h.pdf";
  REQUIRE(test::run_baocao("build " + test::q(test::example_path()) + " -o " + test::q(pdf) +
                           " --backend haru")
              .status == 0);
  std::string bytes = test::read_file(pdf);
  // The catalog is not compressed: its entries are readable as written.
  CHECK(bytes.find("/PageMode /UseOutlines") != std::string::npos);
  CHECK(bytes.find("/PageLabels") != std::string::npos);
  CHECK(bytes.find("/S /D") != std::string::npos);
}

TEST_CASE("with --pdfa a seal's transparent parts still show the title under it",
          "[render][haru][pdfa]") {
  // PDF/A-1 forbids soft masks; the seal gets a 1-bit stencil instead. Against
  // the soft-masked page: 0.006% of pixels differ (the stencil's hard edge);
  // a seal flattened opaque onto white hid "KT." and "PHÓ" and made it 0.10%.
  test::TempDir dir;
  auto input = test::repo_dir() / "examples" / "ubnd-phuong-2016-2021.yaml";
  auto soft = dir / "soft.pdf";
  auto pdfa = dir / "pdfa.pdf";
  REQUIRE(test::run_baocao("build " + test::q(input) + " -o " + test::q(soft) + " --backend haru")
              .status == 0);
  REQUIRE(test::run_baocao("build " + test::q(input) + " -o " + test::q(pdfa) + " --pdfa").status ==
          0);
  int last = test::read_pdf(soft).pages;
  double share =
      differing_share(rasterise(soft, last, dir / "s"), rasterise(pdfa, last, dir / "a"));
  INFO(share * 100 << "% of pixels differ");
  CHECK(share < 0.0003);
}
