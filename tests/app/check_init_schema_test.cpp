// `baocao check`, `baocao init` and `baocao schema` as a user runs them.
#include <catch2/catch.hpp>

#include <filesystem>

#include "input/json_schema.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

int files_in(const fs::path& dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

std::vector<std::string> builtin_names() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(test::repo_dir() / "templates")) {
    names.push_back(e.path().stem().string());
  }
  return names;
}

} // namespace

TEST_CASE("check validates without writing and says ok with the page count", "[check]") {
  test::TempDir dir;
  fs::copy_file(test::example_path(), dir / "r.yaml");
  auto r = test::run_baocao("check " + test::q(dir / "r.yaml"));
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK_THAT(r.output, Catch::Matches("ok .*r\\.yaml \\([0-9]+ pages\\)\n"));
  CHECK(files_in(dir.path()) == 1); // no PDF, no temporary file

  auto quiet = test::run_baocao("check --quiet " + test::q(dir / "r.yaml"));
  CHECK(quiet.status == 0);
  CHECK(quiet.output.empty());
}

TEST_CASE("check gives build's message for a bad file and goes on to the next", "[check]") {
  test::TempDir dir;
  test::write_file(dir / "bad.yaml", "schema: 1\ndocument:\n  kind: BÁO CÁO\n  titel: x\n");
  fs::copy_file(test::example_path(), dir / "good.yaml");
  auto built = test::run_baocao("build " + test::q(dir / "bad.yaml"));
  REQUIRE(built.status == 2);
  auto r =
      test::run_baocao("check " + test::q(dir / "bad.yaml") + " " + test::q(dir / "good.yaml"));
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK_THAT(r.output, Catch::Contains(built.output));
  CHECK_THAT(r.output, Catch::Contains("unknown key \"titel\" (did you mean \"title\"?)"));
  CHECK_THAT(r.output, Catch::Contains("ok " + (dir / "good.yaml").string()));
  CHECK(files_in(dir.path()) == 2);
}

TEST_CASE("check lays the pages out: a character no font has is an error", "[check]") {
  fs::path missing = test::data_dir() / "input" / "glyphs" / "missing.yaml";
  auto r = test::run_baocao("check " + test::q(missing));
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK_THAT(r.output, Catch::Contains("U+1F600"));
  auto allowed = test::run_baocao("check --allow-missing-glyphs " + test::q(missing));
  CHECK(allowed.status == 0);
  CHECK_THAT(allowed.output, Catch::Contains("warning: "));
}

TEST_CASE("check refuses bad usage with status 2", "[check]") {
  CHECK(test::run_baocao("check").status == 2);
  CHECK(test::run_baocao("check --bogus x.yaml").status == 2);
  CHECK(test::run_baocao("check --font-dir /no/such/folder x.yaml").status == 2);
  auto unknown_template =
      test::run_baocao("check --template zz-none " + test::q(test::example_path()));
  CHECK(unknown_template.status == 2);
}

TEST_CASE("init writes a starter that passes check and build for each built-in template",
          "[init]") {
  for (const auto& name : builtin_names()) {
    INFO(name);
    test::TempDir dir;
    auto r = test::run_baocao("init --template " + test::q(name) + " " + test::q(dir / "r.yaml"));
    INFO(r.output);
    REQUIRE(r.status == 0);
    std::string text = test::read_file(dir / "r.yaml");
    CHECK_THAT(text, Catch::Contains("template: " + name + "\n"));
    auto checked = test::run_baocao("check " + test::q(dir / "r.yaml"));
    INFO(checked.output);
    CHECK(checked.status == 0);
    auto built = test::run_baocao("build " + test::q(dir / "r.yaml"));
    INFO(built.output);
    CHECK(built.status == 0);
    CHECK(fs::file_size(dir / "r.pdf") > 10000);
  }
}

TEST_CASE("init writes to standard output by default with dang and keeps an existing file",
          "[init]") {
  auto out = test::run_baocao("init");
  CHECK(out.status == 0);
  CHECK_THAT(out.output, Catch::Contains("template: dang\n"));
  CHECK_THAT(out.output, Catch::Contains("schema: 2\n"));

  test::TempDir dir;
  test::write_file(dir / "r.yaml", "mine");
  auto refused = test::run_baocao("init " + test::q(dir / "r.yaml"));
  CHECK(refused.status == 2);
  CHECK_THAT(refused.output, Catch::Contains("--force"));
  CHECK(test::read_file(dir / "r.yaml") == "mine");
  auto forced = test::run_baocao("init --force " + test::q(dir / "r.yaml"));
  CHECK(forced.status == 0);
  CHECK(test::read_file(dir / "r.yaml") == out.output);
  CHECK(files_in(dir.path()) == 1);
}

TEST_CASE("init refuses an unknown template and lists the built-in ones", "[init]") {
  auto r = test::run_baocao("init --template nha-nuoc-x");
  CHECK(r.status == 2);
  CHECK_THAT(r.output, Catch::Contains("dang, hien-dai, nha-nuoc"));
  CHECK(test::run_baocao("init a.yaml b.yaml").status == 2);
}

TEST_CASE("schema prints the JSON schema or writes it with -o", "[schema]") {
  auto r = test::run_baocao("schema");
  CHECK(r.status == 0);
  CHECK(r.output == input::json_schema());
  test::TempDir dir;
  auto written = test::run_baocao("schema -o " + test::q(dir / "s.json"));
  CHECK(written.status == 0);
  CHECK(test::read_file(dir / "s.json") == r.output);
  CHECK(test::run_baocao("schema extra").status == 2);

  auto t = test::run_baocao("schema --template -o " + test::q(dir / "t.json"));
  CHECK(t.status == 0);
  CHECK(test::read_file(dir / "t.json") == input::template_json_schema());
  CHECK(input::template_json_schema() != input::json_schema());
}

TEST_CASE("each new command has help ending with an example and is listed", "[check][init]") {
  for (const char* cmd : {"check", "init", "schema"}) {
    INFO(cmd);
    auto r = test::run_baocao(std::string(cmd) + " --help");
    CHECK(r.status == 0);
    auto at = r.output.find("\nExample:\n");
    REQUIRE(at != std::string::npos);
    CHECK(r.output.find("\n\n", at + 1) == std::string::npos); // the last section
  }
  auto top = test::run_baocao("--help");
  for (const char* line : {"\n  check ", "\n  init ", "\n  schema "}) {
    CHECK_THAT(top.output, Catch::Contains(line));
  }
}
