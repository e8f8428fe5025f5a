#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>

#include "support/completion.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;
using Words = std::vector<std::string>;

namespace {

Words sorted(Words w) {
  std::sort(w.begin(), w.end());
  return w;
}

} // namespace

TEST_CASE("bash completion offers commands and each command's options", "[completion]") {
  test::TempDir dir;
  const std::string exe = BAOCAO_EXE;
  CHECK(test::complete({exe, "bu"}, dir.path()) == Words{"build"});
  CHECK(test::complete({exe, "t"}, dir.path()) == Words{"templates"});
  CHECK(test::complete({exe, "--v"}, dir.path()) == Words{"--version"});
  CHECK(test::complete({exe, "build", "--tem"}, dir.path()) == Words{"--template"});
  CHECK(test::complete({exe, "build", "--allow-"}, dir.path()) ==
        Words{"--allow-missing-glyphs", "--allow-paths"});
  CHECK(test::complete({exe, "init", "--f"}, dir.path()) == Words{"--force"});
  // An option of another command is not offered.
  CHECK(test::complete({exe, "check", "--fo"}, dir.path()) == Words{"--font-dir"});
  CHECK(test::complete({exe, "schema", "--fo"}, dir.path()) == Words{"--force"});
  CHECK(test::complete({exe, "schema", "--pd"}, dir.path()).empty());
  CHECK(test::complete({exe, "verify", "--"}, dir.path()) == Words{"--ca", "--help"});
  // Options after the input still complete as options of build.
  CHECK(test::complete({exe, "build", "r.yaml", "--pd"}, dir.path()) == Words{"--pdfa"});
}

TEST_CASE("bash completion offers the values an option takes", "[completion]") {
  test::TempDir dir;
  const std::string exe = BAOCAO_EXE;
  // The names come from the program itself (`baocao templates`).
  CHECK(sorted(test::complete({exe, "build", "--template", ""}, dir.path())) ==
        Words{"dang", "hien-dai", "nha-nuoc"});
  CHECK(test::complete({exe, "init", "--template", "n"}, dir.path()) == Words{"nha-nuoc"});
  CHECK(test::complete({exe, "build", "--format", ""}, dir.path()) ==
        Words{"pdf", "png", "svg", "docx"});
  CHECK(test::complete({exe, "build", "--backend", ""}, dir.path()) == Words{"cairo", "haru"});
  CHECK(test::complete({exe, "build", "--backend", "c"}, dir.path()) == Words{"cairo"});
  CHECK(test::complete({exe, "build", "--jobs", ""}, dir.path()).empty());
}

TEST_CASE("bash completion offers YAML files for inputs and folders for folder options",
          "[completion]") {
  test::TempDir dir;
  const std::string exe = BAOCAO_EXE;
  fs::create_directory(dir / "out");
  for (const char* f : {"a.yaml", "b.yml", "notes.txt", "a.pdf"}) test::write_file(dir / f, "");
  CHECK(sorted(test::complete({exe, "build", ""}, dir.path())) == Words{"a.yaml", "b.yml", "out"});
  CHECK(sorted(test::complete({exe, "check", "a"}, dir.path())) == Words{"a.yaml"});
  CHECK(test::complete({exe, "build", "--out-dir", ""}, dir.path()) == Words{"out"});
  CHECK(test::complete({exe, "build", "--font-dir", ""}, dir.path()) == Words{"out"});
  CHECK(test::complete({exe, "build", "--allow-paths", "o"}, dir.path()) == Words{"out"});
  CHECK(sorted(test::complete({exe, "build", "a.yaml", "-o", "a"}, dir.path())) ==
        Words{"a.pdf", "a.yaml"});
  // verify takes any file: the PDF, and the roots after --ca.
  CHECK(sorted(test::complete({exe, "verify", "a"}, dir.path())) == Words{"a.pdf", "a.yaml"});
  CHECK(sorted(test::complete({exe, "verify", "a.pdf", "--ca", "n"}, dir.path())) ==
        Words{"notes.txt"});
}

TEST_CASE("bash completion offers sign's key options and their values", "[completion]") {
  test::TempDir dir;
  const std::string exe = BAOCAO_EXE;
  test::write_file(dir / "libvendor.so", "");
  test::write_file(dir / "ca.pem", "");
  CHECK(sorted(test::complete({exe, "sign", "--pkcs11-"}, dir.path())) ==
        Words{"--pkcs11-key", "--pkcs11-module", "--pkcs11-slot", "--pkcs11-token"});
  CHECK(sorted(test::complete({exe, "sign", "--pi"}, dir.path())) == Words{"--pin", "--pin-file"});
  CHECK(test::complete({exe, "sign", "r.pdf", "--pkcs11-module", "l"}, dir.path()) ==
        Words{"libvendor.so"});
  CHECK(test::complete({exe, "sign", "r.pdf", "--chain", "c"}, dir.path()) == Words{"ca.pem"});
  CHECK(test::complete({exe, "sign", "r.pdf", "--pin", ""}, dir.path()).empty());
  CHECK(test::complete({exe, "sign", "r.pdf", "--pkcs11-slot", ""}, dir.path()).empty());
  CHECK(test::complete({exe, "sign", "--subfilter", ""}, dir.path()) == Words{"cades", "pkcs7"});
}
