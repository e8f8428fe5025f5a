// Decree 30's marks on the display list (docs/marks.md): the urgency stamp
// and distribution mark under the number on page 1, the draft box and
// watermark on the pages asked and nowhere else.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/geometry.hpp"
#include "display/display_list.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;

namespace {

const std::string kDraftWords = "DỰ THẢO";

/// The bundled Phú Thọ example (8 pages), with `document_extra` added to its
/// document mapping and `top_extra` at its top level.
std::unique_ptr<test::LaidOut> example_with(const std::string& document_extra,
                                            const std::string& top_extra = "") {
  std::string yaml = test::read_file(test::example_path());
  if (!document_extra.empty()) {
    auto at = yaml.find("document:\n");
    REQUIRE(at != std::string::npos);
    yaml.insert(at + 10, document_extra);
  }
  yaml += "\n" + top_extra;
  return test::lay_out_yaml(yaml, test::example_path().string());
}

/// The glyph runs on the page whose text is exactly `text`.
std::vector<const display::GlyphRun*> runs_of(const display::Page& page, const std::string& text) {
  std::vector<const display::GlyphRun*> out;
  for (const auto& item : page.items) {
    if (const auto* r = std::get_if<display::GlyphRun>(&item); r && r->text == text)
      out.push_back(r);
  }
  return out;
}

/// The 1-based numbers of the pages that carry `text` as a run of its own.
std::vector<int> pages_with(const test::LaidOut& doc, const std::string& text) {
  std::vector<int> out;
  for (const auto& p : doc.sink.pages()) {
    if (!runs_of(p, text).empty()) out.push_back(p.number);
  }
  return out;
}

/// The stroked, unfilled box whose rectangle holds the run.
const display::Box* box_around(const display::Page& page, const display::GlyphRun& run) {
  for (const auto& item : page.items) {
    const auto* b = std::get_if<display::Box>(&item);
    if (!b || !b->stroke || b->fill) continue;
    const auto& r = b->rect;
    if (r.x <= run.glyphs.front().x && run.x_end <= r.right() && r.y < run.baseline &&
        run.baseline < r.bottom())
      return b;
  }
  return nullptr;
}

} // namespace

TEST_CASE("a report without draft or marks has no draft mark", "[layout][marks]") {
  auto doc = example_with("");
  REQUIRE(doc->sink.pages().size() > 3);
  CHECK(pages_with(*doc, kDraftWords).empty());
  for (const auto& p : doc->sink.pages()) {
    for (const auto& item : p.items) {
      if (const auto* r = std::get_if<display::GlyphRun>(&item)) CHECK(r->angle == 0);
    }
  }
}

TEST_CASE("draft: true marks page 1 only, in a box at the top right", "[layout][marks]") {
  auto doc = example_with("", "draft: true\n");
  REQUIRE(doc->sink.pages().size() > 3);
  CHECK(pages_with(*doc, kDraftWords) == std::vector<int>{1});
  const auto& p1 = doc->sink.pages().front();
  auto runs = runs_of(p1, kDraftWords);
  REQUIRE(runs.size() == 1);
  const auto* box = box_around(p1, *runs.front());
  REQUIRE(box);
  // In the top margin, its right edge the text's.
  CHECK(box->rect.right() == Approx(p1.text_area.right()));
  CHECK(box->rect.y == Approx(core::mm(8)));
  CHECK(box->rect.bottom() < p1.text_area.y);
  CHECK(runs.front()->angle == 0);
}

TEST_CASE("draft pages: all, a list, and the label", "[layout][marks]") {
  SECTION("all") {
    auto doc = example_with("", "draft: {pages: all}\n");
    CHECK(pages_with(*doc, kDraftWords).size() == doc->sink.pages().size());
  }
  SECTION("a list, written out of order") {
    auto doc = example_with("", "draft: {pages: [4, 2], label: DỰ THẢO LẦN 2}\n");
    CHECK(pages_with(*doc, "DỰ THẢO LẦN 2") == std::vector<int>{2, 4});
    CHECK(pages_with(*doc, kDraftWords).empty());
  }
  SECTION("draft: false is no draft") {
    auto doc = example_with("", "draft: false\n");
    CHECK(pages_with(*doc, kDraftWords).empty());
  }
}

TEST_CASE("a listed draft page past the document's end is an error, not a missing mark",
          "[layout][marks]") {
  try {
    example_with("", "draft: {pages: [2, 90]}\n");
    FAIL("no error");
  } catch (const core::InputError& e) {
    std::string what = e.what();
    CHECK_THAT(what, Catch::Contains("draft.pages: page 90 is not in the document"));
    CHECK_THAT(what, Catch::Contains("draft mark would be left out"));
  }
}

