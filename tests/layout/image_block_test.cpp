// Pictures in the body on the display list: aspect ratio kept, inside the
// text area, captions numbered by the template and on the picture's page,
// shrunk at a page's foot before moving whole.
#include <catch2/catch.hpp>

#include <algorithm>

#include "display/display_list.hpp"
#include "layout/image_block.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;

namespace {

std::string report(const std::string& body, const std::string& tmpl = "dang") {
  return "schema: 1\ntemplate: " + tmpl +
         "\ndocument:\n  kind: BÁO CÁO\n  place: Phú Thọ\n  date: 2015-08-11\n"
         "  title: Kiểm thử hình ảnh\n  issuer: Đảng ủy Khối các cơ quan tỉnh\n"
         "term: {from: 2010, to: 2015}\n"
         "sections:\n  - title: Hình ảnh\n    body:\n" +
         body;
}

/// Laid out as if the report sat beside the test pictures, so it may name them.
std::unique_ptr<test::LaidOut> lay_out(const std::string& yaml) {
  return test::lay_out_yaml(yaml, (test::data_dir() / "images" / "r.yaml").string());
}

std::vector<display::Image> images(const display::Page& page) {
  std::vector<display::Image> out;
  for (const auto& item : page.items) {
    if (const auto* im = std::get_if<display::Image>(&item)) out.push_back(*im);
  }
  return out;
}

const display::GlyphRun* run_with(const display::Page& page, const std::string& text) {
  for (const auto& item : page.items) {
    const auto* r = std::get_if<display::GlyphRun>(&item);
    if (r && r->text.find(text) != std::string::npos) return r;
  }
  return nullptr;
}

const std::string kFiller =
    "      - Đảng bộ đã mở nhiều lớp bồi dưỡng lý luận chính trị cho quần chúng ưu tú và đảng "
    "viên mới, phối hợp với Trường Chính trị tỉnh mở các lớp hoàn thiện Trung cấp lý luận "
    "chính trị cho cán bộ.\n";

model::ImageBlock photo(int w, int h) {
  model::ImageBlock b;
  b.image.path = "/nowhere/photo.png";
  b.image.width_px = w;
  b.image.height_px = h;
  return b;
}

} // namespace

TEST_CASE("images keep their aspect ratio and stay inside the text area", "[layout][image]") {
  const std::string body =
      "      - image: diagram.svg\n"
      "      - image: {file: photo-4x3.png, caption: Toàn cảnh hội nghị, alt: Hội trường}\n"
      "      - image: {file: photo-4x3.png, width: 50mm, align: left}\n"
      "      - image: {file: diagram.svg, width: \"30%\", align: right}\n"
      "      - image: {file: viewbox-only.svg, width: \"100%\", caption: Rất cao}\n"
      "      - image: rgb-gradient.png\n";
  for (const char* tmpl : {"dang", "nha-nuoc", "hien-dai"}) {
    INFO(tmpl);
    auto laid = lay_out(report(body, tmpl));
    // Height over width in pixels, in order.
    const std::vector<double> ratios = {0.5, 0.75, 0.75, 0.5, 0.75, 0.5};
    std::vector<display::Image> seen;
    for (const auto& page : laid->sink.pages()) {
      for (const auto& im : images(page)) {
        const auto& a = page.text_area;
        CHECK(im.rect.x >= a.x - 1e-6);
        CHECK(im.rect.y >= a.y - 1e-6);
        CHECK(im.rect.x + im.rect.width <= a.x + a.width + 1e-6);
        CHECK(im.rect.y + im.rect.height <= a.y + a.height + 1e-6);
        seen.push_back(im);
      }
    }
    REQUIRE(seen.size() == ratios.size());
    for (size_t i = 0; i < seen.size(); ++i) {
      INFO("image " << i);
      CHECK(seen[i].rect.height / seen[i].rect.width == Approx(ratios[i]).epsilon(1e-9));
    }
    const double text_w = laid->sink.pages().front().text_area.width;
    const double left = laid->sink.pages().front().text_area.x;
    CHECK(seen[0].rect.width == Approx(300)); // 400 CSS pixels at 96 dpi
    // 800 pixels: capped at the text width (in hien-dai it stands at a page's
    // foot and gives up some of it there).
    CHECK(seen[1].rect.width <= text_w + 1e-6);
    CHECK(seen[1].rect.width >= text_w * 0.6 - 1e-6);
    if (std::string(tmpl) == "dang") CHECK(seen[1].rect.width == Approx(text_w));
    CHECK(seen[1].alt == "Hội trường"); // kept for tagged output
    CHECK(seen[2].rect.width == Approx(core::mm(50)));
    CHECK(seen[2].rect.x == Approx(left));
    CHECK(seen[3].rect.width == Approx(text_w * 0.3));
    CHECK(seen[3].rect.x + seen[3].rect.width == Approx(left + text_w));
    CHECK(seen[0].rect.x + seen[0].rect.width / 2 == Approx(left + text_w / 2));
    CHECK(seen[5].rect.width == Approx(36)); // 48 pixels: its own size, not stretched
    CHECK(seen[0].format == core::ImageFormat::svg);
    CHECK(seen[1].format == core::ImageFormat::png);
  }
}

