#include <catch2/catch.hpp>

#include <filesystem>

#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

TEST_CASE("the CLI answers --help and --version", "[app]") {
  auto help = test::run_baocao("--help");
  CHECK(help.status == 0);
  CHECK(help.output.find("baocao build INPUT.yaml") != std::string::npos);
  auto version = test::run_baocao("--version");
  CHECK(version.status == 0);
  CHECK(version.output.rfind("baocao 0.1.0", 0) == 0);
  CHECK(test::run_baocao("frobnicate").status == 2);
  CHECK(test::run_baocao("build").status == 2);
  CHECK(test::run_baocao("build x.yaml --bogus").status == 2);
}

TEST_CASE("build writes the input's name with .pdf by default", "[app]") {
  test::TempDir dir;
  fs::copy_file(test::example_path(), dir / "r.yaml");
  auto r = test::run_baocao("build '" + (dir / "r.yaml").string() + "'");
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(fs::file_size(dir / "r.pdf") > 10000);
  CHECK(test::read_file(dir / "r.pdf").rfind("%PDF-", 0) == 0);
  // No temporary file is left beside it.
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++files;
  CHECK(files == 2);
}

TEST_CASE("build reads the report from standard input given -", "[app]") {
  test::TempDir dir;
  auto r = test::run_baocao("build - -o '" + (dir / "s.pdf").string() + "' < '" +
                            test::example_path().string() + "'");
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(fs::exists(dir / "s.pdf"));
  auto no_output = test::run_baocao("build - < '" + test::example_path().string() + "'");
  CHECK(no_output.status == 2);
}

TEST_CASE("bad input exits 2, writes nothing and leaves an existing output as it was", "[app]") {
  test::TempDir dir;
  test::write_file(dir / "bad.yaml", "schema: 1\ndocument:\n  kind: BÁO CÁO\n  titel: x\n");
  test::write_file(dir / "old.pdf", "previous contents");
  auto r = test::run_baocao("build '" + (dir / "bad.yaml").string() + "' -o '" +
                            (dir / "old.pdf").string() + "'");
  CHECK(r.status == 2);
  CHECK(r.output.find("bad.yaml:4:3: document: unknown key \"titel\"") != std::string::npos);
  CHECK(test::read_file(dir / "old.pdf") == "previous contents");
  auto fresh = test::run_baocao("build '" + (dir / "bad.yaml").string() + "'");
  CHECK(fresh.status == 2);
  CHECK_FALSE(fs::exists(dir / "bad.pdf"));
  int files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++files;
  CHECK(files == 2);
}

TEST_CASE("a figure typed the way a report prints it exits 2 with what to write", "[app]") {
  test::TempDir dir;
  for (const char* name : {"figure_decimal_comma.yaml", "figure_unquoted_percent.yaml"}) {
    INFO(name);
    fs::copy_file(test::data_dir() / "input" / "bad" / name, dir / "r.yaml",
                  fs::copy_options::overwrite_existing);
    auto r = test::run_baocao("build '" + (dir / "r.yaml").string() + "'");
    CHECK(r.status == 2);
    CHECK(r.output == (dir / "r.yaml").string() +
                          (std::string(name) == "figure_decimal_comma.yaml"
                               ? ":15:12: figures[0].value: got text \"4,25%\" (YAML numbers "
                                 "take a decimal point: write value: 4.25 and unit: '%'); "
                                 "expected a number\n"
                               : ":16:11: figures[0].unit: YAML cannot read a value that starts "
                                 "with \"%\" unquoted; expected quotes around it: unit: '%'\n"));
    CHECK_FALSE(fs::exists(dir / "r.pdf"));
  }
}

TEST_CASE("a missing input file and a missing template are input errors", "[app]") {
  test::TempDir dir;
  auto missing = test::run_baocao("build '" + (dir / "nope.yaml").string() + "'");
  CHECK(missing.status == 2);
  CHECK(missing.output.find("nope.yaml") != std::string::npos);
  auto tpl =
      test::run_baocao("build '" + test::example_path().string() +
                       "' --template no-such-template -o '" + (dir / "x.pdf").string() + "'");
  CHECK(tpl.status == 2);
  CHECK_FALSE(fs::exists(dir / "x.pdf"));
}

