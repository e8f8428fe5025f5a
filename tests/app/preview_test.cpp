#include <catch2/catch.hpp>

#include <cairo.h>
#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "core/c_handle.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

using SurfacePtr = core::CHandle<cairo_surface_t, cairo_surface_destroy>;

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

/// A copy of the bundled example in `dir` (with its images), as r.yaml.
fs::path example_in(const fs::path& dir) {
  fs::copy_file(test::example_path(), dir / "r.yaml");
  fs::copy(test::example_path().parent_path() / "assets", dir / "assets",
           fs::copy_options::recursive);
  return dir / "r.yaml";
}

/// The pixel's brightness, 0 (black) to 255 (white), as the mean of R, G, B.
int brightness(cairo_surface_t* png, int x, int y) {
  const unsigned char* row =
      cairo_image_surface_get_data(png) + y * cairo_image_surface_get_stride(png);
  uint32_t px = reinterpret_cast<const uint32_t*>(row)[x];
  return static_cast<int>(((px >> 16 & 0xFF) + (px >> 8 & 0xFF) + (px & 0xFF)) / 3);
}

} // namespace

TEST_CASE(
    "png previews: build --format png writes one A4 file per page at the dpi, text dark on white",
    "[preview]") {
  test::TempDir dir;
  fs::path input = example_in(dir.path());
  auto r = test::run_baocao("build " + test::q(input) + " --format png");
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("r-01.png … r-08.png (8 pages)") != std::string::npos);
  std::set<std::string> expected{"r.yaml", "assets"};
  for (int p = 1; p <= 8; ++p) expected.insert("r-0" + std::to_string(p) + ".png");
  CHECK(names_in(dir.path()) == expected);

  SurfacePtr png(cairo_image_surface_create_from_png((dir / "r-01.png").c_str()));
  REQUIRE(cairo_surface_status(png.get()) == CAIRO_STATUS_SUCCESS);
  CHECK(cairo_image_surface_get_width(png.get()) == 1240); // 210 mm at 150 dpi
  CHECK(cairo_image_surface_get_height(png.get()) == 1754);
  CHECK(brightness(png.get(), 5, 5) == 255); // the margin is white paper
  // The title "BÁO CÁO", centred about 31 mm from the top: some of it is ink.
  int darkest = 255;
  for (int y = 330; y < 370; ++y)
    for (int x = 580; x < 660; ++x) darkest = std::min(darkest, brightness(png.get(), x, y));
  CHECK(darkest < 60);
}

TEST_CASE("png previews: --dpi sets the PNG size and -o with {p} names the files", "[preview]") {
  test::TempDir dir;
  fs::path input = test::data_dir() / "input/good/minimal.yaml";
  auto r = test::run_baocao("build " + test::q(input) + " --format png --dpi 72 -o " +
                            test::q(dir / "page{p}.png"));
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(names_in(dir.path()) == std::set<std::string>{"page01.png"});
  SurfacePtr png(cairo_image_surface_create_from_png((dir / "page01.png").c_str()));
  CHECK(cairo_image_surface_get_width(png.get()) == 595);
  CHECK(cairo_image_surface_get_height(png.get()) == 842);
  // -o without {p}: its stem with -{p}.
  r = test::run_baocao("build " + test::q(input) + " --format svg -o " + test::q(dir / "x.svg"));
  CHECK(r.status == 0);
  CHECK(fs::exists(dir / "x-01.svg"));
}

TEST_CASE("PNG previews are byte-identical from run to run", "[preview]") {
  test::TempDir dir;
  fs::path input = test::data_dir() / "input/good/minimal.yaml";
  for (const char* name : {"a.png", "b.png"})
    REQUIRE(test::run_baocao("build " + test::q(input) + " --format png -o " + test::q(dir / name))
                .status == 0);
  CHECK(test::read_file(dir / "a-01.png") == test::read_file(dir / "b-01.png"));
}

TEST_CASE("svg previews: build --format svg writes well-formed SVG sized as the page",
          "[preview]") {
  test::TempDir dir;
  fs::path input = example_in(dir.path());
  auto r = test::run_baocao("build " + test::q(input) + " --format svg");
  INFO(r.output);
  REQUIRE(r.status == 0);
  for (int p = 1; p <= 8; ++p) {
    fs::path svg = dir / ("r-0" + std::to_string(p) + ".svg");
    REQUIRE(fs::exists(svg));
    CHECK(test::run_command("xmllint --noout " + test::q(svg)).status == 0);
  }
  std::string text = test::read_file(dir / "r-01.svg");
  size_t root = text.find("<svg ");
  REQUIRE(root != std::string::npos);
  std::string tag = text.substr(root, text.find('>', root) - root);
  CHECK(tag.find("width=\"595.") != std::string::npos); // A4 in points
  CHECK(tag.find("height=\"841.") != std::string::npos);
}

TEST_CASE("page previews are Cairo's and written all or nothing", "[preview]") {
  test::TempDir dir;
  fs::path input = test::data_dir() / "input/good/minimal.yaml";
  for (const char* bad : {"--backend haru", "--pdfa", "--owner-password x", "--dpi 5", "--dpi 1201",
                          "--format jpeg"}) {
    auto r = test::run_baocao("build " + test::q(input) + " --format png -o " +
                              test::q(dir / "p.png") + " " + bad);
    INFO(bad << ": " << r.output);
    CHECK(r.status == 2);
  }
  CHECK(names_in(dir.path()).empty());
  // A character no font has is found after the pages are painted: none stays.
  auto r = test::run_baocao("build " + test::q(test::data_dir() / "input/glyphs/missing.yaml") +
                            " --format png -o " + test::q(dir / "p.png"));
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(names_in(dir.path()).empty());
}

TEST_CASE("a signal while pages are painted leaves no page file and no temporary", "[preview]") {
  test::TempDir dir;
  fs::path yaml = dir / "big.yaml";
  REQUIRE(test::run_command("bash " + test::q(test::repo_dir() / "examples/large-awards.sh") +
                            " 3000 > " + test::q(yaml))
              .status == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, 2);
    ::execl(BAOCAO_EXE, BAOCAO_EXE, "build", yaml.c_str(), "--format", "png", "--dpi", "50",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Waits (up to 20 s) until some pages are painted into the hidden folder.
  auto painting = [&] {
    for (const auto& e : fs::directory_iterator(dir.path()))
      if (e.path().extension() == ".tmp" && !fs::is_empty(e.path())) return true;
    return false;
  };
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!painting() && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  REQUIRE(::kill(pid, SIGTERM) == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  // Finished before the signal came (a very fast machine): nothing to check.
  if (WIFEXITED(status))
    SUCCEED("the build finished first");
  else {
    CHECK(WTERMSIG(status) == SIGTERM);
    CHECK(names_in(dir.path()) == std::set<std::string>{"big.yaml"});
  }
}
