// How the libharu painter turns glyph runs into TextOut strings.
#include <catch2/catch.hpp>

#include "input/report_loader.hpp"
#include "layout/document.hpp"
#include "render/haru/haru_painter.hpp"
#include "support/pdf_reader.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;

TEST_CASE("clusters join into few TextOut strings, yet the text reads back whole",
          "[render][haru]") {
  test::TempDir dir;
  auto report = input::load_report(test::example_path());
  auto style = test::builtin_template(report.template_name.empty() ? "dang" : report.template_name);
  display::CollectingSink pages;
  layout::lay_out(report, style, test::bundled_fonts(), pages);
  long clusters = 0, runs = 0;
  for (const auto& p : pages.pages())
    for (const auto& item : p.items)
      if (const auto* r = std::get_if<display::GlyphRun>(&item)) {
        ++runs;
        clusters += static_cast<long>(r->clusters.size());
      }

  render::haru::HaruPdfSink sink(dir / "h.pdf", {});
  sink.begin(pages.info());
  for (auto p : pages.pages()) sink.page(std::move(p));
  sink.end();
  long outs = sink.text_outs();
  WARN(outs << " TextOut calls for " << runs << " runs and " << clusters << " clusters on "
            << pages.pages().size() << " pages (" << outs / static_cast<long>(pages.pages().size())
            << " a page)");
  // Each run needs one at least. Justified lines stretch every space, so a
  // word is about the longest string possible: measured 4297 for 14550
  // clusters, close to the example's word count.
  CHECK(outs >= runs);
  CHECK(outs * 3 < clusters);

  auto pdf = test::read_pdf(dir / "h.pdf");
  REQUIRE(pdf.pages == static_cast<int>(pages.pages().size()));
  CHECK(test::squash(pdf.page_text[0]).find("Phú Thọ, ngày 11 tháng 8 năm 2015") !=
        std::string::npos);
}