TEST_CASE("an unknown template named in the report is reported at its key", "[app]") {
  test::TempDir dir;
  std::string yaml =
      test::read_file(test::repo_dir() / "tests" / "golden" / "headings-lists-table.yaml");
  auto at = yaml.find("schema: 1\n");
  REQUIRE(at != std::string::npos);
  yaml.insert(at + 10, "template: dangg\n");
  test::write_file(dir / "t.yaml", yaml);
  auto r = test::run_baocao("build '" + (dir / "t.yaml").string() + "'");
  CHECK(r.status == 2);
  CHECK(
      r.output.find(
          "t.yaml:4:11: template: \"dangg\" is not a built-in template (did you mean \"dang\"?)") !=
      std::string::npos);
  CHECK_FALSE(fs::exists(dir / "t.pdf"));
}

TEST_CASE("build --dump-layout prints the display list", "[app]") {
  auto r = test::run_baocao("build '" + test::example_path().string() + "' --dump-layout");
  CHECK(r.status == 0);
  CHECK(r.output.rfind("document title=", 0) == 0);
  CHECK(r.output.find("page 2 595.28x841.89") != std::string::npos);
  CHECK(r.output.find("LiberationSerif-Bold.ttf 16.00") != std::string::npos); // BÁO CÁO
  CHECK(r.output.find("\"3.677\"") !=
        std::string::npos); // a key-figure card's value, Vietnamese style
  CHECK(r.output.find("\nend\n") != std::string::npos);
}

TEST_CASE("fonts come only from the font folders; a missing family is an input error", "[app]") {
  test::TempDir dir;
  test::write_file(dir / "t.yaml", "extends: dang\nbody: {font: Noto Serif, size: 14}\n");
  auto r = test::run_baocao("build '" + test::example_path().string() + "' --template '" +
                            (dir / "t.yaml").string() + "' -o '" + (dir / "x.pdf").string() + "'");
  CHECK(r.status == 2);
  CHECK(r.output.find("body.font: font \"Noto Serif\" is not in the font folders; expected one of: "
                      "Liberation Sans, Liberation Serif, Noto Sans (or add its folder with "
                      "--font-dir)") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "x.pdf"));

  // Every text style is checked, not only the body's.
  test::write_file(dir / "t2.yaml",
                   "extends: dang\npage_number: {text: {font: DejaVu Sans, size: 14}}\n");
  auto number_font =
      test::run_baocao("build '" + test::example_path().string() + "' --template '" +
                       (dir / "t2.yaml").string() + "' -o '" + (dir / "x.pdf").string() + "'");
  CHECK(number_font.status == 2);
  CHECK(number_font.output.find(
            "page_number.text.font: font \"DejaVu Sans\" is not in the font folders") !=
        std::string::npos);

  auto missing =
      test::run_baocao("build '" + test::example_path().string() + "' --font-dir '" +
                       (dir / "nope").string() + "' -o '" + (dir / "x.pdf").string() + "'");
  CHECK(missing.status == 2);
  CHECK(missing.output.find("--font-dir") != std::string::npos);

  // A --font-dir folder is searched: with a data folder whose fonts/ holds
  // Liberation Serif and the fallback Noto Sans, the hien-dai template
  // (Liberation Sans) fails until the folder with Liberation Sans is named.
  fs::create_directories(dir / "data" / "fonts");
  fs::create_directory(dir / "sans");
  fs::copy(test::repo_dir() / "templates", dir / "data" / "templates");
  for (const auto& f : fs::directory_iterator(test::repo_dir() / "fonts")) {
    std::string name = f.path().filename().string();
    if (name.rfind("LiberationSerif", 0) == 0 || name.rfind("NotoSans", 0) == 0)
      fs::copy_file(f.path(), dir / "data" / "fonts" / name);
    if (name.rfind("LiberationSans", 0) == 0) fs::copy_file(f.path(), dir / "sans" / name);
  }
  std::string env = "BAOCAO_DATA_DIR='" + (dir / "data").string() + "' ";
  std::string build = "build '" + (test::repo_dir() / "examples" / "sao-viet-2024.yaml").string() +
                      "' -o '" + (dir / "y.pdf").string() + "'";
  auto without = test::run_baocao(build, env);
  CHECK(without.status == 2);
  CHECK(without.output.find("font \"Liberation Sans\" is not in the font folders; expected one of: "
                            "Liberation Serif, Noto Sans") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "y.pdf"));
  auto with = test::run_baocao(build + " --font-dir '" + (dir / "sans").string() + "'", env);
  INFO(with.output);
  CHECK(with.status == 0);
  CHECK(fs::exists(dir / "y.pdf"));
}

