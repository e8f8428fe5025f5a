// The editor page in a real browser: tests/serve/editor_browser.py drives
// Debian's chromium through chromedriver (python3-selenium) against the built
// program's `baocao serve`, and leaves its screenshots in the folder given.
#include <catch2/catch.hpp>

#include "support/docx_tools.hpp"
#include "support/test_support.hpp"

using namespace baocao::test;

TEST_CASE("the editor in headless chromium: a broken line marked, fixed, the preview changed",
          "[serve][browser]") {
  TempDir shots;
  CommandResult r =
      run_command(debian_python() + " " + q(repo_dir() / "tests/serve/editor_browser.py") + " " +
                  q(BAOCAO_EXE) + " " + q(shots.path()) + " 2>&1");
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(std::filesystem::file_size(shots / "editor-error.png") > 10000);
  CHECK(std::filesystem::file_size(shots / "editor-ok.png") > 10000);
}
