// Never destroy what the user wrote (issue 19): no output over a file the
// command reads, `-o -` to standard output, names that must look like their
// format, and duplicate or colliding batch inputs.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>

#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

/// A one-page report in `dir`, as r.yaml; returns its text.
std::string one_page_report(const test::TempDir& dir, const std::string& extra = "") {
  std::string text = test::read_file(test::data_dir() / "input/good/minimal.yaml") + extra;
  test::write_file(dir / "r.yaml", text);
  return text;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("an output over the report is refused with exit 2 and the report kept",
          "[app][output-guard]") {
  test::TempDir dir;
  std::string text = one_page_report(dir);
  fs::path r = dir / "r.yaml";
  SECTION("by its own name: the name does not look like a PDF") {
    auto res = test::run_baocao("build " + test::q(r) + " -o " + test::q(r));
    CHECK(res.status == 2);
    CHECK(contains(res.output, "a PDF's name should end in .pdf"));
  }
  SECTION("by its own name with --force: the same file") {
    auto res = test::run_baocao("build " + test::q(r) + " -o " + test::q(r) + " --force");
    CHECK(res.status == 2);
    CHECK(contains(res.output, "the output " + r.string() + " is the report being built"));
  }
  SECTION("through a symbolic link named like a PDF") {
    fs::create_symlink(r, dir / "link.pdf");
    auto res = test::run_baocao("build " + test::q(r) + " -o " + test::q(dir / "link.pdf"));
    CHECK(res.status == 2);
    CHECK(contains(res.output, "is the report being built (" + r.string() + ")"));
    CHECK(fs::is_symlink(dir / "link.pdf"));
  }
  SECTION("through a hard link (same device and inode)") {
    fs::create_hard_link(r, dir / "hard.pdf");
    auto res = test::run_baocao("build " + test::q(r) + " -o " + test::q(dir / "hard.pdf"));
    CHECK(res.status == 2);
    CHECK(contains(res.output, "is the report being built"));
  }
  SECTION("from standard input redirected from the same file") {
    fs::copy_file(r, dir / "s.pdf");
    auto res =
        test::run_baocao("build - -o " + test::q(dir / "s.pdf") + " < " + test::q(dir / "s.pdf"));
    CHECK(res.status == 2);
    CHECK(contains(res.output, "the report being built (read from standard input)"));
    CHECK(test::read_file(dir / "s.pdf") == text);
  }
  SECTION("from a pipe: the name is refused for not looking like a PDF") {
    auto res = test::run_baocao("build - -o " + test::q(r) + " < " + test::q(r));
    CHECK(res.status == 2);
  }
  CHECK(test::read_file(r) == text);
  CHECK(!fs::exists(dir / "r.pdf"));
  for (const auto& name : names_in(dir.path())) CHECK(!name.ends_with(".tmp"));
}

TEST_CASE("an output over a template of the extends chain is refused", "[app][output-guard]") {
  test::TempDir dir;
  one_page_report(dir);
  test::write_file(dir / "base.yaml", "extends: dang\nname: base\n");
  test::write_file(dir / "t.yaml", "extends: base.yaml\nname: t\n");
  std::string base = test::read_file(dir / "base.yaml"), t = test::read_file(dir / "t.yaml");
  auto [out, role] = GENERATE(std::pair{"t.yaml", "the template of the report"},
                              std::pair{"base.yaml", "a template that t.yaml extends"});
  auto res = test::run_baocao("build " + test::q(dir / "r.yaml") + " --template " +
                              test::q(dir / "t.yaml") + " -o " + test::q(dir / out) + " --force");
  CHECK(res.status == 2);
  CHECK(contains(res.output, std::string("is ") + role));
  CHECK(test::read_file(dir / "base.yaml") == base);
  CHECK(test::read_file(dir / "t.yaml") == t);
  CHECK(!fs::exists(dir / "r.pdf"));
}

TEST_CASE("an output over a table's data file is refused", "[app][output-guard][data]") {
  test::TempDir dir;
  one_page_report(dir, "      - table:\n"
                       "          columns: [Đơn vị, Số]\n"
                       "          rows_from: so-lieu.csv\n");
  test::write_file(dir / "so-lieu.csv", "Chi bộ 1;12\n");
  auto res = test::run_baocao("build " + test::q(dir / "r.yaml") + " -o " +
                              test::q(dir / "so-lieu.csv") + " --force");
  CHECK(res.status == 2);
  CHECK(contains(res.output, "is a data file a table reads"));
  CHECK(test::read_file(dir / "so-lieu.csv") == "Chi bộ 1;12\n");
  CHECK(!fs::exists(dir / "r.pdf"));
}

TEST_CASE("an output over an image or a font is refused", "[app][output-guard]") {
  test::TempDir dir;
  fs::copy_file(test::data_dir() / "images/rgb-gradient.png", dir / "sig01.png");
  one_page_report(dir, "signature:\n  on_behalf_of: T/M ĐẢNG ỦY\n  role: BÍ THƯ\n  name: Nguyễn "
                       "Văn A\n  image: sig01.png\n");
  std::string png = test::read_file(dir / "sig01.png");
  fs::create_directory(dir / "fonts");
  fs::copy_file(test::repo_dir() / "fonts/NotoSans-Regular.ttf", dir / "fonts/extra.ttf");
  std::string font = test::read_file(dir / "fonts/extra.ttf");
  std::string r = test::q(dir / "r.yaml");
  SECTION("the signature image, as the PDF") {
    auto res = test::run_baocao("build " + r + " -o " + test::q(dir / "sig01.png") + " --force");
    CHECK(res.status == 2);
    CHECK(contains(res.output, "is an image the report draws"));
  }
  SECTION("the signature image, as the first page preview") {
    auto res = test::run_baocao("build " + r + " --format png -o " + test::q(dir / "sig{p}.png"));
    CHECK(res.status == 2);
    CHECK(contains(res.output, "the output " + (dir / "sig01.png").string() + " is an image"));
  }
  SECTION("a font of --font-dir") {
    auto res = test::run_baocao("build " + r + " --font-dir " + test::q(dir / "fonts") + " -o " +
                                test::q(dir / "fonts/extra.ttf") + " --force");
    CHECK(res.status == 2);
    CHECK(contains(res.output, "is a font in --font-dir"));
  }
  SECTION("a bundled font (links followed)") {
    fs::create_symlink(test::repo_dir() / "fonts/NotoSans-Bold.ttf", dir / "bold.pdf");
    auto res = test::run_baocao("build " + r + " -o " + test::q(dir / "bold.pdf"));
    CHECK(res.status == 2);
    CHECK(contains(res.output, "is a font baocao ships"));
  }
  CHECK(test::read_file(dir / "sig01.png") == png);
  CHECK(test::read_file(dir / "fonts/extra.ttf") == font);
  CHECK(!fs::exists(dir / "r.pdf"));
  CHECK(!fs::exists(dir / "sig02.png"));
}

TEST_CASE("output to standard output: the PDF there and messages on standard error",
          "[app][output-guard]") {
  test::TempDir dir;
  one_page_report(dir);
  std::string r = test::q(dir / "r.yaml");
  auto file = test::run_baocao("build " + r + " -o " + test::q(dir / "file.pdf"));
  REQUIRE(file.status == 0);
  auto res = test::run_command("(cd " + test::q(dir.path()) + " && " + BAOCAO_EXE + " build " + r +
                               " -o - > out.pdf 2> err.txt)");
  REQUIRE(res.status == 0);
  // The same bytes as the file (dates and file IDs come from the content).
  CHECK(test::read_file(dir / "out.pdf") == test::read_file(dir / "file.pdf"));
  CHECK(test::read_file(dir / "err.txt") == "wrote standard output (1 page)\n");
  CHECK(!fs::exists(dir / "-"));
  SECTION("from standard input to standard output") {
    auto piped = test::run_command("(cd " + test::q(dir.path()) + " && " + BAOCAO_EXE +
                                   " build - -o - < r.yaml > piped.pdf 2>/dev/null)");
    CHECK(piped.status == 0);
    CHECK(test::read_file(dir / "piped.pdf").starts_with("%PDF-"));
  }
  SECTION("a one-page SVG") {
    auto svg = test::run_command("(" + std::string(BAOCAO_EXE) + " build " + r +
                                 " --format svg -o - 2>/dev/null)");
    CHECK(svg.status == 0);
    CHECK(svg.output.starts_with("<?xml"));
    CHECK(contains(svg.output, "</svg>"));
  }
  for (const auto& name : fs::directory_iterator(dir.path()))
    CHECK(!name.path().filename().string().ends_with(".tmp"));
}

TEST_CASE("output to standard output refuses what cannot be one file there",
          "[app][output-guard]") {
  std::string ex = test::q(test::example_path());
  SECTION("png previews: one file per page") {
    auto res = test::run_baocao("build " + ex + " --format png -o -");
    CHECK(res.status == 2);
    CHECK(contains(res.output, "--format png writes one file per page"));
  }
  SECTION("the SVG of a report of several pages, and nothing reaches standard output") {
    auto res = test::run_command("(" + std::string(BAOCAO_EXE) + " build " + ex +
                                 " --format svg -o - 2>/dev/null)");
    CHECK(res.status == 2);
    CHECK(res.output.empty());
  }
  SECTION("--dump-layout shares standard output") {
    auto res = test::run_baocao("build " + ex + " --dump-layout -o -");
    CHECK(res.status == 2);
  }
  SECTION("watch") {
    auto res = test::run_baocao("watch " + ex + " -o -");
    CHECK(res.status == 2);
  }
}

TEST_CASE("a closed pipe ends the build with exit 1 and a message", "[app][output-guard]") {
  test::TempDir dir;
  // Megabytes of PDF, far more than a pipe holds: the write meets the closed end.
  REQUIRE(std::system(("bash " + test::q(test::repo_dir() / "examples/large-awards.sh") +
                       " 3000 > " + test::q(dir / "big.yaml"))
                          .c_str()) == 0);
  auto res = test::run_command(
      "bash -c '" + std::string(BAOCAO_EXE) + " build " + (dir / "big.yaml").string() + " -o - 2>" +
      (dir / "err.txt").string() + " | head -c 10 >/dev/null; echo status ${PIPESTATUS[0]}'");
  CHECK(contains(res.output, "status 1"));
  CHECK(contains(test::read_file(dir / "err.txt"), "cannot write to standard output"));
}

TEST_CASE("an output name that does not look like its format needs --force",
          "[app][output-guard]") {
  test::TempDir dir;
  one_page_report(dir);
  std::string r = test::q(dir / "r.yaml");
  auto bad = test::run_baocao("build " + r + " -o " + test::q(dir / "x.docx"));
  CHECK(bad.status == 2);
  CHECK(contains(bad.output, "should end in .pdf"));
  CHECK(!fs::exists(dir / "x.docx"));
  auto page = test::run_baocao("build " + r + " --format svg -o " + test::q(dir / "p{p}.png"));
  CHECK(page.status == 2);
  CHECK(contains(page.output, "should end in .svg"));
  CHECK(test::run_baocao("build " + r + " -o " + test::q(dir / "X.PDF")).status == 0);
  CHECK(test::run_baocao("build " + r + " -o " + test::q(dir / "x.docx") + " --force").status == 0);
  CHECK(test::read_file(dir / "x.docx").starts_with("%PDF-"));
}

TEST_CASE("a batch builds a report named twice once and says so", "[app][output-guard]") {
  test::TempDir dir;
  fs::create_directory(dir / "in");
  test::write_file(dir / "in/r.yaml",
                   test::read_file(test::data_dir() / "input/good/minimal.yaml"));
  fs::create_symlink("r.yaml", dir / "in/s.yaml");
  std::string in = test::q(dir / "in"), r = test::q(dir / "in/r.yaml");
  std::string out = " --out-dir " + test::q(dir / "out");
  int which = GENERATE(0, 1, 2);
  std::string args = which == 0   ? r + " " + r
                     : which == 1 ? r + " " + test::q(dir / "in/./r.yaml")
                                  : in + " " + test::q((dir / "in").string() + "/*.yaml");
  int skipped = which == 2 ? 3 : 1;
  auto res = test::run_baocao("build " + args + out);
  INFO(res.output);
  CHECK(res.status == 0);
  std::string plural = skipped == 1 ? "" : "s";
  CHECK(contains(res.output, "built 1, failed 0"));
  CHECK(contains(res.output,
                 "(" + std::to_string(skipped) + " duplicate input" + plural + " skipped)"));
  CHECK(contains(res.output, "skipped "));
  CHECK(names_in(dir / "out").size() == 1);
}

TEST_CASE("a batch whose outputs collide or land on an input builds nothing",
          "[app][output-guard]") {
  test::TempDir dir;
  std::string text = test::read_file(test::data_dir() / "input/good/minimal.yaml");
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  test::write_file(dir / "a/r.yaml", text);
  test::write_file(dir / "b/r.yaml", text);
  SECTION("two stems in one --out-dir") {
    auto res = test::run_baocao("build " + test::q(dir / "a/r.yaml") + " " +
                                test::q(dir / "b/r.yaml") + " --out-dir " + test::q(dir / "out"));
    CHECK(res.status == 2);
    CHECK(contains(res.output, (dir / "a/r.yaml").string() + " and " + (dir / "b/r.yaml").string() +
                                   " would both write"));
    CHECK(!fs::exists(dir / "out"));
  }
  SECTION("one input's PDF is another input") {
    test::write_file(dir / "a/r.pdf", text); // a report someone named .pdf
    fs::create_symlink("../a/r.pdf", dir / "b/x.yaml");
    auto res = test::run_baocao("build " + test::q(dir / "a/r.yaml") + " " +
                                test::q(dir / "b/x.yaml") + " --jobs 1");
    CHECK(res.status == 2);
    CHECK(contains(res.output, (dir / "a/r.yaml").string() + ": the output " +
                                   (dir / "a/r.pdf").string() + " is a report in this batch (" +
                                   (dir / "b/x.yaml").string() + ")"));
    CHECK(test::read_file(dir / "a/r.pdf") == text);
    CHECK(!fs::exists(dir / "b/x.pdf"));
  }
}

TEST_CASE("watch refuses at start an output over its report", "[app][output-guard]") {
  test::TempDir dir;
  std::string text = one_page_report(dir);
  auto res = test::run_command("timeout 20 " + std::string(BAOCAO_EXE) + " watch " +
                               test::q(dir / "r.yaml") + " -o " + test::q(dir / "r.yaml") +
                               " --force 2>&1");
  CHECK(res.status == 2);
  CHECK(contains(res.output, "is the report being built"));
  CHECK(test::read_file(dir / "r.yaml") == text);
}

TEST_CASE("init and schema -o never replace baocao's own files and check the name",
          "[app][output-guard]") {
  test::TempDir dir;
  // A copy of the data folder, so that a failure could only harm the copy.
  fs::create_directories(dir / "data");
  for (const char* sub : {"templates", "starters", "fonts"})
    fs::copy(test::repo_dir() / sub, dir / "data" / sub, fs::copy_options::recursive);
  std::string env = "BAOCAO_DATA_DIR=" + test::q(dir / "data") + " ";
  fs::path dang = dir / "data/templates/dang.yaml", starter = dir / "data/starters/dang.yaml";
  std::string dang_text = test::read_file(dang), starter_text = test::read_file(starter);
  auto init = test::run_baocao("init --force " + test::q(starter), env);
  CHECK(init.status == 2);
  CHECK(contains(init.output, "is a starter report of baocao's"));
  auto schema = test::run_baocao("schema -o " + test::q(dang) + " --force", env);
  CHECK(schema.status == 2);
  CHECK(contains(schema.output, "is a built-in template of baocao's"));
  CHECK(test::read_file(dang) == dang_text);
  CHECK(test::read_file(starter) == starter_text);
  auto txt = test::run_baocao("init " + test::q(dir / "r.txt"), env);
  CHECK(txt.status == 2);
  CHECK(contains(txt.output, "should end in .yaml or .yml"));
  auto json = test::run_baocao("schema -o " + test::q(dir / "s.yaml"), env);
  CHECK(json.status == 2);
  CHECK(contains(json.output, "should end in .json"));
  CHECK(!fs::exists(dir / "r.txt"));
  CHECK(!fs::exists(dir / "s.yaml"));
  CHECK(test::run_baocao("schema -o " + test::q(dir / "s.json"), env).status == 0);
}
