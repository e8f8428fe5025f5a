// Pictures in the body through every painter: an SVG stays vectors in
// Cairo's PDF and previews, and is rasterised at 300 dpi on white for libharu
// (which draws no SVG), so the PDF/A file passes Preflight.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "support/preflight.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

void write_report(const test::TempDir& dir) {
  std::string yaml =
      test::read_file(test::repo_dir() / "tests" / "golden" / "headings-lists-table.yaml");
  yaml += "  - title: Hình ảnh\n    body:\n"
          "      - image: {file: so-do.svg, caption: Sơ đồ tổ chức, alt: Sơ đồ}\n"
          "      - image: {file: anh.png, width: 60mm, caption: Hội nghị}\n";
  test::write_file(dir / "r.yaml", yaml);
  fs::copy_file(test::data_dir() / "images" / "diagram.svg", dir / "so-do.svg");
  fs::copy_file(test::data_dir() / "images" / "photo-4x3.png", dir / "anh.png");
}

struct ImageRow {
  std::string type, color;
  int width = 0, height = 0;
  double ppi = 0; ///< the resolution it is drawn at
};

/// `pdfimages -list` rows.
std::vector<ImageRow> image_rows(const fs::path& pdf) {
  auto r = test::run_command("pdfimages -list " + test::q(pdf));
  REQUIRE(r.status == 0);
  std::istringstream in(r.output);
  std::string line;
  std::vector<ImageRow> rows;
  int n = 0;
  while (std::getline(in, line)) {
    if (n++ < 2) continue; // the heading and its rule
    std::istringstream f(line);
    std::string page, num, comp, bpc, enc, interp, object, id;
    ImageRow row;
    f >> page >> num >> row.type >> row.width >> row.height >> row.color >> comp >> bpc >> enc >>
        interp >> object >> id >> row.ppi;
    rows.push_back(row);
  }
  return rows;
}

} // namespace

TEST_CASE("an SVG is drawn as vectors by Cairo and rasterised for libharu", "[app][image]") {
  test::TempDir dir;
  write_report(dir);
  // The yaml is the golden fixture's, whose last section ends the file.
  auto pdf = dir / "r.pdf";
  auto r = test::run_baocao("build " + test::q(dir / "r.yaml") + " -o " + test::q(pdf));
  INFO(r.output);
  REQUIRE(r.status == 0);
  // Only the PNG is an image: the SVG's bars are paths.
  auto rows = image_rows(pdf);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].width == 800);
  const double png_ppi = rows[0].ppi; // the photo's rect, the same for every painter
  auto text = test::run_command("pdftotext " + test::q(pdf) + " -");
  CHECK(text.output.find("Hình 1: Sơ đồ tổ chức") != std::string::npos);
  CHECK(text.output.find("Hình 2: Hội nghị") != std::string::npos);

  // The SVG (2:1) at 300 dpi for the size it is drawn at, on white (no mask).
  for (const char* flags : {" --backend haru", " --pdfa"}) {
    INFO(flags);
    r = test::run_baocao("build " + test::q(dir / "r.yaml") + " -o " + test::q(pdf) + flags);
    INFO(r.output);
    REQUIRE(r.status == 0);
    rows = image_rows(pdf);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].type == "image");
    CHECK(rows[0].color == "rgb");
    CHECK(rows[0].width == Approx(2 * rows[0].height).margin(2));
    CHECK(rows[0].ppi == Approx(300).margin(1));
    CHECK(rows[1].width == 800);
    CHECK(rows[1].ppi == Approx(png_ppi));
  }
  auto preflight = test::run_preflight(pdf); // the last one, --pdfa
  INFO(preflight.output);
  CHECK(preflight.status == 0);

  // Page previews draw it too.
  r = test::run_baocao("build " + test::q(dir / "r.yaml") + " --format svg -o " +
                       test::q(dir / "p.svg"));
  INFO(r.output);
  CHECK(r.status == 0);
}
