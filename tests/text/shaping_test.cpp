#include <catch2/catch.hpp>

#include <filesystem>

#include "core/data_dirs.hpp"
#include "support/pipeline.hpp"
#include "text/font_system.hpp"

using namespace baocao;

namespace {
text::ParagraphSpec spec(const std::string& s, double width = 0) {
  text::ParagraphSpec p;
  p.spans = {{s, false, false}};
  p.font = "Liberation Serif";
  p.size = 14;
  p.width = width;
  return p;
}
} // namespace

TEST_CASE("only the bundled fonts are seen", "[text]") {
  const auto& fonts = test::bundled_fonts();
  CHECK(fonts.has_family("Liberation Serif"));
  CHECK(fonts.has_family("Liberation Sans"));
  CHECK_FALSE(fonts.has_family("DejaVu Sans")); // installed on the system, never used
  CHECK(fonts.has_family("Noto Sans"));         // the templates' last fallback
  CHECK(fonts.families().size() == 3);
}

TEST_CASE("Vietnamese text shapes with real glyphs from the bundled font", "[text]") {
  const std::string s =
      "Đảng bộ Khối các cơ quan tỉnh: Huân chương Lao động hạng Nhất, ỷ ỹ ự ữ ẫ ặ";
  auto shaped = test::bundled_fonts().shape(spec(s));
  REQUIRE(shaped.lines.size() == 1);
  std::string text;
  for (const auto& run : shaped.lines[0].runs) {
    CHECK(std::filesystem::path(run.font_file).parent_path() == core::data_dir() / "fonts");
    CHECK(run.size == Approx(14));
    size_t bytes = 0, glyphs = 0;
    for (const auto& c : run.clusters) {
      bytes += c.text_bytes;
      glyphs += c.glyph_count;
    }
    CHECK(bytes == run.text.size());
    CHECK(glyphs == run.glyphs.size());
    for (const auto& g : run.glyphs) CHECK(g.id != 0);
    text += run.text;
  }
  CHECK(text == s);
}

TEST_CASE("a paragraph breaks at the width and justifies to it", "[text]") {
  std::string s;
  for (int i = 0; i < 30; ++i) s += "công tác xây dựng Đảng ";
  auto p = spec(s, 300);
  p.align = style::TextAlign::justify;
  auto shaped = test::bundled_fonts().shape(p);
  REQUIRE(shaped.lines.size() > 3);
  for (size_t i = 0; i + 1 < shaped.lines.size(); ++i) {
    const auto& runs = shaped.lines[i].runs;
    REQUIRE_FALSE(runs.empty());
    CHECK(runs.back().x_end <= 300.01);
    // Justified: every line but the last ends at the width (trailing space aside).
    CHECK(runs.back().x_end > 295);
  }
}

TEST_CASE("upper case is Unicode-aware", "[text]") {
  CHECK(text::to_upper("Đảng ủy Khối các cơ quan tỉnh") == "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH");
}

TEST_CASE("without break_words a word wider than the line stays whole", "[text]") {
  auto narrow = spec("Đơn vị", 0.001);
  narrow.bold = true;
  narrow.break_words = false;
  auto shaped = test::bundled_fonts().shape(narrow);
  std::vector<std::string> lines;
  for (const auto& line : shaped.lines) {
    std::string t;
    for (const auto& run : line.runs) t += run.text;
    lines.push_back(t);
  }
  auto whole = spec("Đơn");
  whole.bold = true;
  CHECK(lines == std::vector<std::string>{"Đơn ", "vị"});
  CHECK(shaped.max_line_width >= test::bundled_fonts().measure(whole) - 0.01);
}
