// Page-1 and closing geometry of the official templates, measured on the
// display list (official-format.md's tables, rule by rule).
#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>

#include "display/display_list.hpp"
#include "input/report_loader.hpp"
#include "input/template_loader.hpp"
#include "layout/document.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;

namespace {

const test::LaidOut& laid(const std::string& example) {
  static std::map<std::string, std::unique_ptr<test::LaidOut>> cache;
  auto& slot = cache[example];
  if (!slot) {
    auto path = test::repo_dir() / "examples" / example;
    slot = test::lay_out_yaml(test::read_file(path), path.string());
  }
  return *slot;
}

/// The first glyph run on the page whose text starts with `prefix`.
const display::GlyphRun& run(const display::Page& page, const std::string& prefix) {
  for (const auto& item : page.items) {
    if (const auto* r = std::get_if<display::GlyphRun>(&item); r && r->text.rfind(prefix, 0) == 0)
      return *r;
  }
  FAIL("no run starting with \"" << prefix << "\" on page " << page.number);
  throw std::logic_error("unreachable");
}

bool bold(const display::GlyphRun& r) {
  return r.font_file.find("Bold") != std::string::npos;
}
bool italic(const display::GlyphRun& r) {
  return r.font_file.find("Italic") != std::string::npos;
}
double left_edge(const display::GlyphRun& r) {
  return r.glyphs.front().x;
}
double centre(const display::GlyphRun& r) {
  return (r.glyphs.front().x + r.x_end) / 2;
}

/// The horizontal rule closest below a baseline, within 8 pt.
const display::Rule* rule_below(const display::Page& page, double baseline) {
  const display::Rule* best = nullptr;
  for (const auto& item : page.items) {
    const auto* r = std::get_if<display::Rule>(&item);
    if (!r || r->from.y != r->to.y || r->from.y <= baseline || r->from.y > baseline + 8) continue;
    if (!best || r->from.y < best->from.y) best = r;
  }
  return best;
}

struct Expect {
  std::string example;
  std::string motto; // the right column's title
  double motto_size;
  std::string ruled;  // the right-column line that has the rule
  std::string issuer; // start of a line of the issuing body
  std::string number; // "Số 125-BC/ĐUK" / "Số: 05/BC-UBND"
  double number_size;
  std::string date;
  double kind_size;
  std::string on_behalf;
  std::string recipients_label;
};

void check_template(const Expect& e) {
  const auto& pages = laid(e.example).sink.pages();
  REQUIRE(pages.size() >= 2);
  const auto& p1 = pages.front();
  const auto& area = p1.text_area;
  double split = area.x + area.width * 0.38; // left column ends near 40 %

  // Page and margins: A4, 20/20/30/15 mm.
  CHECK(p1.size.width == Approx(core::mm(210)).margin(0.01));
  CHECK(p1.size.height == Approx(core::mm(297)).margin(0.01));
  CHECK(area.x == Approx(core::mm(30)));
  CHECK(area.y == Approx(core::mm(20)));
  CHECK(p1.size.width - area.right() == Approx(core::mm(15)));
  CHECK(p1.size.height - area.bottom() == Approx(core::mm(20)));

  // The national or Party title: right column, bold, its size; a rule under
  // the ruled line exactly as long as that line.
  const auto& motto = run(p1, e.motto);
  CHECK(bold(motto));
  CHECK(motto.size == Approx(e.motto_size));
  CHECK(left_edge(motto) > split);
  const auto& ruled = run(p1, e.ruled);
  const auto* rule = rule_below(p1, ruled.baseline);
  REQUIRE(rule);
  CHECK(rule->from.x == Approx(left_edge(ruled)).margin(0.01));
  CHECK(rule->to.x == Approx(ruled.x_end).margin(0.01));

  // The issuing body: left column, bold capitals.
  const auto& issuer = run(p1, e.issuer);
  CHECK(bold(issuer));
  CHECK(issuer.x_end < area.x + area.width * 0.42 + 0.01);

  // Number left, date right (italic), on one baseline.
  const auto& number = run(p1, e.number);
  const auto& date = run(p1, e.date);
  CHECK(number.size == Approx(e.number_size));
  CHECK(number.x_end <= split + 10);
  CHECK(italic(date));
  CHECK(left_edge(date) > split);
  CHECK(number.baseline == Approx(date.baseline).margin(0.01));

  // The kind, centred and bold, below both columns.
  const auto& kind = run(p1, "BÁO CÁO");
  CHECK(bold(kind));
  CHECK(kind.size == Approx(e.kind_size));
  CHECK(centre(kind) == Approx(area.x + area.width / 2).margin(0.5));
  CHECK(kind.baseline > date.baseline);

  // No page number on page 1; page 2's is centred in the top margin.
  for (const auto& item : p1.items) {
    if (const auto* r = std::get_if<display::GlyphRun>(&item))
      CHECK(r->baseline - r->ascent >= area.y - 0.01);
  }
  const auto& p2 = pages[1];
  // Page furniture is added once the page is full: the number is the run "2" above the text.
  const display::GlyphRun* number_run = nullptr;
  for (const auto& item : p2.items) {
    const auto* r = std::get_if<display::GlyphRun>(&item);
    if (r && r->text == "2" && r->baseline < p2.text_area.y) number_run = r;
  }
  REQUIRE(number_run);
  const auto& pn = *number_run;
  CHECK(pn.baseline < p2.text_area.y);
  CHECK(centre(pn) == Approx(area.x + area.width / 2).margin(0.5));

  // Closing: recipients left, signature right, starting on the same row.
  const auto& last = pages.back();
  const auto& label = run(last, e.recipients_label);
  const auto& authority = run(last, e.on_behalf);
  CHECK(bold(authority));
  CHECK(label.x_end < left_edge(authority));
  CHECK(std::fabs(label.baseline - authority.baseline) < 2);
  CHECK(left_edge(label) == Approx(area.x).margin(0.01));
  CHECK(authority.x_end <= area.right() + 0.01);
}

} // namespace