TEST_CASE("a signature image that is missing or not a PNG or JPEG is an input error at its key",
          "[app]") {
  test::TempDir dir;
  std::string yaml =
      test::read_file(test::repo_dir() / "tests" / "golden" / "headings-lists-table.yaml");
  yaml += "signature:\n  on_behalf_of: T/M CHI BỘ\n  role: BÍ THƯ\n  image: chu-ky.png\n";
  test::write_file(dir / "s.yaml", yaml);
  auto missing = test::run_baocao("build '" + (dir / "s.yaml").string() + "'");
  CHECK(missing.status == 2);
  CHECK(missing.output.find(
            "signature.image: no such file " + (dir / "chu-ky.png").string() +
            "; expected a path to a PNG or JPEG file, relative to the report's folder") !=
        std::string::npos);
  test::write_file(dir / "chu-ky.png", "GIF89a not a png at all");
  auto wrong = test::run_baocao("build '" + (dir / "s.yaml").string() + "'");
  CHECK(wrong.status == 2);
  CHECK(wrong.output.find("is not a PNG or JPEG file") != std::string::npos);
  fs::copy_file(test::repo_dir() / "examples" / "assets" / "chu-ky-mau.png", dir / "chu-ky.png",
                fs::copy_options::overwrite_existing);
  auto ok = test::run_baocao("build '" + (dir / "s.yaml").string() + "'");
  CHECK(ok.status == 0);
  CHECK(fs::exists(dir / "s.pdf"));
}

TEST_CASE("baocao templates lists the built-in templates with their descriptions", "[app]") {
  auto r = test::run_baocao("templates");
  CHECK(r.status == 0);
  CHECK(r.output ==
        "dang\tBáo cáo của cơ quan Đảng (Hướng dẫn 36-HD/VPTW)\n"
        "hien-dai\tBáo cáo doanh nghiệp, trường học (hiện đại, có dải màu và chân trang)\n"
        "nha-nuoc\tBáo cáo của cơ quan nhà nước (Nghị định 30/2020/NĐ-CP)\n");
  // Each example builds with the template it names.
  for (const char* example : {"phu-tho-2010-2015", "ubnd-phuong-2016-2021", "sao-viet-2024"}) {
    test::TempDir dir;
    auto b = test::run_baocao(
        "build '" + (test::repo_dir() / "examples" / (std::string(example) + ".yaml")).string() +
        "' -o '" + (dir / "x.pdf").string() + "'");
    INFO(example << ": " << b.output);
    CHECK(b.status == 0);
  }
}

TEST_CASE("templates has its own help with an example and takes no arguments", "[app][docs]") {
  auto help = test::run_baocao("templates --help");
  CHECK(help.status == 0);
  CHECK(help.output.find("Usage:\n  baocao templates\n") != std::string::npos);
  CHECK(help.output.find("Example:\n  baocao templates\n") != std::string::npos);
  auto extra = test::run_baocao("templates dang");
  CHECK(extra.status == 2);
  CHECK(extra.output.find("templates takes no arguments; got dang") != std::string::npos);
}
