// Golden display lists: each tests/golden/<case>.yaml is laid out and its text
// dump compared with <case>.expected. After an intended layout change, run the
// tests with BAOCAO_UPDATE_GOLDEN=1 to rewrite the .expected files, and review
// the diff before committing it.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include "display/dump.hpp"
#include "input/report_loader.hpp"
#include "layout/document.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

TEST_CASE("display lists match the golden dumps", "[layout][golden]") {
  fs::path dir = test::repo_dir() / "tests" / "golden";
  bool update = std::getenv("BAOCAO_UPDATE_GOLDEN") != nullptr;
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    ++cases;
    auto report = input::load_report(entry.path());
    std::ostringstream dump;
    display::DumpSink sink(dump);
    layout::lay_out(report, test::builtin_template("dang"), test::bundled_fonts(), sink);
    fs::path expected = fs::path(entry.path()).replace_extension(".expected");
    if (update) test::write_file(expected, dump.str());
    INFO(entry.path().filename().string());
    REQUIRE(fs::exists(expected));
    CHECK(dump.str() == test::read_file(expected));
  }
  CHECK(cases >= 1);
}
