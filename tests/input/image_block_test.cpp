// The `image` block: its options, SVG sizes read with librsvg, and the
// refusals (missing, outside the folder, broken or sizeless SVG, too large,
// an SVG where only a scan belongs).
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/error.hpp"
#include "input/image_probe.hpp"
#include "input/report_loader.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

std::string report(const std::string& body, const std::string& signature = "") {
  return "schema: 1\ndocument:\n  kind: BÁO CÁO\n  place: Phú Thọ\n  date: 2015-08-11\n"
         "  title: Kiểm thử\n  issuer: Đảng ủy Khối\n"
         "term: {from: 2010, to: 2015}\n"
         "sections:\n  - title: Hình ảnh\n    body:\n" +
         body + signature;
}

/// A report beside the test pictures (a function: test::data_dir() is not
/// ready while statics are initialised).
fs::path report_file() {
  return test::data_dir() / "images" / "r.yaml";
}

model::ImageBlock first_image(const std::string& body) {
  auto r = input::parse_report(report(body), report_file().string());
  REQUIRE(!r.sections.empty());
  return std::get<model::ImageBlock>(r.sections[0].body.at(0));
}

std::string error_of(const std::string& yaml, const fs::path& file = report_file()) {
  try {
    input::parse_report(yaml, file.string());
  } catch (const core::InputError& e) {
    return e.what();
  }
  return "(accepted)";
}

} // namespace

TEST_CASE("an image block reads its file, width, alignment, caption and alt text",
          "[input][image]") {
  auto b = first_image("      - image: {file: photo-4x3.png, width: \"80%\", align: right, "
                       "caption: Toàn cảnh hội nghị, alt: Hội trường tỉnh ủy}\n");
  CHECK(b.image.format == core::ImageFormat::png);
  CHECK(b.image.width_px == 800);
  CHECK(b.image.height_px == 600);
  CHECK(b.width.kind == model::ColumnWidth::Kind::percent);
  CHECK(b.width.value == 80);
  CHECK(b.align == model::ImageAlign::right);
  CHECK(b.caption == "Toàn cảnh hội nghị");
  CHECK(b.alt == "Hội trường tỉnh ủy");

  auto plain = first_image("      - image: diagram.svg\n");
  CHECK(plain.image.format == core::ImageFormat::svg);
  CHECK(plain.image.width_px == 400);
  CHECK(plain.image.height_px == 200);
  CHECK(plain.width.kind == model::ColumnWidth::Kind::automatic);
  CHECK(plain.align == model::ImageAlign::center);
  CHECK(plain.caption.empty());

  // No width or height: the viewBox gives the size.
  auto box = first_image("      - image: {file: viewbox-only.svg, width: 60mm}\n");
  CHECK(box.image.width_px == 120);
  CHECK(box.image.height_px == 90);
  CHECK(box.width.kind == model::ColumnWidth::Kind::mm);

  // The output guard and watch follow the file.
  auto r = input::parse_report(report("      - image: diagram.svg\n"), report_file().string());
  REQUIRE(r.external_files.size() == 1);
  CHECK(r.external_files[0].path == (test::data_dir() / "images" / "diagram.svg").string());
}

TEST_CASE("image files are refused with the file named and what to give instead",
          "[input][image]") {
  const std::string at = report_file().string() + ":12:16: sections[0].body[0].image";
  const fs::path dir = test::data_dir() / "images";
  CHECK(error_of(report("      - image: khong-co.png\n")) ==
        at + ": no such file " + (dir / "khong-co.png").string() +
            "; expected a path to a PNG, JPEG or SVG file, relative to the report's folder");
  CHECK(error_of(report("      - image: broken.svg\n")) ==
        at + ": " + (dir / "broken.svg").string() +
            " is not an SVG file librsvg can read (XML parse error: Error domain 1 code 73 on line "
            "3 column 1 of data: Couldn't find end of Start Tag rect line 2); expected a "
            "well-formed SVG file with a width and height or a viewBox");
  CHECK(error_of(report("      - image: no-size.svg\n")) ==
        at + ": " + (dir / "no-size.svg").string() +
            " has no size: neither a width and height in absolute units nor a viewBox; "
            "expected a well-formed SVG file with a width and height or a viewBox");
  CHECK(error_of(report("      - image: huge.svg\n")) ==
        at + ": " + (dir / "huge.svg").string() +
            " is 20000x100 pixels; expected an image of at most 10000 pixels a side and 40 "
            "megapixels");
  // Outside the report's folder without --allow-paths.
  test::TempDir other;
  CHECK(
      error_of(report("      - image: " + (dir / "diagram.svg").string() + "\n"), other / "r.yaml")
          .find("is outside the report's folder") != std::string::npos);
  // A signature is a scan: an SVG is not taken there.
  CHECK(
      error_of(report("      - Nội dung.\n",
                      "signature: {on_behalf_of: T/M CHI BỘ, role: BÍ THƯ, image: diagram.svg}\n"))
          .find("is not a PNG or JPEG file; expected a PNG file, or a baseline or progressive "
                "JPEG") != std::string::npos);
  // Bad options.
  CHECK(
      error_of(report("      - image: {file: diagram.svg, width: 120}\n")).find("without a unit") !=
      std::string::npos);
  CHECK(error_of(report("      - image: {file: diagram.svg, align: middle}\n"))
            .find("left, center, right") != std::string::npos);
  CHECK(error_of(report("      - image: {width: \"50%\"}\n")).find("file") != std::string::npos);
}

TEST_CASE("looks_like_svg takes XML after a BOM and white space only", "[input][image]") {
  CHECK(input::looks_like_svg("<svg/>"));
  CHECK(input::looks_like_svg("\xEF\xBB\xBF\n  <?xml version='1.0'?><svg/>"));
  CHECK(!input::looks_like_svg("GIF89a"));
  CHECK(!input::looks_like_svg(""));
}