TEST_CASE("dang: the Party report's page 1 and closing block", "[layout][official]") {
  check_template({"phu-tho-2010-2015.yaml", "ĐẢNG CỘNG SẢN VIỆT NAM", 15, "ĐẢNG CỘNG SẢN VIỆT NAM",
                  "ĐẢNG ỦY KHỐI", "Số 125-BC/ĐUK", 14, "Phú Thọ, ngày 11 tháng 8 năm 2015", 16,
                  "T/M BAN THƯỜNG VỤ", "Nơi nhận:"});
  // The Party issuer gets a "*" under it, not a rule.
  const auto& p1 = laid("phu-tho-2010-2015.yaml").sink.pages().front();
  const auto& star = run(p1, "*");
  CHECK(star.baseline > run(p1, "ĐẢNG ỦY KHỐI").baseline);
}

TEST_CASE("nha-nuoc: the state report's page 1 and closing block", "[layout][official]") {
  check_template({"ubnd-phuong-2016-2021.yaml", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13,
                  "Độc lập - Tự do - Hạnh phúc", "PHƯỜNG TÂN DÂN", "Số: 05/BC-UBND", 13,
                  "Tân Dân, ngày 05 tháng 3 năm 2021", 14, "TM. ỦY BAN NHÂN DÂN", "Nơi nhận:"});
  const auto& pages = laid("ubnd-phuong-2016-2021.yaml").sink.pages();
  // "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" fits its column on one line.
  const auto& motto = run(pages.front(), "CỘNG HÒA");
  CHECK(motto.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  // The state body ends with "./." and the deputy signs under "KT. CHỦ TỊCH".
  std::string last_text = test::page_text(pages.back());
  CHECK(last_text.find("./.\n") != std::string::npos);
  CHECK(last_text.find("KT. CHỦ TỊCH\n") != std::string::npos);
  CHECK(last_text.find("Kính gửi") == std::string::npos); // only on page 1
  CHECK(test::page_text(pages.front()).find("Kính gửi: Hội đồng nhân dân phường Tân Dân\n") !=
        std::string::npos);
}

TEST_CASE("hien-dai: a cover band in the accent colour and a running footer",
          "[layout][official]") {
  const auto& pages = laid("sao-viet-2024.yaml").sink.pages();
  REQUIRE(pages.size() >= 2);
  const auto& p1 = pages.front();
  const auto& area = p1.text_area;
  const auto& issuer = run(p1, "CÔNG TY CỔ PHẦN");
  const display::Box* band = nullptr;
  for (const auto& item : p1.items) {
    if (const auto* b = std::get_if<display::Box>(&item); b && b->fill) band = b;
    if (band) break;
  }
  REQUIRE(band);
  CHECK(band->fill_color == core::Color{0x1f / 255.0, 0x5c / 255.0, 0x99 / 255.0});
  CHECK(band->rect.x == Approx(area.x));
  CHECK(band->rect.width == Approx(area.width));
  // The issuer is white, inside the band.
  CHECK(issuer.color == core::Color{1, 1, 1});
  CHECK(issuer.baseline > band->rect.y);
  CHECK(issuer.baseline < band->rect.bottom());
  // The title is large, sans-serif and flush left under the band.
  const auto& title = run(p1, "Kết quả hoạt động");
  CHECK(title.size == Approx(21));
  CHECK(title.font_file.find("LiberationSans-Bold") != std::string::npos);
  CHECK(left_edge(title) == Approx(area.x).margin(0.5));
  CHECK(title.baseline > band->rect.bottom());

  // Every page: the issuer at the left and the page number at the right of
  // the bottom margin, on one baseline, below the text area.
  for (const auto& page : pages) {
    const auto& name = run(page, "Công ty Cổ phần Công nghệ Sao Việt");
    const display::GlyphRun* number = nullptr;
    for (const auto& item : page.items) {
      if (const auto* r = std::get_if<display::GlyphRun>(&item);
          r && r->text == std::to_string(page.number) && r->baseline > page.text_area.bottom()) {
        number = r;
      }
    }
    INFO("page " << page.number);
    REQUIRE(number);
    CHECK(name.baseline > page.text_area.bottom());
    CHECK(name.baseline == Approx(number->baseline));
    CHECK(left_edge(name) == Approx(page.text_area.x).margin(0.01));
    CHECK(number->x_end == Approx(page.text_area.right()).margin(0.5));
  }
}

TEST_CASE("signature and seal images: the seal covers the signature's left third",
          "[layout][official]") {
  const auto& last = laid("ubnd-phuong-2016-2021.yaml").sink.pages().back();
  std::vector<const display::Image*> images;
  for (const auto& item : last.items) {
    if (const auto* im = std::get_if<display::Image>(&item)) images.push_back(im);
  }
  REQUIRE(images.size() == 2);
  const auto& sig = *images[0]; // drawn first: the seal is stamped over it
  const auto& seal = *images[1];
  CHECK(sig.file.find("chu-ky-mau.png") != std::string::npos);
  CHECK(seal.file.find("dau-mau.png") != std::string::npos);
  CHECK(sig.rect.width / sig.rect.height == Approx(600.0 / 220.0));
  CHECK(sig.rect.height == Approx(core::mm(18)));
  CHECK(seal.rect.width == Approx(core::mm(36)));
  CHECK(seal.rect.right() == Approx(sig.rect.x + sig.rect.width / 3));
  const auto& name = run(last, "Nguyễn Thị Thanh Huyền");
  const auto& role = run(last, "PHÓ CHỦ TỊCH");
  CHECK(seal.rect.bottom() <= name.baseline - name.ascent + 0.01);
  CHECK(sig.rect.y > role.baseline);
  CHECK(centre(name) == Approx(sig.rect.x + sig.rect.width / 2).margin(0.5));
}

TEST_CASE("an English template writes every label, date and number the English way",
          "[layout][official]") {
  auto dir = test::repo_dir() / "templates";
  auto style =
      input::load_template((test::data_dir() / "templates" / "english.yaml").string(), dir, dir);
  auto report = input::load_report(test::repo_dir() / "examples" / "sao-viet-2024.yaml");
  display::CollectingSink sink;
  layout::lay_out(report, style, test::bundled_fonts(), sink);
  std::string all;
  for (const auto& page : sink.pages()) all += test::page_text(page);
  CHECK(all.find("No. 01/2025/BC-SV\n") != std::string::npos);
  CHECK(all.find("Hà Nội, January 20, 2025\n") != std::string::npos);
  CHECK(all.find("412.5\n") != std::string::npos); // indicators: decimal point, unit in its column
  CHECK(all.find("9% above target\n") != std::string::npos);
  CHECK(all.find("Distribution:\n") != std::string::npos);
  CHECK(all.find("Indicator\n") != std::string::npos);
  for (const char* vietnamese : {"Số:", "ngày 20", "Nơi nhận", "Chỉ tiêu\n", "412,5 tỷ"}) {
    INFO(vietnamese);
    CHECK(all.find(vietnamese) == std::string::npos);
  }
}

/// Lines of body text (12 pt or more) on the page above the "Nơi nhận:" label.
int body_lines_above_recipients(const display::Page& last) {
  const auto& label = run(last, "Nơi nhận:");
  int body_lines = 0;
  double previous = -1;
  for (const auto& item : last.items) {
    const auto* r = std::get_if<display::GlyphRun>(&item);
    if (!r || r->baseline <= last.text_area.y || r->baseline >= label.baseline - 1) continue;
    if (r->size >= 12 && std::fabs(r->baseline - previous) > 1)
      ++body_lines; // a new line of body text
    previous = r->baseline;
  }
  return body_lines;
}

bool has_run(const display::Page& page, const std::string& prefix) {
  for (const auto& item : page.items) {
    if (const auto* r = std::get_if<display::GlyphRun>(&item); r && r->text.rfind(prefix, 0) == 0)
      return true;
  }
  return false;
}

TEST_CASE("the closing block never stands alone: two body lines at least go with it",
          "[layout][official]") {
  for (const char* example : {"phu-tho-2010-2015.yaml", "ubnd-phuong-2016-2021.yaml",
                              "sao-viet-2024.yaml", "son-lang-2020-2025.yaml"}) {
    const auto& last = laid(example).sink.pages().back();
    INFO(example);
    CHECK(body_lines_above_recipients(last) >= 2);
  }
}

TEST_CASE("the closing paragraph shares the signature's page wherever the page ends",
          "[layout][official]") {
  // A one-line closing after a body of growing length: at some length each
  // of its lines, then the closing, then the signature meets the page's foot.
  std::string head = "schema: 1\ndocument:\n  kind: BÁO CÁO\n  place: Phú Thọ\n"
                     "  date: 2015-08-11\n  title: Tổng kết\n  issuer: Đảng ủy Khối\n"
                     "term: {from: 2010, to: 2015}\nsections:\n  - title: Kết quả\n    body:\n";
  std::string tail = "closing: Trên đây là báo cáo tổng kết nhiệm kỳ.\n"
                     "signature: {on_behalf_of: T/M BAN THƯỜNG VỤ, role: BÍ THƯ}\n"
                     "recipients: [Ban Thường vụ Tỉnh ủy, Lưu Văn phòng]\n";
  std::string paragraph =
      "      - Đảng bộ đã lãnh đạo thực hiện thắng lợi các mục tiêu nghị quyết, "
      "phát triển kinh tế, giữ vững quốc phòng, an ninh và xây dựng hệ thống "
      "chính trị trong sạch, vững mạnh.\n";
  std::string body;
  for (int n = 1; n <= 24; ++n) {
    body += paragraph;
    auto laid = test::lay_out_yaml(head + body + tail);
    const auto& last = laid->sink.pages().back();
    INFO(n << " paragraphs, " << laid->sink.pages().size() << " pages");
    CHECK(has_run(last, "Trên đây là báo cáo"));
    CHECK(body_lines_above_recipients(last) >= 2);
  }
}

TEST_CASE("a closing of two lines is the signature's company: nothing before it is split for it",
          "[layout][official]") {
  // The dang starter's last sub-label ("Nhiệm vụ, giải pháp") was left at a
  // page's foot: its one bullet went over with the closing and signature,
  // which did not need it. The label and its bullet now share a page.
  for (const char* starter : {"dang.yaml", "nha-nuoc.yaml", "hien-dai.yaml"}) {
    auto path = test::repo_dir() / "starters" / starter;
    auto laid = test::lay_out_yaml(test::read_file(path), path.string());
    const auto& pages = laid->sink.pages();
    INFO(starter);
    for (size_t i = 0; i + 1 < pages.size(); ++i) {
      std::string text = test::page_text(pages[i]);
      while (!text.empty() && text.back() == '\n') text.pop_back();
      std::string last_line = text.substr(text.rfind('\n') + 1);
      INFO("page " << i + 1 << " ends with: " << last_line);
      CHECK(last_line.find("Nhiệm vụ, giải pháp") == std::string::npos);
    }
    const auto& last = pages.back();
    CHECK(has_run(last, "Trên đây là báo cáo"));
    CHECK(body_lines_above_recipients(last) >= 2);
  }
}

TEST_CASE("the closing paragraph takes the closing mark after the last section", "[layout]") {
  std::string yaml = "schema: 2\ntemplate: nha-nuoc\ndocument:\n  kind: BÁO CÁO\n  place: Phú Thọ\n"
                     "  date: 2015-08-11\n  title: Tổng kết\n  issuer: Đảng ủy Khối\n"
                     "term: {from: 2010, to: 2015}\nsections:\n  - title: Kết quả\n"
                     "    body:\n      - Nhiệm kỳ qua có nhiều kết quả.\n"
                     "closing: Trên đây là báo cáo của **Đảng ủy** xã Sơn Lang.\n";
  auto laid = test::lay_out_yaml(yaml);
  std::string text;
  for (const auto& page : laid->sink.pages()) text += test::page_text(page) + "\n";
  CHECK(text.find("có nhiều kết quả.\n") != std::string::npos);
  INFO(text);
  CHECK(text.find("xã Sơn Lang./.") != std::string::npos);
  CHECK(text.find("kết quả./.") == std::string::npos);
}

TEST_CASE("the next-term targets table has its own column titles", "[layout]") {
  // It reused the figures table's ("Kết quả", "So với chỉ tiêu"), which read
  // as if the next term were already over.
  std::string yaml = "schema: 1\ndocument:\n  kind: BÁO CÁO\n  place: Phú Thọ\n"
                     "  date: 2015-08-11\n  title: Mục tiêu\n  issuer: Đảng ủy Khối\n"
                     "term: {from: 2010, to: 2015}\ngoals:\n  targets:\n"
                     "    - {label: Kết nạp đảng viên mới, value: 700, unit: đảng viên}\n"
                     "    - {label: Tỷ lệ tổ chức cơ sở đảng trong sạch, value: 90, unit: '%', "
                     "note: trở lên}\n"
                     "sections:\n  - title: Phương hướng\n    body:\n      - goals: {}\n";
  auto laid = test::lay_out_yaml(yaml);
  std::string text;
  for (const auto& page : laid->sink.pages()) text += test::page_text(page) + "\n";
  CHECK(text.find("Chỉ tiêu\nMục tiêu\nGhi chú\n") != std::string::npos);
  CHECK(text.find("Kết quả") == std::string::npos);
  CHECK(text.find("Kết nạp đảng viên mới\n700 đảng viên\n") != std::string::npos);
  CHECK(text.find("90%\ntrở lên") != std::string::npos);
}
