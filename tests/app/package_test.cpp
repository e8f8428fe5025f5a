// `cmake --install` and the .deb: the installed program runs without the
// source tree's data, from wherever its prefix is.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

/// Runs an installed baocao with no BAOCAO_DATA_DIR, from `cwd`.
test::CommandResult run_installed(const fs::path& exe, const std::string& args,
                                  const fs::path& cwd) {
  return test::run_command("cd " + test::q(cwd) + " && env -u BAOCAO_DATA_DIR " + test::q(exe) +
                           " " + args);
}

/// The installed program reports `share` as its data folder and renders the
/// example (copied away from the source tree) with it.
void check_installed(const fs::path& bin, const fs::path& share) {
  auto version = run_installed(bin, "--version", "/");
  INFO(version.output);
  REQUIRE(version.status == 0);
  CHECK(version.output.find("\n  data " + share.string() + "\n") != std::string::npos);

  test::TempDir work;
  fs::copy_file(test::example_path(), work / "report.yaml");
  auto r = run_installed(bin, "build report.yaml -o out.pdf", work.path());
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(fs::exists(work / "out.pdf"));
  CHECK(test::read_file(work / "out.pdf").rfind("%PDF-", 0) == 0);
  auto templates = run_installed(bin, "templates", "/");
  CHECK(templates.output.find("hien-dai\t") != std::string::npos);
}

} // namespace

// One test case, so the two installs never run at the same time (both write
// the build folder's install manifest).
TEST_CASE("cmake --install and the .deb give a program that finds its own data", "[pkg]") {
  const fs::path build = BAOCAO_BUILD_DIR;
  test::TempDir tmp;

  SECTION("cmake --install into a prefix that is then moved") {
    auto install = test::run_command(test::q(BAOCAO_CMAKE) + " --install " + test::q(build) +
                                     " --prefix " + test::q(tmp / "prefix"));
    INFO(install.output);
    REQUIRE(install.status == 0);
    const fs::path prefix = tmp / "prefix";
    for (const char* f :
         {"bin/baocao", "share/baocao/templates/dang.yaml", "share/baocao/fonts/OFL.txt",
          "share/baocao/fonts/LiberationSerif-Regular.ttf", "share/man/man1/baocao.1.gz",
          "share/bash-completion/completions/baocao", "share/doc/baocao/README.md",
          "share/doc/baocao/architecture.md", "share/doc/baocao/OFL-Noto.txt",
          "share/doc/baocao/examples/phu-tho-2010-2015.yaml"}) {
      INFO(f);
      CHECK(fs::exists(prefix / f));
    }
    check_installed(prefix / "bin" / "baocao", prefix / "share" / "baocao");
    fs::rename(prefix, tmp / "moved");
    check_installed(tmp / "moved" / "bin" / "baocao", tmp / "moved" / "share" / "baocao");
  }

  SECTION("cpack builds a .deb that declares its libraries and runs once extracted") {
    auto cpack = test::run_command("cd " + test::q(build) + " && " + test::q(BAOCAO_CPACK) +
                                   " -G DEB -B " + test::q(tmp / "deb"));
    INFO(cpack.output);
    REQUIRE(cpack.status == 0);
    const fs::path deb = tmp / "deb" / "baocao_0.1.0_amd64.deb";
    REQUIRE(fs::exists(deb));

    auto info = test::run_command("dpkg-deb -I " + test::q(deb));
    INFO(info.output);
    REQUIRE(info.status == 0);
    CHECK(info.output.find(" Package: baocao\n") != std::string::npos);
    CHECK(info.output.find(" Section: utils\n") != std::string::npos);
    CHECK(info.output.find(" Description: term reports from YAML to formatted Vietnamese PDF\n"
                           "  baocao turns a YAML") != std::string::npos);
    auto depends = info.output.substr(info.output.find(" Depends: "));
    depends = depends.substr(0, depends.find('\n'));
    for (const char* lib : {"libpango-1.0-0", "libpangoft2-1.0-0", "libcairo2", "libyaml-cpp0.7",
                            "libhpdf-2.3.0", "libfontconfig1", "icc-profiles-free"}) {
      INFO(lib);
      CHECK(depends.find(lib) != std::string::npos);
    }

    REQUIRE(test::run_command("dpkg-deb -x " + test::q(deb) + " " + test::q(tmp / "root")).status ==
            0);
    CHECK(fs::exists(tmp / "root/usr/share/man/man1/baocao.1.gz"));
    CHECK(fs::exists(tmp / "root/usr/share/bash-completion/completions/baocao"));
    check_installed(tmp / "root/usr/bin/baocao", tmp / "root/usr/share/baocao");
  }
}
