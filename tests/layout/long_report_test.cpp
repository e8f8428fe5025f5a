// Long reports (issue 16): the contents page's numbers and links, appendices
// with their own page numbers and labels, landscape pages, page X of Y, all
// read from the display list.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "input/report_loader.hpp"
#include "layout/document.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string long_yaml() {
  // Appended rather than `string + literal`, which GCC 12 flags with a false
  // -Warray-bounds here once Catch2 comes from a precompiled header.
  std::string path = BAOCAO_TEST_DATA_DIR;
  path += "/input/long/appendices.yaml";
  return read_text(path);
}

std::unique_ptr<test::LaidOut> laid_out(const std::string& yaml, const std::string& style_name,
                                        const std::function<void(style::Style&)>& change = {}) {
  auto out = std::make_unique<test::LaidOut>();
  out->report = input::parse_report(yaml, "long.yaml");
  style::Style style = test::builtin_template(style_name);
  if (change) change(style);
  layout::lay_out(out->report, style, test::bundled_fonts(), out->sink);
  return out;
}

std::string label_of(const display::Page& p) {
  return p.label.prefix + std::to_string(p.label.number);
}

} // namespace

TEST_CASE("contents lines give the pages their headings are on, as links to them",
          "[contents][long]") {
  auto out = laid_out(long_yaml(), "nha-nuoc");
  const auto& pages = out->sink.pages();
  REQUIRE(pages.size() >= 6);
  // Where each bookmark landed, by title.
  std::map<std::string, std::pair<int, double>> at;
  for (const auto& p : pages)
    for (const auto& o : p.outline) at[o.title] = {p.number, o.y};

  // The contents is on page 1 under the title block; every link points at a bookmark.
  std::vector<display::Link> links;
  for (const auto& item : pages[0].items)
    if (auto* l = std::get_if<display::Link>(&item); l && l->uri.empty()) links.push_back(*l);
  // depth 2: 3 level-1 sections, 2 level-2, 3 appendices, 1 appendix section.
  REQUIRE(links.size() == 9);
  std::string text = test::page_text(pages[0]);
  CHECK(text.find("MỤC LỤC") != std::string::npos);
  int checked = 0;
  for (const auto& l : links) {
    bool found = false;
    for (const auto& [title, place] : at) {
      if (place.first == l.page && std::abs(place.second - l.y) < 0.01) found = true;
    }
    CHECK(found);
    // The number printed at the link's line, right-aligned, is the target page's label.
    const display::Page& target = pages[static_cast<size_t>(l.page) - 1];
    std::string number;
    double right = 0;
    for (const auto& item : pages[0].items) {
      auto* r = std::get_if<display::GlyphRun>(&item);
      if (!r || r->baseline < l.area.y || r->baseline > l.area.bottom()) continue;
      if (r->x_end > right) {
        right = r->x_end;
        number = r->text;
      }
    }
    CHECK(number == label_of(target));
    CHECK(right == Approx(pages[0].text_area.right()).margin(0.5));
    ++checked;
  }
  CHECK(checked == 9);
  // The body starts on a new page after the contents (the template's new_page_after).
  CHECK(at.at("I. KẾT QUẢ ĐẠT ĐƯỢC").first == 2);
}

TEST_CASE("appendices number their own pages and label them PL I-1, PL II-1", "[appendix][long]") {
  auto out = laid_out(long_yaml(), "nha-nuoc");
  const auto& pages = out->sink.pages();
  std::vector<std::string> labels;
  for (const auto& p : pages) labels.push_back(label_of(p) + "@" + std::to_string(p.part));
  INFO(labels.size());
  // The report's pages are 1, 2, …; then each appendix restarts with its prefix.
  int body = 0;
  for (const auto& p : pages) {
    if (p.part == 0) {
      ++body;
      CHECK(p.label.prefix.empty());
      CHECK(p.label.number == body);
    }
  }
  std::map<int, std::vector<const display::Page*>> parts;
  for (const auto& p : pages) parts[p.part].push_back(&p);
  REQUIRE(parts.size() == 4);
  const char* prefixes[] = {"", "PL I-", "PL II-", "PL III-"};
  for (int k = 1; k <= 3; ++k) {
    int n = 0;
    for (const auto* p : parts[k]) {
      CHECK(p->label.prefix == prefixes[k]);
      CHECK(p->label.number == ++n);
    }
  }
  // An appendix's first page prints no number (like page 1); the label, the
  // title and the bookmark are there; its sections sit one level below it.
  const display::Page& first = *parts[2].front();
  std::string text = test::page_text(first);
  CHECK(text.find("PHỤ LỤC II") != std::string::npos);
  CHECK(text.find("THU NGÂN SÁCH THEO NĂM") != std::string::npos);
  REQUIRE(first.outline.size() >= 2);
  CHECK(first.outline[0].title == "PHỤ LỤC II. Thu ngân sách theo năm");
  CHECK(first.outline[0].level == 1);
  CHECK(first.outline[1].title == "I. THU THEO NGUỒN");
  CHECK(first.outline[1].level == 2);
}

