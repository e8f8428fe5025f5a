// `baocao build --pdfa` on real reports, validated by Apache PDFBox
// Preflight as a user's archive would: the bundled example, the state
// example with its transparent seal and signature, and 5,000 awards.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "support/pdf_reader.hpp"
#include "support/preflight.hpp"
#include "support/test_support.hpp"

using namespace baocao;

namespace {

void check_valid_pdfa(const std::filesystem::path& input, const test::TempDir& dir) {
  auto pdf = dir / "out.pdf";
  auto r = test::run_baocao("build " + test::q(input) + " -o " + test::q(pdf) + " --pdfa");
  INFO(r.output);
  REQUIRE(r.status == 0);
  auto v = test::run_preflight(pdf);
  INFO(v.output);
  CHECK(v.status == 0);
  CHECK(v.output.find("is a valid PDF/A-1b file") != std::string::npos);
  // Still the same report: fonts embedded, text with its diacritics.
  auto contents = test::read_pdf(pdf);
  for (const auto& f : contents.fonts) CHECK(f.embedded);
  WARN(input.filename().string() << ": " << contents.pages << " pages, Preflight " << v.seconds
                                 << " s");
}

} // namespace

TEST_CASE("the Phú Thọ example built with --pdfa passes Preflight", "[app][pdfa]") {
  test::TempDir dir;
  check_valid_pdfa(test::example_path(), dir);
  auto text = test::read_pdf(dir / "out.pdf").page_text.at(0);
  CHECK(test::squash(text).find("ĐẢNG CỘNG SẢN VIỆT NAM") != std::string::npos);
  // The ID and dates come from the content, so a second build is the same file.
  auto again = dir / "again.pdf";
  REQUIRE(test::run_baocao("build " + test::q(test::example_path()) + " -o " + test::q(again) +
                           " --pdfa")
              .status == 0);
  CHECK(test::read_file(again) == test::read_file(dir / "out.pdf"));
}

TEST_CASE("the state example with a transparent seal built with --pdfa passes Preflight",
          "[app][pdfa]") {
  test::TempDir dir;
  check_valid_pdfa(test::repo_dir() / "examples" / "ubnd-phuong-2016-2021.yaml", dir);
}

TEST_CASE("the 5,000-award report built with --pdfa passes Preflight", "[app][pdfa]") {
  test::TempDir dir;
  auto yaml = dir / "large.yaml";
  std::string cmd = "bash " + test::q(test::repo_dir() / "examples" / "large-awards.sh") +
                    " 5000 > " + test::q(yaml);
  REQUIRE(std::system(cmd.c_str()) == 0);
  check_valid_pdfa(yaml, dir);
}
