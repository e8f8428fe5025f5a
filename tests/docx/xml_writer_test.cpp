// The streaming XML writer: what it writes must parse back to what was given.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "docx/package_reader.hpp"
#include "docx/xml_writer.hpp"

using namespace baocao;
using docx::XmlWriter;
using test::docx_pkg::XmlPart;

TEST_CASE("XmlWriter escapes text and attributes so a parser reads back what was written",
          "[docx]") {
  const std::string nasty = "a < b && c > \"d\" 'e'";
  const std::string vietnamese = "Tiếng Việt: Đảng bộ tỉnh Phú Thọ, nhiệm kỳ 2010–2015 “ỹ ữ ặ”";
  const std::string spaced = "  hai khoảng trắng\tvà tab\nvà dòng mới  ";
  XmlWriter w;
  w.open("root");
  w.attr("plain", nasty);
  w.attr("viet", vietnamese);
  w.attr("spaced", spaced);
  w.open("t");
  w.text(nasty);
  w.close();
  w.open("t");
  w.text(vietnamese);
  w.close();
  w.open("t");
  w.text(spaced);
  w.close();
  w.close();
  std::string xml = w.take();

  XmlPart part(xml);
  CHECK(part.value("/root/@plain") == nasty);
  CHECK(part.value("/root/@viet") == vietnamese);
  CHECK(part.value("/root/@spaced") == spaced); // tab and line break kept as references
  CHECK(part.value("/root/t[1]") == nasty);
  CHECK(part.value("/root/t[2]") == vietnamese);
  CHECK(part.value("/root/t[3]") == spaced);
  // UTF-8 stays UTF-8, not character references, in text and attributes alike.
  CHECK(xml.find("Việt") != std::string::npos);
  CHECK(xml.find("viet=\"Tiếng") != std::string::npos);
}

TEST_CASE("XmlWriter writes empty elements self-closed and drops characters XML cannot hold",
          "[docx]") {
  XmlWriter w;
  w.open("w:p");
  w.leaf("w:pStyle", {{"w:val", "Heading1"}});
  w.open("w:r");
  w.text(std::string("a\x01"
                     "b\x0b"
                     "c",
                     5));
  w.close();
  w.close();
  CHECK(w.depth() == 0);
  std::string xml = w.take();
  CHECK(xml == "<w:p><w:pStyle w:val=\"Heading1\"/><w:r>abc</w:r></w:p>");
}

TEST_CASE("XmlWriter: fragments, documents, raw XML and take()", "[docx]") {
  XmlWriter inner;
  inner.leaf("w:br");
  inner.leaf("w:br");
  std::string fragment = inner.take();
  CHECK(fragment == "<w:br/><w:br/>");
  // take() leaves the writer empty and usable.
  inner.leaf("w:tab");
  CHECK(inner.take() == "<w:tab/>");

  auto doc = XmlWriter::document();
  doc.open("w:r");
  doc.attr("w:rsid", "1");
  doc.raw(fragment);
  doc.close();
  std::string xml = doc.take();
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>", 0) == 0);
  CHECK(xml.find("<w:r w:rsid=\"1\"><w:br/><w:br/></w:r>") != std::string::npos);
}

TEST_CASE("XmlWriter refuses misuse instead of writing broken XML", "[docx]") {
  XmlWriter w;
  CHECK_THROWS_AS(w.close(), core::RuntimeError);
  w.open("a");
  w.text("x");
  CHECK_THROWS_AS(w.attr("late", "1"), core::RuntimeError); // the start tag is closed
  CHECK_THROWS_AS(w.take(), core::RuntimeError);            // <a> still open
  w.close();
  CHECK(w.take() == "<a>x</a>");
}
