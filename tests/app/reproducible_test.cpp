#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>

#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

fs::path minimal() {
  return test::data_dir() / "input/good/minimal.yaml";
}

/// Builds `input` to `pdf` with extra arguments and environment; requires success.
void build(const fs::path& input, const fs::path& pdf, const std::string& args,
           const std::string& env = "") {
  auto r = test::run_baocao("build " + test::q(input) + " -o " + test::q(pdf) + " " + args, env);
  INFO(r.output);
  REQUIRE(r.status == 0);
}

/// pdfinfo's "CreationDate" and "ModDate" lines, as ISO dates.
std::string dates(const fs::path& pdf) {
  auto r = test::run_command("pdfinfo -isodates " + test::q(pdf) + " | grep Date");
  REQUIRE(r.status == 0);
  return r.output;
}

std::string both_dates(const std::string& iso) {
  return "CreationDate:    " + iso + "\nModDate:         " + iso + "\n";
}

/// The trailer's file ID (the first of its two strings), or "".
std::string file_id(const fs::path& pdf) {
  std::string bytes = test::read_file(pdf);
  std::smatch m;
  static const std::regex id(R"(/ID\s*\[\s*<([0-9A-Fa-f]+)>)");
  std::string tail = bytes.substr(bytes.size() > 4096 ? bytes.size() - 4096 : 0);
  return std::regex_search(tail, m, id) ? m[1].str() : "";
}

} // namespace

TEST_CASE("the same input gives byte-identical PDFs with either painter", "[reproducible]") {
  test::TempDir dir;
  auto painter = GENERATE(as<std::string>{}, "--backend cairo", "--backend haru", "--pdfa");
  INFO(painter);
  build(test::example_path(), dir / "a.pdf", painter);
  build(test::example_path(), dir / "b.pdf", painter);
  CHECK(test::read_file(dir / "a.pdf") == test::read_file(dir / "b.pdf"));
  CHECK(file_id(dir / "a.pdf").size() == 32);
}

TEST_CASE("the dates come from document.date, SOURCE_DATE_EPOCH, then --date", "[reproducible]") {
  test::TempDir dir;
  fs::path pdf = dir / "r.pdf";
  auto backend = GENERATE(as<std::string>{}, "cairo", "haru");
  INFO(backend);
  std::string painter = "--backend " + backend;
  build(minimal(), pdf, painter);
  CHECK(dates(pdf) == both_dates("2015-08-11T00:00:00Z"));
  build(minimal(), pdf, painter, "SOURCE_DATE_EPOCH=1700000000 ");
  CHECK(dates(pdf) == both_dates("2023-11-14T22:13:20Z"));
  build(minimal(), pdf, painter + " --date 2020-02-29", "SOURCE_DATE_EPOCH=1700000000 ");
  CHECK(dates(pdf) == both_dates("2020-02-29T00:00:00Z"));
  build(minimal(), pdf, painter + " --date 2021-03-04T05:06:07Z");
  CHECK(dates(pdf) == both_dates("2021-03-04T05:06:07Z"));
}

TEST_CASE("a bad SOURCE_DATE_EPOCH or --date is a usage error and nothing is written",
          "[reproducible]") {
  test::TempDir dir;
  fs::path pdf = dir / "r.pdf";
  auto r = test::run_baocao("build " + test::q(minimal()) + " -o " + test::q(pdf),
                            "SOURCE_DATE_EPOCH=yesterday ");
  CHECK(r.status == 2);
  CHECK(r.output.find("SOURCE_DATE_EPOCH=yesterday") != std::string::npos);
  CHECK_FALSE(fs::exists(pdf));
  for (const char* bad : {"2015-02-30", "2015-08-11T10:00:00", "11/08/2015"}) {
    r = test::run_baocao("build " + test::q(minimal()) + " -o " + test::q(pdf) + " --date " + bad);
    INFO(r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find("--date") != std::string::npos);
  }
  CHECK_FALSE(fs::exists(pdf));
}

TEST_CASE("the file ID follows the content", "[reproducible]") {
  test::TempDir dir;
  auto backend = GENERATE(as<std::string>{}, "cairo", "haru");
  INFO(backend);
  std::string painter = "--backend " + backend;
  build(minimal(), dir / "a.pdf", painter);
  // The same number of characters: a changed digit, not a changed length.
  std::string text = test::read_file(minimal());
  REQUIRE(text.find("3.677") != std::string::npos);
  test::write_file(dir / "b.yaml", std::regex_replace(text, std::regex("3\\.677"), "3.678"));
  build(dir / "b.yaml", dir / "b.pdf", painter);
  build(minimal(), dir / "c.pdf", painter + " --date 2016-01-01");
  std::string a = file_id(dir / "a.pdf"), b = file_id(dir / "b.pdf"), c = file_id(dir / "c.pdf");
  CHECK(a.size() == 32);
  CHECK(b.size() == 32);
  CHECK(a != b);
  CHECK(a != c);
}
