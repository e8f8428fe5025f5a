// The PDF reading the signer needs: dictionaries, arrays, references.
#include <catch2/catch.hpp>

#include "core/error.hpp"
#include "sign/pdf_objects.hpp"

using namespace baocao;

TEST_CASE("dictionary values are read whole, nested or not", "[sign]") {
  const std::string d = "<< /Type /Catalog /Pages 2 0 R /Names << /Dests 5 0 R >> "
                        "/OpenAction [3 0 R /XYZ null null 0] /Lang (vi\\)x) /Count 12 >>";
  CHECK(sign::dict_get(d, "/Type") == "/Catalog");
  CHECK(sign::dict_get(d, "/Pages") == "2 0 R");
  CHECK(sign::dict_get(d, "/Names") == "<< /Dests 5 0 R >>");
  CHECK(sign::dict_get(d, "/OpenAction") == "[3 0 R /XYZ null null 0]");
  CHECK(sign::dict_get(d, "/Lang") == "(vi\\)x)");
  CHECK(sign::dict_get(d, "/Count") == "12");
  CHECK_FALSE(sign::dict_get(d, "/Dests")); // only top-level keys
  CHECK(sign::ref_number("2 0 R") == 2);
  CHECK(sign::ref_number("12") == 0);
  auto items = sign::array_items("[3 0 R /XYZ null null 0]");
  REQUIRE(items.size() == 5);
  CHECK(items[0] == "3 0 R");
  CHECK(items[4] == "0");
}

TEST_CASE("a dictionary value is replaced in place or added", "[sign]") {
  const std::string d = "<< /Type /Page /Annots [4 0 R] /Parent 2 0 R >>";
  auto replaced = sign::dict_set(d, "/Annots", "[4 0 R 9 0 R]");
  CHECK(replaced == "<< /Type /Page /Annots [4 0 R 9 0 R] /Parent 2 0 R >>");
  auto added = sign::dict_set("<< /Type /Catalog >>", "/AcroForm", "7 0 R");
  CHECK(sign::dict_get(added, "/AcroForm") == "7 0 R");
  CHECK(sign::dict_get(added, "/Type") == "/Catalog");
}

TEST_CASE("text strings are UTF-16BE with a byte-order mark", "[sign]") {
  CHECK(sign::text_string("Tân") == "<FEFF005400E2006E>");
  CHECK(sign::text_string("𝐀") == "<FEFFD835DC00>");
}

TEST_CASE("what is not a PDF with a cross-reference table is refused with its reason", "[sign]") {
  auto message = [](const std::string& bytes) {
    try {
      sign::read_pdf(bytes, "x.pdf");
    } catch (const core::InputError& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK(message("hello").find("not a PDF") != std::string::npos);
  CHECK(message("%PDF-1.5\n1 0 obj << >> endobj\n").find("no startxref") != std::string::npos);
  CHECK(message("%PDF-1.5\nstartxref\n99999\n%%EOF\n").find("outside the file") !=
        std::string::npos);
  CHECK(message("%PDF-1.5\n1 0 obj <</Type/XRef>> endobj\nstartxref\n9\n%%EOF\n")
            .find("no cross-reference table") != std::string::npos);
}

TEST_CASE("hostile nesting and looping cross-reference sections are read within a bound",
          "[sign]") {
  // A million '[': skip_value recursed once for each, past the stack's end.
  const std::string deep(1000000, '[');
  CHECK(sign::dict_get("<< /A " + deep + " >>", "/A").has_value());
  CHECK(sign::array_items(deep).size() == 1);
  CHECK(sign::dict_get("<< /B 1 /A " + deep + " >>", "/B") == "1");
  std::string pdf = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\nxref\n0 2\n"
                    "0000000000 65535 f \n0000000009 00000 n \n";
  pdf += "trailer\n<< /Size 2 /Root 1 0 R /X " + deep + " >>\nstartxref\n45\n%%EOF\n";
  CHECK(sign::read_pdf(pdf, "x.pdf").size == 2);

  // A table whose trailer's /Prev points back at itself: read again and again, a
  // table of 600,000 entries was seconds of work before the loop was refused.
  pdf = "%PDF-1.7\nxref\n0 1000\n";
  for (int i = 0; i < 1000; ++i) pdf += "0000000000 65535 f \n";
  pdf += "trailer\n<< /Size 1000 /Root 1 0 R /Prev 9 >>\nstartxref\n9\n%%EOF\n";
  try {
    sign::read_pdf(pdf, "x.pdf");
    FAIL("accepted");
  } catch (const core::InputError& e) {
    CHECK(std::string(e.what()).find("loops back") != std::string::npos);
  }
  // A table that claims more entries than any file should need is refused before it is read.
  pdf = "%PDF-1.7\nxref\n0 20000000\n0000000000 65535 f \ntrailer\n<< /Size 2 >>\n"
        "startxref\n9\n%%EOF\n";
  try {
    sign::read_pdf(pdf, "x.pdf");
    FAIL("accepted");
  } catch (const core::InputError& e) {
    CHECK(std::string(e.what()).find("a damaged cross-reference table") != std::string::npos);
  }
}
