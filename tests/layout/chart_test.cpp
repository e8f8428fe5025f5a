// Charts on the display list: bar geometry against the values, colours from
// the template, Vietnamese numbers, and a chart never split across pages;
// then the PDF, whose chart text must extract.
#include <catch2/catch.hpp>

#include <algorithm>

#include "display/display_list.hpp"
#include "layout/chart.hpp"
#include "support/pdf_reader.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;

namespace {

std::string report(const std::string& body, const std::string& tmpl = "dang") {
  return "schema: 1\ntemplate: " + tmpl +
         "\ndocument:\n  kind: BÁO CÁO\n  place: Phú Thọ\n  date: 2015-08-11\n"
         "  title: Kiểm thử biểu đồ\n  issuer: Đảng ủy Khối các cơ quan tỉnh\n"
         "term: {from: 2010, to: 2015}\n"
         "figures:\n"
         "  - {id: xuat_sac, label: Hoàn thành xuất sắc nhiệm vụ, value: 14.4, unit: \"%\"}\n"
         "  - {id: tot, label: Hoàn thành tốt nhiệm vụ, value: 81.3, unit: \"%\"}\n"
         "  - {id: moi, label: Kết nạp đảng viên mới, value: 919, unit: đảng viên, target: 600}\n"
         "sections:\n  - title: Kết quả\n    body:\n" +
         body;
}

const char* kShares =
    "      - chart: {kind: shares, caption: Xếp loại đảng viên, figures: [xuat_sac, "
    "tot], rest: Các mức xếp loại khác}\n";
const char* kTarget = "      - chart: {kind: target, caption: Kết nạp, figures: [moi]}\n";
const char* kBars =
    "      - chart: {kind: bars, caption: Bồi dưỡng, categories: [Quần chúng ưu tú, "
    "Đảng viên mới, Cấp ủy viên], series: [{name: Năm 2014, values: [1721, 860.5, "
    "430.25]}, {name: Năm 2015, values: [991, 0, 1924]}]}\n";

/// Filled boxes of the given colour, in order.
std::vector<core::Rect> boxes(const display::Page& page, const core::Color& c) {
  std::vector<core::Rect> out;
  for (const auto& item : page.items) {
    const auto* b = std::get_if<display::Box>(&item);
    if (b && b->fill && b->fill_color == c) out.push_back(b->rect);
  }
  return out;
}

const display::GlyphRun* run_with(const display::Page& page, const std::string& text) {
  for (const auto& item : page.items) {
    const auto* r = std::get_if<display::GlyphRun>(&item);
    if (r && r->text == text) return r;
  }
  return nullptr;
}

} // namespace

TEST_CASE("nice steps go 1-2-5", "[layout][chart]") {
  CHECK(layout::nice_step(165.3) == Approx(50));
  CHECK(layout::nice_step(1924) == Approx(500));
  CHECK(layout::nice_step(9) == Approx(2));
  CHECK(layout::nice_step(0.7) == Approx(0.2));
  CHECK(layout::nice_step(0) == 1);
}

TEST_CASE("bars: heights in proportion to the values, on one baseline, labelled the Vietnamese way",
          "[layout][chart]") {
  auto laid = test::lay_out_yaml(report(kBars));
  const auto& page = laid->sink.pages().front();
  auto style = test::builtin_template("dang");
  auto first = boxes(page, style.chart.colors[0]);
  auto second = boxes(page, style.chart.colors[1]);
  // Three bars each, then the legend's swatch.
  REQUIRE(first.size() == 4);
  REQUIRE(second.size() == 4);
  CHECK(first[3].y > first[0].bottom());
  first.pop_back();
  second.pop_back();
  double base = first[0].bottom();
  for (const auto& r : first) CHECK(r.bottom() == Approx(base));
  for (const auto& r : second) CHECK(r.bottom() == Approx(base));
  // 1721 : 860.5 : 430.25 = 4 : 2 : 1, and 991 : 0 : 1924 on the same scale.
  CHECK(first[1].height == Approx(first[0].height / 2));
  CHECK(first[2].height == Approx(first[0].height / 4));
  CHECK(second[0].height == Approx(first[0].height * 991 / 1721));
  CHECK(second[1].height == Approx(0).margin(1e-9));
  CHECK(second[2].height == Approx(first[0].height * 1924 / 1721));
  // Axis 0..2000 in steps of 500: the 2000 tick is the plot's top.
  CHECK(second[2].height == Approx(style.chart.height * 1924 / 2000));
  // Series side by side within a group, groups left to right.
  CHECK(second[0].x > first[0].x);
  CHECK(first[1].x > second[0].x);
  for (const char* label : {"1.721", "860,5", "430,25", "991", "1.924", "2.000", "1.500", "0",
                            "Năm 2014", "Năm 2015", "Biểu đồ 1: Bồi dưỡng"}) {
    INFO(label);
    CHECK(run_with(page, label) != nullptr);
  }
  // Each value label stands just above its bar, centred on it.
  const auto* v = run_with(page, "1.721");
  REQUIRE(v != nullptr);
  CHECK(v->baseline < first[0].y);
  CHECK(v->baseline > first[0].y - 20);
  double centre = (v->glyphs.front().x + v->x_end) / 2;
  CHECK(centre == Approx(first[0].x + first[0].width / 2).margin(1.5));
}

