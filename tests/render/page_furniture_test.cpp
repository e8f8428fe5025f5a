// Both painters with what long reports need (issue 16): a landscape page
// among portrait ones, page labels, and contents links to later pages. The
// pages are made by hand: layout does not produce them yet.
#include <catch2/catch.hpp>

#include <cairo.h>
#include <cmath>

#include "core/c_handle.hpp"
#include "render/cairo/cairo_painter.hpp"
#include "render/cairo/cairo_raster.hpp"
#include "render/haru/haru_painter.hpp"
#include "support/page_samples.hpp"
#include "support/pdf_links.hpp"
#include "support/preflight.hpp"
#include "support/test_support.hpp"

using namespace baocao;

namespace {

using Surface = core::CHandle<cairo_surface_t, cairo_surface_destroy>;

void paint(display::Sink& sink, std::vector<display::Page> pages) {
  sink.begin(test::sample_info());
  for (auto& p : pages) sink.page(std::move(p));
  sink.end();
}

void paint_cairo(const std::filesystem::path& out, std::vector<display::Page> pages) {
  render::cairo::CairoPdfSink sink(out);
  paint(sink, std::move(pages));
}

void paint_haru(const std::filesystem::path& out, std::vector<display::Page> pages,
                bool pdfa = false) {
  render::haru::HaruOptions options;
  options.pdfa = pdfa;
  render::haru::HaruPdfSink sink(out, options);
  paint(sink, std::move(pages));
}

/// Paints the pages with the painter GENERATE chose: "cairo", "haru" or "pdfa".
void paint_with(const std::string& painter, const std::filesystem::path& out,
                std::vector<display::Page> pages) {
  if (painter == "cairo")
    paint_cairo(out, std::move(pages));
  else
    paint_haru(out, std::move(pages), painter == "pdfa");
}

/// The grey level (0 black, 255 white) at (x, y) of a PNG.
int grey_at(const std::filesystem::path& png, int x, int y) {
  Surface s(cairo_image_surface_create_from_png(png.c_str()));
  REQUIRE(cairo_surface_status(s.get()) == CAIRO_STATUS_SUCCESS);
  REQUIRE(x < cairo_image_surface_get_width(s.get()));
  REQUIRE(y < cairo_image_surface_get_height(s.get()));
  const unsigned char* data = cairo_image_surface_get_data(s.get());
  int stride = cairo_image_surface_get_stride(s.get());
  uint32_t pixel = *reinterpret_cast<const uint32_t*>(data + y * stride + x * 4);
  return static_cast<int>((pixel >> 8) & 0xff); // green
}

std::pair<int, int> png_size(const std::filesystem::path& png) {
  Surface s(cairo_image_surface_create_from_png(png.c_str()));
  REQUIRE(cairo_surface_status(s.get()) == CAIRO_STATUS_SUCCESS);
  return {cairo_image_surface_get_width(s.get()), cairo_image_surface_get_height(s.get())};
}

} // namespace

TEST_CASE("a landscape page among portrait ones gets a landscape MediaBox and no rotation",
          "[render][pages]") {
  test::TempDir dir;
  auto painter = GENERATE(std::string("cairo"), std::string("haru"));
  INFO(painter);
  auto file = dir / (painter + ".pdf");
  paint_with(painter, file, test::sample_pages());
  auto boxes = test::page_boxes(file);
  REQUIRE(boxes.size() == 4);
  for (int i : {0, 2, 3}) {
    CHECK(boxes[i].width == Approx(595.28).margin(0.01));
    CHECK(boxes[i].height == Approx(841.89).margin(0.01));
  }
  CHECK(boxes[1].width == Approx(841.89).margin(0.01));
  CHECK(boxes[1].height == Approx(595.28).margin(0.01));
  for (const auto& b : boxes) CHECK(b.rotate == 0);

  // The landscape page's black box is drawn at its top left, measured from
  // that page's own top (libharu turns y up with each page's height).
  auto r = test::run_command("pdftoppm -png -r 72 -f 2 -l 2 -singlefile " + test::q(file) + " " +
                             test::q(dir / "p2"));
  REQUIRE(r.status == 0);
  auto [w, h] = png_size(dir / "p2.png");
  CHECK(std::abs(w - 842) <= 1);
  CHECK(std::abs(h - 595) <= 1);
  CHECK(grey_at(dir / "p2.png", 70, 60) < 50);        // inside the box at (50, 40)
  CHECK(grey_at(dir / "p2.png", 70, 595 - 60) > 200); // not flipped to the foot
}

