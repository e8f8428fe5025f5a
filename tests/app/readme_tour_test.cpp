// The README's three-minute tour, run as a new user types it (after
// installing): if a command, an output name or a message in it changes,
// this fails, so the README cannot go stale.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

/// The lines of the README's tour code block, without the install steps
/// (bootstrap, sudo, making and entering ~/bao-cao: the test has its own folder).
std::string tour_script() {
  std::istringstream in(test::read_file(test::repo_dir() / "README.md"));
  std::string line, script;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.starts_with("<!-- tour")) inside = true;
    if (line.starts_with("<!-- /tour")) break;
    if (!inside || line.starts_with("```") || line.starts_with("<!--")) continue;
    if (line.starts_with("bash scripts/") || line.starts_with("sudo ") ||
        line.starts_with("mkdir -p ~/"))
      continue;
    script += line + "\n";
  }
  return script;
}

} // namespace

TEST_CASE("the README tour works as written", "[app][readme]") {
  std::string script = tour_script();
  INFO(script);
  REQUIRE(script.find("baocao init bao-cao.yaml") != std::string::npos);
  test::TempDir dir;
  test::write_file(dir / "tour.sh", "set -e\n" + script);
  // The built program stands in for the installed one; the last command
  // (check on the broken file) is meant to fail.
  fs::path exe_dir = fs::path(BAOCAO_EXE).parent_path();
  auto r = test::run_command("cd " + test::q(dir.path()) + " && PATH=" + test::q(exe_dir) +
                             ":\"$PATH\" bash tour.sh");
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(r.output.find("wrote bao-cao.pdf (2 pages)") != std::string::npos);
  CHECK(r.output.find("built 3, failed 0 in") != std::string::npos);
  CHECK(r.output.find("bao-cao.yaml:15:9: document.date: 2025-02-30 is not a calendar date; "
                      "expected a date YYYY-MM-DD") != std::string::npos);
  for (const char* f :
       {"bao-cao.pdf", "bao-cao-nha-nuoc.pdf", "pdf/phuong-1.pdf", "pdf/phuong-2.pdf",
        "pdf/phuong-3.pdf", "bao-cao-01.png", "bao-cao-02.png"}) {
    INFO(f);
    CHECK(fs::exists(dir / f));
  }
}