TEST_CASE("bad draft values are input errors", "[layout][marks][input]") {
  CHECK_THROWS_WITH(example_with("", "draft: {pages: [2, 2]}\n"),
                    Catch::Contains("page 2 is listed twice"));
  CHECK_THROWS_WITH(example_with("", "draft: {pages: some}\n"), Catch::Contains("draft.pages"));
  CHECK_THROWS_WITH(example_with("", "draft: {pages: [0]}\n"), Catch::Contains("draft.pages[0]"));
  CHECK_THROWS_WITH(example_with("", "draft: maybe\n"), Catch::Contains("draft"));
  CHECK_THROWS_WITH(example_with("", "draft: {watermarks: true}\n"), Catch::Contains("watermarks"));
  CHECK_THROWS_WITH(example_with("  urgency: urgent\n"), Catch::Contains("document.urgency"));
}

TEST_CASE("the watermark lies under the page, turned along its diagonal about its centre",
          "[layout][marks]") {
  auto doc = example_with("", "draft: {pages: [1, 3], watermark: true}\n");
  // The box's words and the watermark's are the same: two runs on each marked page.
  CHECK(pages_with(*doc, kDraftWords) == std::vector<int>{1, 3});
  for (const auto& p : doc->sink.pages()) {
    INFO("page " << p.number);
    std::vector<const display::GlyphRun*> turned;
    for (const auto& item : p.items) {
      if (const auto* r = std::get_if<display::GlyphRun>(&item); r && r->angle != 0)
        turned.push_back(r);
    }
    if (p.number != 1 && p.number != 3) {
      CHECK(turned.empty());
      continue;
    }
    REQUIRE(turned.size() == 1);
    const auto& w = *turned.front();
    // The first item: everything else is painted over it.
    REQUIRE(std::get_if<display::GlyphRun>(&p.items.front()) == turned.front());
    CHECK(w.text == kDraftWords);
    double diagonal = std::atan2(p.size.height, p.size.width) * 180 / std::numbers::pi;
    CHECK(w.angle == Approx(diagonal));
    CHECK(w.angle == Approx(54.74).margin(0.01)); // A4 portrait
    CHECK(w.pivot.x == Approx(p.size.width / 2));
    CHECK(w.pivot.y == Approx(p.size.height / 2));
    // Centred on the pivot before the turn: as far left of it as the run ends right.
    CHECK((w.glyphs.front().x + w.x_end) / 2 == Approx(p.size.width / 2).margin(0.5));
    CHECK(w.size > 60);
    // Light grey and opaque (colours carry no alpha).
    CHECK(w.color.r > 0.8);
    CHECK(w.color.r < 1);
  }
}

TEST_CASE("urgency stamps have the decree's sizes, under the number in the left column",
          "[layout][marks]") {
  struct Case {
    std::string word;
    std::string text;
    double width_mm;
  };
  for (const Case& c : {Case{"khan", "KHẨN", 20}, Case{"hoa_toc", "HỎA TỐC", 30},
                        Case{"thuong_khan", "THƯỢNG KHẨN", 40}}) {
    INFO(c.word);
    auto doc = example_with("  urgency: " + c.word + "\n");
    const auto& p1 = doc->sink.pages().front();
    auto runs = runs_of(p1, c.text);
    REQUIRE(runs.size() == 1);
    const auto& words = *runs.front();
    const auto* box = box_around(p1, words);
    REQUIRE(box);
    CHECK(box->rect.width == Approx(core::mm(c.width_mm)));
    CHECK(box->rect.height == Approx(core::mm(8)));
    // The words centred in the stamp, bold.
    CHECK((words.glyphs.front().x + words.x_end) / 2 == Approx(box->rect.x + box->rect.width / 2));
    CHECK(words.font_file.find("Bold") != std::string::npos);
    // Under the number, centred on the left column.
    const display::GlyphRun* number = nullptr;
    for (const auto& item : p1.items) {
      if (const auto* r = std::get_if<display::GlyphRun>(&item); r && r->text.rfind("Số", 0) == 0)
        number = r;
    }
    REQUIRE(number);
    CHECK(box->rect.y > number->baseline);
    double number_centre = (number->glyphs.front().x + number->x_end) / 2;
    CHECK(box->rect.x + box->rect.width / 2 == Approx(number_centre).margin(1));
    CHECK(pages_with(*doc, c.text) == std::vector<int>{1});
  }
}

TEST_CASE("the distribution mark follows the stamp, in bold capitals", "[layout][marks]") {
  auto doc = example_with("  urgency: hoa_toc\n  circulation: Lưu hành nội bộ\n");
  const auto& p1 = doc->sink.pages().front();
  auto stamp = runs_of(p1, "HỎA TỐC");
  auto mark = runs_of(p1, "LƯU HÀNH NỘI BỘ");
  REQUIRE(stamp.size() == 1);
  REQUIRE(mark.size() == 1);
  CHECK(mark.front()->baseline > box_around(p1, *stamp.front())->rect.bottom());
  CHECK(mark.front()->font_file.find("Bold") != std::string::npos);
  // The title block moved down to make room, so nothing overlaps.
  const display::GlyphRun* kind = nullptr;
  for (const auto& item : p1.items) {
    if (const auto* r = std::get_if<display::GlyphRun>(&item); r && r->text == "BÁO CÁO") kind = r;
  }
  REQUIRE(kind);
  CHECK(kind->baseline > mark.front()->baseline);
}