TEST_CASE("shares: segments in proportion, adding up to the text width", "[layout][chart]") {
  auto laid = test::lay_out_yaml(report(kShares));
  const auto& page = laid->sink.pages().front();
  auto style = test::builtin_template("dang");
  auto a = boxes(page, style.chart.colors[0]);
  auto b = boxes(page, style.chart.colors[1]);
  auto rest = boxes(page, style.chart.rest_color);
  // One segment each; the legend's swatches are the small boxes after them.
  REQUIRE(a.size() == 2);
  REQUIRE(b.size() == 2);
  REQUIRE(rest.size() == 2);
  double w = page.text_area.width;
  CHECK(a[0].x == Approx(page.text_area.x));
  CHECK(a[0].width == Approx(w * 0.144));
  CHECK(b[0].x == Approx(a[0].right()));
  CHECK(b[0].width == Approx(w * 0.813));
  CHECK(rest[0].x == Approx(b[0].right()));
  CHECK(rest[0].right() == Approx(page.text_area.right()));
  CHECK(a[0].width + b[0].width + rest[0].width == Approx(w));
  CHECK(a[0].y == b[0].y);
  // The share inside its segment, and every part in the legend with its value.
  const auto* in = run_with(page, "14,4%");
  REQUIRE(in != nullptr);
  CHECK(in->glyphs.front().x > a[0].x);
  CHECK(in->x_end < a[0].right());
  CHECK(in->color == core::Color{1, 1, 1}); // white on the dark first colour
  CHECK(run_with(page, "81,3%") != nullptr);
  for (const char* label : {"Hoàn thành xuất sắc nhiệm vụ: 14,4%", "Hoàn thành tốt nhiệm vụ: 81,3%",
                            "Các mức xếp loại khác: 4,3%"}) {
    INFO(label);
    CHECK(test::page_text(page).find(label) != std::string::npos);
  }
}

TEST_CASE("target: the marker stands at the target's x on the result's scale", "[layout][chart]") {
  auto laid = test::lay_out_yaml(report(kTarget));
  const auto& page = laid->sink.pages().front();
  auto style = test::builtin_template("dang");
  auto bars = boxes(page, style.chart.colors[0]);
  REQUIRE(bars.size() == 1);
  const display::Rule* marker = nullptr;
  for (const auto& item : page.items) {
    const auto* r = std::get_if<display::Rule>(&item);
    if (r && r->width == Approx(2.5)) marker = r;
  }
  REQUIRE(marker != nullptr);
  CHECK(marker->from.x == marker->to.x);
  // 919 is the largest value, so its bar spans the scale: 600 sits at 600/919 of it.
  CHECK(marker->from.x - bars[0].x == Approx(bars[0].width * 600 / 919));
  CHECK(marker->from.y < bars[0].y);
  CHECK(marker->to.y > bars[0].bottom());
  std::string text = test::page_text(page);
  CHECK(text.find("919 đảng viên\n, vượt 53% so với chỉ tiêu") != std::string::npos);
  CHECK(text.find("600 đảng viên") != std::string::npos);
  CHECK(text.find("Kết nạp đảng viên mới") != std::string::npos);
}

TEST_CASE("chart colours come from the template", "[layout][chart]") {
  auto laid = test::lay_out_yaml(report(kBars, "hien-dai"));
  auto style = test::builtin_template("hien-dai");
  auto dang = test::builtin_template("dang");
  REQUIRE(style.chart.colors[0] != dang.chart.colors[0]);
  const auto& page = laid->sink.pages().front();
  CHECK(boxes(page, style.chart.colors[0]).size() >= 3);
  CHECK(boxes(page, style.chart.colors[1]).size() >= 3);
  CHECK(boxes(page, dang.chart.colors[0]).empty());
}

TEST_CASE("captioned charts are numbered in document order", "[layout][chart]") {
  auto laid = test::lay_out_yaml(
      report(std::string(kShares) + "      - chart: {kind: target, figures: [moi]}\n" + kBars));
  std::string all;
  for (const auto& p : laid->sink.pages()) all += test::page_text(p);
  auto one = all.find("Biểu đồ 1: Xếp loại đảng viên");
  auto two = all.find("Biểu đồ 2: Bồi dưỡng");
  CHECK(one != std::string::npos);
  CHECK(two != std::string::npos);
  CHECK(one < two);
  CHECK(all.find("Biểu đồ 3") == std::string::npos);
}

