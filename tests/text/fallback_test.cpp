#include <catch2/catch.hpp>

#include <filesystem>

#include "core/data_dirs.hpp"
#include "text/font_system.hpp"

using namespace baocao;

namespace {

/// The bundled fonts with the dang template's chain; built once, like the pipeline's.
const text::FontSystem& chained_fonts() {
  static const text::FontSystem fonts({core::data_dir() / "fonts"},
                                      {"Liberation Serif", "Liberation Sans", "Noto Sans"});
  return fonts;
}

text::ShapedParagraph shape(const std::string& s, bool bold = false) {
  text::ParagraphSpec p;
  p.spans = {{s, false, false}};
  p.font = "Liberation Serif";
  p.bold = bold;
  p.size = 14;
  return chained_fonts().shape(p);
}

std::string file_name(const display::GlyphRun& run) {
  return std::filesystem::path(run.font_file).filename().string();
}

} // namespace

TEST_CASE("a character the style's font lacks comes from the fallback chain", "[text][glyphs]") {
  CHECK(chained_fonts().fallback() ==
        std::vector<std::string>{"Liberation Serif", "Liberation Sans", "Noto Sans"});
  auto shaped = shape("Giá 100 ₽.");
  REQUIRE(shaped.lines.size() == 1);
  const auto& runs = shaped.lines[0].runs;
  REQUIRE(runs.size() == 3);
  CHECK(file_name(runs[0]) == "LiberationSerif-Regular.ttf");
  CHECK(runs[0].text == "Giá 100 ");
  CHECK(file_name(runs[1]) == "NotoSans-Regular.ttf");
  CHECK(runs[1].text == "₽");
  CHECK(runs[1].glyphs.at(0).id != 0);
  CHECK(file_name(runs[2]) == "LiberationSerif-Regular.ttf");
  // Bold text falls back to the bold face of the chain's font.
  auto bold = shape("Ԥ", true);
  CHECK(file_name(bold.lines.at(0).runs.at(0)) == "NotoSans-Bold.ttf");
}

TEST_CASE("a character no font has is drawn as glyph 0, the .notdef box", "[text][glyphs]") {
  auto shaped = shape("a😀");
  std::vector<uint32_t> ids;
  for (const auto& run : shaped.lines.at(0).runs)
    for (const auto& g : run.glyphs) ids.push_back(g.id);
  REQUIRE(ids.size() == 2);
  CHECK(ids[0] != 0);
  CHECK(ids[1] == 0);
}
