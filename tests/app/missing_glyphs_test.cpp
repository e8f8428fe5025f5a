// Item 1 of the robustness issue: a character no font can draw stops the
// build (exit 2, nothing written) unless --allow-missing-glyphs; the
// template's fallback chain (ending in the bundled Noto Sans) and --font-dir
// are how a user gets it drawn.
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/missing_glyphs.hpp"
#include "display/missing_glyphs.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

std::string quoted(const fs::path& p) {
  return "'" + p.string() + "'";
}

int count_files(const fs::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

const std::string kFix = "; expected characters these fonts have: add a font that has them with "
                         "--font-dir (or to the template's fonts.fallback), or build with "
                         "--allow-missing-glyphs to draw them as empty boxes\n";

} // namespace

TEST_CASE("a character no font has is an error naming it, where it was written and the fonts",
          "[app][glyphs]") {
  test::TempDir dir;
  fs::copy_file(test::data_dir() / "input/glyphs/missing.yaml", dir / "r.yaml");
  test::write_file(dir / "r.pdf", "previous contents");
  // Bounded without a wall clock: past 30 CPU seconds the kernel kills it.
  auto r = test::run_baocao("build " + quoted(dir / "r.yaml"), "ulimit -t 30; ");
  std::string file = (dir / "r.yaml").string();
  CHECK(r.status == 2);
  CHECK(r.output == file +
                        ":12:12: sections[0].title: no font can draw U+1F600 \"😀\" (3 times; "
                        "here first of 3 values)\n" +
                        file +
                        ":14:9: sections[0].body[0]: no font can draw U+0F00 \"ༀ\"\n"
                        "fonts tried: Liberation Serif, Liberation Sans, Noto Sans" +
                        kFix);
  CHECK(test::read_file(dir / "r.pdf") == "previous contents");
  CHECK(count_files(dir.path()) == 2); // no temporary file left
}

TEST_CASE("with --allow-missing-glyphs the same lines are a warning and the PDF is written",
          "[app][glyphs]") {
  test::TempDir dir;
  fs::copy_file(test::data_dir() / "input/glyphs/missing.yaml", dir / "r.yaml");
  auto r = test::run_baocao("build " + quoted(dir / "r.yaml") + " --allow-missing-glyphs");
  std::string file = (dir / "r.yaml").string();
  CHECK(r.status == 0);
  CHECK(r.output.rfind(
            "warning: " + file + ":12:12: sections[0].title: no font can draw U+1F600 \"😀\"", 0) ==
        0);
  CHECK(r.output.find("fonts tried: Liberation Serif, Liberation Sans, Noto Sans" + kFix +
                      "wrote " + (dir / "r.pdf").string() + " (1 page)\n") != std::string::npos);
  CHECK(test::read_file(dir / "r.pdf").rfind("%PDF-", 0) == 0);
  CHECK(count_files(dir.path()) == 2);
}

TEST_CASE("from standard input the error points at <stdin>", "[app][glyphs]") {
  test::TempDir dir;
  auto r = test::run_baocao("build - -o " + quoted(dir / "s.pdf") + " < " +
                            quoted(test::data_dir() / "input/glyphs/missing.yaml"));
  CHECK(r.status == 2);
  CHECK(r.output.rfind("<stdin>:12:12: sections[0].title: no font can draw U+1F600", 0) == 0);
  CHECK(r.output.find("<stdin>:14:9: sections[0].body[0]: no font can draw U+0F00") !=
        std::string::npos);
  CHECK(count_files(dir.path()) == 0);
}

TEST_CASE("a character Liberation lacks is drawn from the bundled Noto Sans", "[app][glyphs]") {
  auto r = test::run_baocao("build " + quoted(test::data_dir() / "input/glyphs/noto.yaml") +
                            " --dump-layout");
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(r.output.find("NotoSans-Regular.ttf 14.00 #000000 glyphs=1 w=8.15 \"₽\"") !=
        std::string::npos);
  CHECK(r.output.find("NotoSans-Bold.ttf 14.00 #000000 glyphs=1") != std::string::npos);
  CHECK(r.output.find("LiberationSerif-Regular.ttf 14.00 #000000 glyphs=8 w=48.21 \"Giá 100 \"") !=
        std::string::npos);
  CHECK(r.output.find("no font can draw") == std::string::npos);
}