TEST_CASE("page labels: the report 1, 2 and the appendix PL I-1, PL I-2", "[render][pages]") {
  test::TempDir dir;
  auto painter = GENERATE(std::string("cairo"), std::string("haru"), std::string("pdfa"));
  INFO(painter);
  auto file = dir / (painter + ".pdf");
  paint_with(painter, file, test::sample_pages());
  CHECK(test::page_labels(file) == std::vector<std::string>{"1", "2", "PL I-1", "PL I-2"});
  // Cairo's labels are completed by editing its last objects: the file stays sound.
  auto info = test::run_command("pdfinfo " + test::q(file));
  CHECK(info.status == 0);
  CHECK(info.output.find("rror") == std::string::npos);
}

TEST_CASE("page labels: a label in any script, a prefix alone and unlabelled pages",
          "[render][pages]") {
  test::TempDir dir;
  auto painter = GENERATE(std::string("cairo"), std::string("haru"));
  INFO(painter);
  auto pages = test::sample_pages();
  pages[0].label = {"Bìa", 0}; // a prefix alone
  pages[2].label = {"Phụ lục I-", 1};
  pages[3].label = {"Phụ lục I-", 3}; // does not follow on: a range of its own
  auto file = dir / (painter + ".pdf");
  paint_with(painter, file, pages);
  CHECK(test::page_labels(file) ==
        std::vector<std::string>{"Bìa", "2", "Phụ lục I-1", "Phụ lục I-3"});

  // Without labels (as layout gave before issue 16): 1, 2, 3, 4, as before.
  for (auto& p : pages) p.label = {};
  paint_with(painter, file, pages);
  CHECK(test::page_labels(file) == std::vector<std::string>{"1", "2", "3", "4"});
}

TEST_CASE("a contents link goes to a later page, at the heading's height on that page",
          "[render][pages]") {
  test::TempDir dir;
  auto painter = GENERATE(std::string("cairo"), std::string("haru"), std::string("pdfa"));
  INFO(painter);
  auto file = dir / (painter + ".pdf");
  paint_with(painter, file, test::sample_pages());
  auto links = test::internal_links(file);
  // sample_pages: page 1 links to page 2 (landscape) at y 100 and to page 3
  // at y 50; page 3 to itself at y 400; page 4 back to page 3 at y 200.
  REQUIRE(links.size() == 4);
  CHECK(links[0].from == 1);
  CHECK(links[0].to == 2);
  CHECK(links[0].top == Approx(595.28 - 100).margin(0.01)); // the landscape page's height
  CHECK(links[1].from == 1);
  CHECK(links[1].to == 3);
  CHECK(links[1].top == Approx(841.89 - 50).margin(0.01));
  CHECK(links[2].from == 3);
  CHECK(links[2].to == 3);
  CHECK(links[2].top == Approx(841.89 - 400).margin(0.01));
  CHECK(links[3].from == 4);
  CHECK(links[3].to == 3);
  CHECK(links[3].top == Approx(841.89 - 200).margin(0.01));
  if (painter != "cairo")
    for (const auto& l : links) CHECK(l.print);
}

TEST_CASE("Preflight finds a libharu PDF/A with links, labels and a landscape page valid",
          "[render][pages][pdfa]") {
  test::TempDir dir;
  paint_haru(dir / "a.pdf", test::sample_pages(), true);
  auto r = test::run_preflight(dir / "a.pdf");
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(r.output.find("is a valid PDF/A-1b file") != std::string::npos);
}

TEST_CASE("a link to a page the document lacks is an error, not a broken file", "[render][pages]") {
  test::TempDir dir;
  auto pages = test::sample_pages();
  pages.pop_back(); // page 4 gone, and with it nothing links to page 5 yet
  std::get<display::Link>(pages[0].items[1]).page = 9;
  render::haru::HaruPdfSink sink(dir / "a.pdf", {});
  sink.begin(test::sample_info());
  for (auto& p : pages) sink.page(std::move(p));
  CHECK_THROWS_WITH(sink.end(), Catch::Contains("page 9"));
}

TEST_CASE("page previews of a landscape page among portrait ones", "[render][pages]") {
  test::TempDir dir;
  render::cairo::CairoPreviewSink sink(render::cairo::PreviewFormat::png, 72, [&](int page) {
    return dir / ("p" + std::to_string(page) + ".png");
  });
  paint(sink, test::sample_pages());
  // 595.28 x 841.89 points at 72 dpi, rounded.
  CHECK(png_size(dir / "p1.png") == std::pair<int, int>{595, 842});
  CHECK(png_size(dir / "p2.png") == std::pair<int, int>{842, 595});
  CHECK(grey_at(dir / "p2.png", 70, 60) < 50);
  CHECK(png_size(dir / "p3.png") == std::pair<int, int>{595, 842});
}