TEST_CASE("image captions are numbered by the template, uncaptioned ones are not",
          "[layout][image]") {
  const std::string body = "      - image: {file: diagram.svg, caption: Cơ cấu đảng viên}\n"
                           "      - image: photo-4x3.png\n"
                           "      - image: {file: photo-4x3.png, caption: Hội nghị tổng kết}\n";
  auto text_of = [&](const char* tmpl) {
    auto laid = lay_out(report(body, tmpl));
    std::string all;
    for (const auto& p : laid->sink.pages()) all += test::page_text(p);
    return all;
  };
  std::string dang = text_of("dang");
  CHECK(dang.find("Hình 1: Cơ cấu đảng viên") != std::string::npos);
  CHECK(dang.find("Hình 2: Hội nghị tổng kết") != std::string::npos);
  CHECK(dang.find("Hình 3") == std::string::npos);
  std::string modern = text_of("hien-dai");
  CHECK(modern.find("Ảnh 1. Cơ cấu đảng viên") != std::string::npos);
  CHECK(modern.find("Ảnh 2. Hội nghị tổng kết") != std::string::npos);
}

TEST_CASE("the caption stays on its picture's page, below it, wherever the page breaks",
          "[layout][image]") {
  int shrunk = 0, moved = 0;
  for (int k = 4; k <= 16; ++k) {
    std::string body;
    for (int i = 0; i < k; ++i) body += kFiller;
    auto laid =
        lay_out(report(body + "      - image: {file: photo-4x3.png, caption: Toàn cảnh}\n"));
    INFO(k << " paragraphs before the picture");
    int pages_with_it = 0;
    for (const auto& page : laid->sink.pages()) {
      auto ims = images(page);
      const auto* caption = run_with(page, "Hình 1: Toàn cảnh");
      if (ims.empty() && !caption) continue;
      ++pages_with_it;
      REQUIRE(ims.size() == 1);
      REQUIRE(caption);
      // Below the picture, as the template says.
      CHECK(caption->baseline - caption->ascent >= ims[0].rect.y + ims[0].rect.height);
      const double full = page.text_area.width;
      if (ims[0].rect.width < full - 1e-6) {
        ++shrunk;
        CHECK(ims[0].rect.width >= full * 0.6 - 1e-6); // dang's image.min_scale
      }
      if (ims[0].rect.y < page.text_area.y + 30) ++moved;
    }
    CHECK(pages_with_it == 1);
  }
  CHECK(shrunk >= 1);
  CHECK(moved >= 1);
}

TEST_CASE("at a page's foot a picture shrinks down to image.min_scale, else moves whole",
          "[layout][image]") {
  auto style = test::builtin_template("dang");
  REQUIRE(style.image.min_scale == Approx(0.6));
  layout::Context ctx{style, test::bundled_fonts(), 0, 400, 700};
  auto make = [&] {
    auto e = layout::make_image(photo(800, 600), "Hình 1: Toàn cảnh");
    e->measure(ctx);
    return e;
  };
  const double full =
      make()->place(layout::Region{0, 400, 700, 700, true, 0}, {}).frame.size.height;
  auto e = make();
  const double caption = full - 300; // 400 wide, 300 high
  CHECK(caption > 0);
  CHECK(e->first_piece() == Approx(caption + 300 * 0.6));
  // 60 pt short: the picture gives them up and stays, its shape kept.
  auto here = e->place(layout::Region{0, 400, full - 60, 700, false, 0}, {});
  REQUIRE(!here.rest);
  CHECK(here.frame.size.height == Approx(full - 60));
  const auto& im = std::get<display::Image>(here.frame.items.front());
  CHECK(im.rect.height == Approx(240));
  CHECK(im.rect.width == Approx(320));
  CHECK(im.rect.x == Approx(40)); // still centred
  // Less room than its smallest: nothing here, all of it on the next page.
  e = make();
  auto push = e->place(layout::Region{0, 400, e->first_piece() - 1, 700, false, 0}, {});
  CHECK(push.frame.items.empty());
  REQUIRE(push.rest);
  auto next = e->place(layout::Region{0, 400, 700, 700, true, 0}, *push.rest);
  CHECK(next.frame.size.height == Approx(full));
  CHECK(!next.rest);
}

TEST_CASE("a picture taller than a page is made to fit one, caption included", "[layout][image]") {
  auto style = test::builtin_template("dang");
  layout::Context ctx{style, test::bundled_fonts(), 0, 400, 500};
  auto e = layout::make_image(photo(300, 3000), "Hình 1: Cột cờ");
  e->measure(ctx);
  auto p = e->place(layout::Region{0, 400, 500, 500, true, 0}, {});
  CHECK(p.frame.size.height == Approx(500));
  const auto& im = std::get<display::Image>(p.frame.items.front());
  CHECK(im.rect.height / im.rect.width == Approx(10));
  CHECK(im.rect.height < 500);
}