TEST_CASE("a font added with --font-dir that has the character fixes it", "[app][glyphs]") {
  // DejaVu Sans (fonts-dejavu-core, which fontconfig itself depends on) has
  // the smiley but not the Tibetan syllable.
  const fs::path dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  REQUIRE(fs::exists(dejavu));
  test::TempDir dir;
  fs::create_directory(dir / "fonts");
  fs::copy_file(dejavu, dir / "fonts/DejaVuSans.ttf");
  std::string yaml = test::read_file(test::data_dir() / "input/glyphs/missing.yaml");
  yaml.erase(yaml.find(" và ༀ"), std::string(" và ༀ").size());
  test::write_file(dir / "r.yaml", yaml);
  auto r = test::run_baocao("build " + quoted(dir / "r.yaml") + " --font-dir " +
                            quoted(dir / "fonts") + " --dump-layout -o " + quoted(dir / "r.pdf"));
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(r.output.find("DejaVuSans.ttf 14.00 #000000 glyphs=1 w=14.59 \"😀\"") != std::string::npos);
  CHECK(fs::exists(dir / "r.pdf"));
  // Without it the same file fails.
  auto without =
      test::run_baocao("build " + quoted(dir / "r.yaml") + " -o " + quoted(dir / "r2.pdf"));
  CHECK(without.status == 2);
  CHECK_FALSE(fs::exists(dir / "r2.pdf"));
}

TEST_CASE("a fallback family not in the font folders is an error", "[app][glyphs]") {
  test::TempDir dir;
  test::write_file(dir / "t.yaml", "extends: dang\nfonts: {fallback: [Liberation Serif, Noto Sans "
                                   "CJK]}\n");
  auto r =
      test::run_baocao("build " + quoted(test::data_dir() / "input/glyphs/noto.yaml") +
                       " --template " + quoted(dir / "t.yaml") + " -o " + quoted(dir / "r.pdf"));
  CHECK(r.status == 2);
  CHECK(r.output == (dir / "t.yaml").string() +
                        ": fonts.fallback[1]: font \"Noto Sans CJK\" is not in the font folders; "
                        "expected a family in fonts/ or a --font-dir folder\n");
  CHECK_FALSE(fs::exists(dir / "r.pdf"));
}

TEST_CASE("the missing-glyph scan names each character of a .notdef cluster once, counted",
          "[display][glyphs]") {
  display::CollectingSink end;
  display::MissingGlyphSink sink(end);
  display::GlyphRun run;
  run.text = "a😀b😀 ༀ";
  // a, 😀 (missing), b, 😀 (missing), space, ༀ (missing)
  run.glyphs = {{5, 0, 0}, {0, 1, 0}, {6, 2, 0}, {0, 3, 0}, {3, 4, 0}, {0, 5, 0}};
  run.clusters = {{1, 1}, {4, 1}, {1, 1}, {4, 1}, {1, 1}, {3, 1}};
  sink.scan(run);
  REQUIRE(sink.found().size() == 2);
  CHECK(sink.found()[0].code == 0x1F600);
  CHECK(sink.found()[0].utf8 == "😀");
  CHECK(sink.found()[0].count == 2);
  CHECK(sink.found()[1].code == 0x0F00);
  CHECK(sink.found()[1].count == 1);
}

TEST_CASE("more than ten missing characters are listed ten, then counted", "[app][glyphs]") {
  std::vector<display::MissingCharacter> missing;
  std::string yaml = "a: \"";
  for (char32_t c = 0x1F600; c < 0x1F60C; ++c) {
    std::string utf8 = {char(0xF0), char(0x9F), char(0x98), char(0x80 + (c - 0x1F600))};
    missing.push_back({c, utf8, 1});
    yaml += utf8;
  }
  yaml += "\"\n";
  auto e = app::missing_glyphs_error(missing, "x.yaml", yaml, {"Liberation Serif"});
  std::string what = e.what();
  CHECK(what.rfind("x.yaml:1:4: a: no font can draw U+1F600 \"😀\"\n", 0) == 0);
  CHECK(what.find("x.yaml:1:4: a: no font can draw U+1F609") != std::string::npos);
  CHECK(what.find("U+1F60A") == std::string::npos);
  CHECK(what.find("\n... and 2 more characters no font can draw\nfonts tried: Liberation "
                  "Serif; expected") != std::string::npos);
}
