#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "render/haru/xmp.hpp"

using namespace baocao;
using render::haru::xmp_packet;

TEST_CASE("PDF and XMP dates name the same instant, or are absent without a date",
          "[render][pdfa]") {
  display::DocumentInfo info;
  info.year = 2015;
  info.month = 8;
  info.day = 1;
  CHECK(render::haru::pdf_date(info) == "D:20150801000000+00'00'");
  CHECK(render::haru::xmp_date(info) == "2015-08-01T00:00:00+00:00");
  info.year = 0;
  CHECK(render::haru::pdf_date(info).empty());
  CHECK(xmp_packet(info, "p").find("xmp:CreateDate") == std::string::npos);
}

TEST_CASE("UTF-16BE text strings carry Vietnamese and characters beyond the BMP",
          "[render][pdfa]") {
  using render::haru::utf16be_with_bom;
  CHECK(utf16be_with_bom("Đả") == std::string("\xFE\xFF\x01\x10\x1E\xA3", 6));
  CHECK(utf16be_with_bom("\xF0\x9F\x98\x80") == std::string("\xFE\xFF\xD8\x3D\xDE\x00", 6));
  CHECK_THROWS_AS(utf16be_with_bom("\xE1\xBA"), core::RuntimeError);
}

TEST_CASE("the XMP packet escapes markup and leaves out empty fields", "[render][pdfa]") {
  display::DocumentInfo info;
  info.title = "A & B <C>";
  auto xmp = xmp_packet(info, "baocao");
  CHECK(xmp.find(">A &amp; B &lt;C&gt;</rdf:li>") != std::string::npos);
  CHECK(xmp.find("dc:creator") == std::string::npos);
  CHECK(xmp.find("pdf:Keywords") == std::string::npos);
  CHECK(xmp.find("<pdf:Producer>baocao</pdf:Producer>") != std::string::npos);
  CHECK(xmp.rfind("<?xpacket end=\"w\"?>") == xmp.size() - 19);
}