TEST_CASE("a chart never splits: it moves whole to the next page", "[layout][chart]") {
  const std::string filler =
      "      - Đảng bộ đã mở nhiều lớp bồi dưỡng lý luận chính trị cho quần chúng ưu tú và đảng "
      "viên mới, phối hợp với Trường Chính trị tỉnh mở các lớp hoàn thiện Trung cấp lý luận "
      "chính trị cho cán bộ.\n";
  auto style = test::builtin_template("dang");
  int moved = 0;
  for (int k = 1; k <= 14; ++k) {
    std::string body;
    for (int i = 0; i < k; ++i) body += filler;
    auto laid = test::lay_out_yaml(report(body + kBars));
    INFO(k << " paragraphs before the chart");
    // Every bar, the caption and the legend on one page.
    int pages_with_chart = 0;
    for (const auto& page : laid->sink.pages()) {
      bool caption = run_with(page, "Biểu đồ 1: Bồi dưỡng") != nullptr;
      size_t bars = boxes(page, style.chart.colors[0]).size();
      bool legend = run_with(page, "Năm 2015") != nullptr;
      if (!caption && bars == 0 && !legend) continue;
      ++pages_with_chart;
      CHECK(caption);
      CHECK(bars == 4); // and the legend's swatch
      CHECK(legend);
      if (page.number > 1) {
        // Moved: it starts at the top of its page, and did not fit on the one before.
        const auto* c = run_with(page, "Biểu đồ 1: Bồi dưỡng");
        if (c->baseline - c->ascent < page.text_area.y + 30) ++moved;
      }
    }
    CHECK(pages_with_chart == 1);
  }
  CHECK(moved >= 1);
}

TEST_CASE("chart text extracts from the PDF with its diacritics", "[layout][chart][pdf]") {
  test::TempDir dir;
  test::write_file(dir / "c.yaml", report(std::string(kShares) + kTarget + kBars));
  auto r = test::run_baocao("build '" + (dir / "c.yaml").string() + "' -o '" +
                            (dir / "c.pdf").string() + "'");
  REQUIRE(r.status == 0);
  auto pdf = test::read_pdf(dir / "c.pdf");
  std::string all;
  for (const auto& t : pdf.page_text) all += t + "\n";
  all = test::squash(all);
  for (const char* s : {"Biểu đồ 1: Xếp loại đảng viên",
                        "14,4%",
                        "81,3%",
                        "Hoàn thành xuất sắc nhiệm vụ: 14,4%",
                        "Hoàn thành tốt nhiệm vụ: 81,3%",
                        "Các mức xếp loại khác: 4,3%",
                        "Biểu đồ 2: Kết nạp",
                        "Kết nạp đảng viên mới",
                        "919 đảng viên, vượt 53% so với chỉ tiêu",
                        "600 đảng viên",
                        "Biểu đồ 3: Bồi dưỡng",
                        "Quần chúng ưu tú",
                        "Đảng viên mới",
                        "Cấp ủy viên",
                        "1.721",
                        "860,5",
                        "430,25",
                        "1.924",
                        "Năm 2014",
                        "Năm 2015"}) {
    INFO(s);
    CHECK(all.find(s) != std::string::npos);
  }
}

TEST_CASE("a bar chart shrinks to chart.min_height at a page's foot before it moves",
          "[layout][chart]") {
  auto style = test::builtin_template("dang");
  layout::Context ctx{style, test::bundled_fonts(), 0, 450, 700};
  model::Chart bars;
  bars.kind = model::Chart::Kind::bars;
  bars.categories = {"2021", "2022", "2023"};
  bars.series = {{"", {120, 130, 125}}};
  auto full_height = [&] {
    auto c = layout::make_chart(bars, "Biểu đồ 1: Kết nạp đảng viên");
    c->measure(ctx);
    return c->place(layout::Region{0, 450, 700, 700, true, 0}, {}).frame.size.height;
  }();
  const double give = style.chart.height - style.chart.min_height;
  REQUIRE(give > 20);
  // Room for all but 20 pt: the plot gives them up, the chart stays here.
  auto chart = layout::make_chart(bars, "Biểu đồ 1: Kết nạp đảng viên");
  chart->measure(ctx);
  CHECK(chart->first_piece() == Approx(full_height - give));
  auto here = chart->place(layout::Region{0, 450, full_height - 20, 700, false, 0}, {});
  CHECK(here.frame.size.height == Approx(full_height - 20));
  CHECK(!here.rest);
  // Less than its smallest: to the next page, whole and at full height.
  chart = layout::make_chart(bars, "Biểu đồ 1: Kết nạp đảng viên");
  chart->measure(ctx);
  auto push = chart->place(layout::Region{0, 450, full_height - give - 5, 700, false, 0}, {});
  CHECK(push.frame.items.empty());
  REQUIRE(push.rest);
  auto next = chart->place(layout::Region{0, 450, 700, 700, true, 0}, *push.rest);
  CHECK(next.frame.size.height == Approx(full_height));
  // A shares chart is bars of fixed thickness: it does not shrink.
  model::Chart shares;
  shares.kind = model::Chart::Kind::shares;
  shares.items = {{"Xuất sắc", 14.4, std::nullopt, std::nullopt}};
  auto sc = layout::make_chart(shares, "");
  sc->measure(ctx);
  double sh = sc->first_piece();
  CHECK(sc->place(layout::Region{0, 450, sh - 1, 700, false, 0}, {}).frame.items.empty());
}
