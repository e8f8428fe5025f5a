#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "input/image_probe.hpp"
#include "support/test_support.hpp"

using namespace baocao;
using baocao::core::ImageFormat;
using baocao::input::probe_image;

namespace {

std::string read_bytes(const std::string& name) {
  std::ifstream in(test::data_dir() / "images" / name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

baocao::input::ImageHeader probe(const std::string& bytes) {
  std::istringstream in(bytes);
  return probe_image(in);
}

std::string failure(const std::string& bytes) {
  try {
    probe(bytes);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "(accepted)";
}

/// The offset of the frame header's marker byte (0xC0..0xC2) in a JPEG.
size_t frame_marker(const std::string& jpeg) {
  for (size_t i = 2; i + 1 < jpeg.size(); ++i) {
    auto m = static_cast<unsigned char>(jpeg[i + 1]);
    if (static_cast<unsigned char>(jpeg[i]) == 0xFF && m >= 0xC0 && m <= 0xC2) return i + 1;
  }
  return std::string::npos;
}

} // namespace

TEST_CASE("PNG and JPEG headers give format and pixel size", "[input][image]") {
  auto png = probe(read_bytes("rgb-gradient.png"));
  CHECK(png.format == ImageFormat::png);
  for (const char* name : {"rgb-gradient.jpg", "rgb-progressive.jpg", "grey-gradient.jpg"}) {
    INFO(name);
    auto jpeg = probe(read_bytes(name));
    CHECK(jpeg.format == ImageFormat::jpeg);
    CHECK(jpeg.width == 96);
    CHECK(jpeg.height == 48);
  }
}

TEST_CASE("JPEG kinds the painters cannot embed are refused with the reason", "[input][image]") {
  CHECK(failure(read_bytes("cmyk.jpg")) == "is a CMYK JPEG");

  std::string jpeg = read_bytes("rgb-gradient.jpg");
  size_t at = frame_marker(jpeg);
  REQUIRE(at != std::string::npos);
  std::string arithmetic = jpeg;
  arithmetic[at] = static_cast<char>(0xC9);
  CHECK(failure(arithmetic) == "is a lossless, hierarchical or arithmetic-coded JPEG");
  std::string twelve_bit = jpeg;
  twelve_bit[at + 3] = 12; // marker, 2 length bytes, then the precision
  CHECK(failure(twelve_bit) == "is a 12-bit JPEG");

  CHECK(failure(jpeg.substr(0, at - 1)) == "is a damaged JPEG file (no frame header)");
  CHECK(failure("\xFF\xD8\xFF\xE0 JFIF and more") == "is a damaged JPEG file (no frame header)");
  CHECK(failure("GIF89a....") == "is not a PNG or JPEG file");
  CHECK(failure("") == "is not a PNG or JPEG file");
  CHECK(failure("\x89PNG\r\n\x1a\n short") == "is not a PNG or JPEG file");
}

TEST_CASE("a JPEG of endless empty segments is refused after a bounded walk", "[input][image]") {
  std::string jpeg = "\xFF\xD8";
  for (int i = 0; i < 5000; ++i) jpeg += std::string("\xFF\xFE\x00\x02", 4); // empty comments
  CHECK(failure(jpeg) == "is a damaged JPEG file (no frame header)");
}
