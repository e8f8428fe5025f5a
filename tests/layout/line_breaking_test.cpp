// Whole-paragraph line breaking, judged from the display list.
#include <catch2/catch.hpp>

#include <cstdio>

#include "support/line_quality.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;

namespace {

test::StretchSummary stretch_of(const std::string& example, const std::string& tmpl) {
  auto path = test::repo_dir() / "examples" / example;
  std::string yaml = test::read_file(path);
  auto laid = test::lay_out_yaml(yaml, path.string());
  auto style = test::builtin_template(tmpl);
  auto face = test::space_face(test::bundled_fonts(), style.body);
  return test::summarise(test::justified_lines(laid->sink.pages(), face));
}

} // namespace

TEST_CASE("inter-word stretch of the Phú Thọ example's justified lines", "[.measure]") {
  auto s = stretch_of("phu-tho-2010-2015.yaml", "dang");
  std::printf("phu-tho dang: %zu justified lines, max %.3f, mean %.3f, over 1.5: %zu, "
              "of them under another: %zu\n",
              s.lines, s.max, s.mean, s.loose, s.consecutive_loose);
  CHECK(s.lines > 100);
}

TEST_CASE("the loosest justified lines of the Phú Thọ example", "[.measure]") {
  auto path = test::repo_dir() / "examples" / "phu-tho-2010-2015.yaml";
  auto laid = test::lay_out_yaml(test::read_file(path), path.string());
  auto face = test::space_face(test::bundled_fonts(), test::builtin_template("dang").body);
  for (const auto& l : test::justified_lines(laid->sink.pages(), face)) {
    if (l.ratio > 1.4 || l.ratio < 0.9)
      std::printf("p%d %.3f %s\n", l.page, l.ratio, l.text.c_str());
  }
  CHECK(true);
}
