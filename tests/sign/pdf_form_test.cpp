// Signature fields written into a PDF and read back, and a page of another
// PDF copied in as a Form XObject, on PDFs our own painter writes.
#include <catch2/catch.hpp>

#include <sstream>

#include "display/display_list.hpp"
#include "render/cairo/cairo_painter.hpp"
#include "sign/pdf_form.hpp"
#include "sign/pdf_objects.hpp"
#include "sign/pdf_signature.hpp"
#include "sign/pdf_update.hpp"

using namespace baocao;

namespace {

/// A PDF of `pages` empty A4 pages (and a rule each), written by Cairo.
std::string cairo_pdf(int pages) {
  std::ostringstream out;
  {
    render::cairo::CairoPdfSink sink(out);
    sink.begin({});
    for (int i = 1; i <= pages; ++i) {
      display::Page page;
      page.number = i;
      page.size = {595.28, 841.89};
      page.items.push_back(display::Rule{{10, 10}, {100, 10}, 1, {}});
      sink.page(std::move(page));
    }
    sink.end();
  }
  return out.str();
}

} // namespace

TEST_CASE("references are renumbered outside strings, and dictionaries are not hex strings",
          "[sign]") {
  auto plus_100 = [](int n) { return n + 100; };
  CHECK(sign::map_refs("<< /XObject << /x6 6 0 R >> /A [1 0 R 2 0 R] >>", plus_100) ==
        "<< /XObject << /x6 106 0 R >> /A [101 0 R 102 0 R] >>");
}

TEST_CASE("empty signature fields are written on their pages and read back", "[sign]") {
  const std::string pdf = cairo_pdf(3);
  std::vector<sign::FieldPlacement> fields{{"signer", 2, {300, 500, 140, 51}},
                                           {"organisation", 2, {250, 480, 100, 100}}};
  const std::string ready = sign::add_signature_fields(pdf, "t.pdf", fields);
  CHECK(ready.compare(0, pdf.size(), pdf) == 0); // an incremental update: the old bytes stay
  auto facts = sign::inspect_pdf(ready, "t.pdf");
  REQUIRE(facts.pages.size() == 3);
  CHECK(facts.pages[0].height == Approx(841.89));
  CHECK_FALSE(facts.pdfa);
  REQUIRE(facts.fields.size() == 2);
  CHECK(facts.fields[0].name == "signer");
  CHECK(facts.fields[0].page == 2);
  CHECK(facts.fields[0].rect.x == Approx(300));
  CHECK(facts.fields[0].rect.y == Approx(500).margin(0.01));
  CHECK(facts.fields[0].rect.width == Approx(140));
  CHECK(facts.fields[0].rect.height == Approx(51).margin(0.01));
  CHECK_FALSE(facts.fields[0].is_signed);
  CHECK(facts.fields[1].name == "organisation");

  // Which field a signature goes to.
  sign::SignOptions o;
  CHECK(sign::field_to_sign(facts, o, "t.pdf")->name == "signer");
  o.field = "organisation";
  CHECK(sign::field_to_sign(facts, o, "t.pdf")->name == "organisation");
  o.field = "chairman";
  CHECK_THROWS_WITH(sign::field_to_sign(facts, o, "t.pdf"),
                    Catch::Contains("no signature field named chairman") &&
                        Catch::Contains("signer, organisation"));
}

TEST_CASE("a page of another PDF becomes a Form XObject with its resources copied", "[sign]") {
  const std::string target = cairo_pdf(1);
  sign::PdfFile pdf = sign::read_pdf(target, "t.pdf");
  sign::PdfUpdate update(pdf);
  const int form = sign::import_page(update, cairo_pdf(1));
  auto written = update.write();
  sign::PdfFile after = sign::read_pdf(written.bytes, "t.pdf");
  const std::string dict = sign::object_text(after, form, "t.pdf");
  CHECK(sign::dict_get(dict, "/Subtype") == "/Form");
  CHECK(sign::dict_get(dict, "/BBox") == "[0 0 595.28 841.89]");
  // Its content is the page's own stream, whole.
  const std::string data = sign::stream_data(after, form, "t.pdf");
  CHECK(std::to_string(data.size()) == *sign::dict_get(dict, "/Length"));
  // Every reference in what was copied points at an object of the new file.
  for (const auto& [n, offset] : written.offsets) {
    std::string text = sign::object_text(after, n, "t.pdf");
    sign::map_refs(text, [&](int r) {
      CHECK(after.offsets.count(r) == 1);
      return r;
    });
  }
}
