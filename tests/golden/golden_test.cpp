// Golden display lists. Two kinds:
// - tests/golden/<case>.yaml is laid out in-process with the dang template and
//   its text dump compared with <case>.expected;
// - tests/golden/examples/ holds what `baocao build --dump-layout` prints for
//   every examples/*.yaml in every built-in template, and for the generated
//   large report (examples/large-awards.sh): 300 awards in full, 5,000 as a
//   digest (FNV-1a 64 of the dump, its size and page count), as the whole dump
//   would be tens of megabytes.
// They were recorded before the layout redesign (issue 12) so that it can show
// it changes nothing a user sees. After an intended layout change, run
//   BAOCAO_UPDATE_GOLDEN=1 build/baocao_tests '[golden]'
// (or scripts/update-goldens.sh) to rewrite them, and review the diff before
// committing it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <vector>

#include "display/dump.hpp"
#include "input/report_loader.hpp"
#include "layout/document.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

bool updating() {
  return std::getenv("BAOCAO_UPDATE_GOLDEN") != nullptr;
}

/// Runs a shell command and hands its standard output to `chunk` piece by
/// piece (a 5,000-award dump is never held whole); stderr is left on the
/// test's own. Returns the exit status.
int stream_command(const std::string& command,
                   const std::function<void(const char*, size_t)>& chunk) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("popen failed: " + command);
  std::array<char, 65536> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) chunk(buf.data(), n);
  int status = pclose(pipe);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// The dump as the command line prints it. The date is pinned so nothing in
/// it can follow the clock.
std::string dump_of(const std::string& input_command) {
  std::string out;
  int status = stream_command(input_command, [&](const char* p, size_t n) { out.append(p, n); });
  INFO(input_command);
  REQUIRE(status == 0);
  return out;
}

std::string cli() {
  return "SOURCE_DATE_EPOCH=1439251200 '" + std::string(BAOCAO_EXE) + "'";
}

std::string large_report(int awards) {
  return "bash " + test::q(test::repo_dir() / "examples" / "large-awards.sh") + " " +
         std::to_string(awards);
}

/// Where two texts first differ, line by line, for the failure message.
std::string first_difference(const std::string& expected, const std::string& actual) {
  std::istringstream e(expected), a(actual);
  std::string le, la;
  for (int line = 1;; ++line) {
    bool he = static_cast<bool>(std::getline(e, le));
    bool ha = static_cast<bool>(std::getline(a, la));
    if (!he && !ha) return "same lines (differ only in a final newline)";
    if (!he || !ha || le != la) {
      return "first difference at line " + std::to_string(line) +
             ":\n  expected: " + (he ? le : "<end of file>") +
             "\n  actual:   " + (ha ? la : "<end of file>");
    }
  }
}

/// Compares a dump with its golden file (or rewrites the file when updating).
void check_golden(const fs::path& golden, const std::string& dump) {
  if (updating()) test::write_file(golden, dump);
  INFO(golden.filename().string());
  REQUIRE(fs::exists(golden));
  std::string expected = test::read_file(golden);
  if (expected != dump) FAIL(first_difference(expected, dump));
  SUCCEED();
}

fs::path examples_golden_dir() {
  return test::repo_dir() / "tests" / "golden" / "examples";
}

} // namespace

TEST_CASE("display lists match the golden dumps", "[layout][golden]") {
  fs::path dir = test::repo_dir() / "tests" / "golden";
  int cases = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".yaml") continue;
    ++cases;
    auto report = input::load_report(entry.path());
    std::ostringstream dump;
    display::DumpSink sink(dump);
    layout::lay_out(report, test::builtin_template("dang"), test::bundled_fonts(), sink);
    check_golden(fs::path(entry.path()).replace_extension(".expected"), dump.str());
  }
  CHECK(cases >= 1);
}

TEST_CASE("every example in every template matches its golden dump", "[app][golden]") {
  std::vector<fs::path> examples, templates;
  for (const auto& e : fs::directory_iterator(test::repo_dir() / "examples"))
    if (e.path().extension() == ".yaml") examples.push_back(e.path());
  for (const auto& e : fs::directory_iterator(test::repo_dir() / "templates"))
    if (e.path().extension() == ".yaml") templates.push_back(e.path());
  // The ward example as it was in schema 1 (docs/schema-2.md: schema-1
  // files keep working unchanged): its dumps are the schema-1 examples' dumps.
  examples.push_back(test::data_dir() / "input" / "good" / "schema1-ubnd-phuong.yaml");
  std::sort(examples.begin(), examples.end());
  std::sort(templates.begin(), templates.end());
  REQUIRE(examples.size() >= 3);
  REQUIRE(templates.size() >= 3);
  for (const auto& example : examples) {
    for (const auto& tmpl : templates) {
      std::string name = tmpl.stem().string();
      DYNAMIC_SECTION(example.filename().string() << " in " << name) {
        std::string dump = dump_of(cli() + " build " + test::q(example) + " --template " + name +
                                   " --dump-layout");
        check_golden(examples_golden_dir() / (example.stem().string() + "." + name + ".dump"),
                     dump);
      }
    }
  }
}

TEST_CASE("the large report of 300 awards matches its golden dump", "[app][golden]") {
  std::string dump = dump_of(large_report(300) + " | " + cli() + " build - --dump-layout");
  check_golden(examples_golden_dir() / "large-awards-300.dump", dump);
}

TEST_CASE("the large report of 5,000 awards matches its golden digest", "[app][golden][large]") {
  // FNV-1a 64 over the dump as it streams, with its size and page count.
  uint64_t hash = 0xcbf29ce484222325ULL;
  size_t bytes = 0, pages = 0;
  std::string head; // the first five bytes of the current line
  int status = stream_command(
      large_report(5000) + " | " + cli() + " build - --dump-layout", [&](const char* p, size_t n) {
        for (size_t i = 0; i < n; ++i) {
          hash = (hash ^ static_cast<unsigned char>(p[i])) * 0x100000001b3ULL;
          if (p[i] == '\n') {
            head.clear();
          } else if (head.size() < 5) {
            head += p[i];
            if (head == "page ") ++pages;
          }
        }
        bytes += n;
      });
  REQUIRE(status == 0);
  char digest[128];
  std::snprintf(digest, sizeof digest, "fnv1a64 %016" PRIx64 " bytes %zu pages %zu\n", hash, bytes,
                pages);
  check_golden(examples_golden_dir() / "large-awards-5000.digest", digest);
}