TEST_CASE("a landscape appendix and a landscape table get wide pages, then portrait again",
          "[landscape][long]") {
  auto out = laid_out(long_yaml(), "nha-nuoc");
  const auto& pages = out->sink.pages();
  const auto& a4 = pages.front().size;
  REQUIRE(a4.height > a4.width);
  std::vector<int> landscape_parts;
  for (const auto& p : pages) {
    bool wide = p.size.width > p.size.height;
    if (wide) {
      landscape_parts.push_back(p.part);
      CHECK(p.size.width == Approx(a4.height));
      CHECK(p.size.height == Approx(a4.width));
      // Margins keep their names: the text area is the wide page's less the same margins.
      CHECK(p.text_area.x == Approx(pages.front().text_area.x));
      CHECK(p.text_area.width == Approx(pages.front().text_area.width + a4.height - a4.width));
    }
    // Nothing leaves the page's text area sideways.
    for (const auto& item : p.items) {
      if (auto* r = std::get_if<display::GlyphRun>(&item)) {
        if (r->baseline < p.text_area.y || r->baseline > p.text_area.bottom())
          continue; // furniture
        CHECK(r->x_end <= p.text_area.right() + 0.5);
      }
    }
  }
  // The body's table (with the heading before it), appendix II, appendix III's table page.
  REQUIRE(landscape_parts.size() == 3);
  CHECK(landscape_parts[0] == 0);
  CHECK(landscape_parts[1] == 2);
  CHECK(landscape_parts[2] == 3);
  for (const auto& p : pages) {
    std::string text = test::page_text(p);
    if (p.number == 1 || text.find("II. SỐ LIỆU") == std::string::npos)
      continue;                          // not the contents
    CHECK(p.size.width > p.size.height); // the heading went with its landscape table
    CHECK(text.find("Bảng ngang ngay sau tiêu đề") != std::string::npos);
  }
  // Appendix III: its paragraph before the table, the table alone on a wide
  // page, then the paragraph after it on a portrait page.
  std::vector<const display::Page*> third;
  for (const auto& p : pages)
    if (p.part == 3) third.push_back(&p);
  REQUIRE(third.size() == 3);
  CHECK(test::page_text(*third[0]).find("trước bảng ngang") != std::string::npos);
  CHECK(test::page_text(*third[1]).find("Bảng ngang") != std::string::npos);
  CHECK(test::page_text(*third[2]).find("sau bảng ngang") != std::string::npos);
  CHECK(third[2]->size.height > third[2]->size.width);
}

TEST_CASE("page X of Y counts the pages of its own numbered run", "[pages][long]") {
  auto out = laid_out(long_yaml(), "nha-nuoc", [](style::Style& s) {
    s.page_number.pattern = "Trang {page}/{pages}";
    s.header.show = true;
    s.header.right = "{appendix}";
    s.header.left = "{section}";
  });
  const auto& pages = out->sink.pages();
  std::map<int, int> run_pages;
  for (const auto& p : pages) ++run_pages[p.part];
  for (const auto& p : pages) {
    std::string text = test::page_text(p);
    std::string expected =
        "Trang " + std::to_string(p.label.number) + "/" + std::to_string(run_pages[p.part]);
    bool opening = p.label.number == 1;
    CHECK((text.find(expected) != std::string::npos) == !opening);
    if (p.part == 2 && !opening) CHECK(text.find("PHỤ LỤC II") != std::string::npos);
  }
  // {section}: the level-1 heading a page opens with, else the one its text
  // continues.
  REQUIRE(pages[2].part == 0);
  auto header_line = [](const display::Page& p) {
    for (const auto& item : p.items)
      if (auto* r = std::get_if<display::GlyphRun>(&item);
          r && r->baseline < p.text_area.y && r->glyphs.front().x < p.text_area.x + 1)
        return r->text;
    return std::string();
  };
  CHECK(header_line(pages[1]) == "I. KẾT QUẢ ĐẠT ĐƯỢC");
  int checked = 0;
  for (const auto& p : pages) {
    if (p.part != 0 || p.size.width < p.size.height) continue;
    CHECK(header_line(p) == "II. SỐ LIỆU"); // the landscape page opens with II
    // and the next portrait page is still under II until III begins on it
    const auto& next = pages[static_cast<size_t>(p.number)];
    std::string expected = next.outline.empty() || next.outline.front().y > next.text_area.y + 1
                               ? "II. SỐ LIỆU"
                               : next.outline.front().title;
    CHECK(header_line(next) == expected);
    ++checked;
  }
  CHECK(checked == 1);
}

TEST_CASE("only a contents page or {pages} makes layout run twice", "[contents][long]") {
  style::Style s = test::builtin_template("nha-nuoc");
  model::Report r = input::parse_report(long_yaml(), "long.yaml");
  CHECK(layout::needs_two_passes(r, s));
  r.contents.reset();
  CHECK_FALSE(layout::needs_two_passes(r, s));
  s.footer.right = "{page}/{pages}";
  CHECK(layout::needs_two_passes(r, s));
}
