// A signature scanned as JPEG, and a seal photographed as one: both painters
// embed the file's bytes as they are (DCTDecode), never re-encoded.
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
      test::read_file(test::repo_dir() / "tests" / "golden" / "headings-lists-table.yaml") +
      "signature:\n  on_behalf_of: T/M CHI BỘ\n  role: BÍ THƯ\n"
      "  name: Nguyễn Văn An\n  image: chu-ky.jpg\n  seal: dau.jpg\n";
  test::write_file(dir / "r.yaml", yaml);
  fs::copy_file(test::data_dir() / "images" / "rgb-progressive.jpg", dir / "chu-ky.jpg");
  fs::copy_file(test::data_dir() / "images" / "grey-gradient.jpg", dir / "dau.jpg");
}

/// `pdfimages -list` rows: type, width, height, colour, encoding.
std::vector<std::string> image_rows(const fs::path& pdf) {
  auto r = test::run_command("pdfimages -list " + test::q(pdf));
  REQUIRE(r.status == 0);
  std::istringstream in(r.output);
  std::string line;
  std::vector<std::string> rows;
  int n = 0;
  while (std::getline(in, line)) {
    if (n++ < 2) continue; // the heading and its rule
    std::istringstream f(line);
    std::string page, num, type, w, h, color, comp, bpc, enc;
    f >> page >> num >> type >> w >> h >> color >> comp >> bpc >> enc;
    rows.push_back(type + " " + w + "x" + h + " " + color + " " + enc);
  }
  return rows;
}

} // namespace

TEST_CASE("JPEG signature and seal are embedded unchanged by both painters", "[app][image]") {
  test::TempDir dir;
  write_report(dir);
  for (const char* flags : {"", " --backend haru", " --pdfa"}) {
    INFO(flags);
    auto pdf = dir / "r.pdf";
    auto r = test::run_baocao("build " + test::q(dir / "r.yaml") + " -o " + test::q(pdf) + flags);
    INFO(r.output);
    REQUIRE(r.status == 0);
    CHECK(image_rows(pdf) ==
          std::vector<std::string>{"image 96x48 rgb jpeg", "image 96x48 gray jpeg"});
    // pdfimages -j writes a DCT stream out as the .jpg it is: the same bytes.
    fs::remove_all(dir / "x");
    fs::create_directory(dir / "x");
    REQUIRE(
        test::run_command("pdfimages -j " + test::q(pdf) + " " + test::q(dir / "x" / "i")).status ==
        0);
    CHECK(test::read_file(dir / "x" / "i-000.jpg") == test::read_file(dir / "chu-ky.jpg"));
    CHECK(test::read_file(dir / "x" / "i-001.jpg") == test::read_file(dir / "dau.jpg"));
  }
  auto preflight = test::run_preflight(dir / "r.pdf"); // the last one, --pdfa
  INFO(preflight.output);
  CHECK(preflight.status == 0);
}

TEST_CASE("a CMYK JPEG is refused at its key with what to do", "[app][image]") {
  test::TempDir dir;
  write_report(dir);
  fs::copy_file(test::data_dir() / "images" / "cmyk.jpg", dir / "dau.jpg",
                fs::copy_options::overwrite_existing);
  auto r = test::run_baocao("build " + test::q(dir / "r.yaml") + " -o " + test::q(dir / "r.pdf"));
  CHECK(r.status == 2);
  CHECK(r.output == (dir / "r.yaml").string() +
                        ":42:9: signature.seal: " + (dir / "dau.jpg").string() +
                        " is a CMYK JPEG; expected a PNG file, or a baseline or progressive JPEG "
                        "in RGB or greyscale\n");
  CHECK_FALSE(fs::exists(dir / "r.pdf"));
}
