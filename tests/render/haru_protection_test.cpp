// Encryption, PDF/A drawing and the options that choose the libharu painter,
// through the real command line.
#include <catch2/catch.hpp>

#include <cstdio>
#include <memory>
#include <poppler-document.h>

#include "support/test_support.hpp"

using namespace baocao;

namespace {

std::unique_ptr<poppler::document> open(const std::filesystem::path& pdf,
                                        const std::string& owner = "",
                                        const std::string& user = "") {
  return std::unique_ptr<poppler::document>(
      poppler::document::load_from_file(pdf.string(), owner, user));
}

std::string pdfinfo(const std::filesystem::path& pdf, const std::string& args = "") {
  std::string cmd = "pdfinfo " + args + " " + test::q(pdf) + " 2>&1";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  REQUIRE(p);
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  pclose(p);
  return out;
}

std::string example() {
  return test::q(test::example_path());
}

} // namespace

TEST_CASE("with a user password the file opens only with it, and the permissions hold",
          "[render][haru][protection]") {
  test::TempDir dir;
  auto pdf = dir / "p.pdf";
  auto r = test::run_baocao("build " + example() + " -o " + test::q(pdf) +
                            " --owner-password 'chủ-tịch' --user-password đọc --permissions print");
  INFO(r.output);
  REQUIRE(r.status == 0);

  auto locked = open(pdf);
  REQUIRE(locked);
  CHECK(locked->is_locked());

  auto doc = open(pdf, "", "đọc");
  REQUIRE(doc);
  REQUIRE_FALSE(doc->is_locked());
  CHECK(doc->pages() == 8);
  CHECK(doc->is_encrypted());
  CHECK(doc->has_permission(poppler::perm_print));
  CHECK_FALSE(doc->has_permission(poppler::perm_copy));
  CHECK_FALSE(doc->has_permission(poppler::perm_change));
  CHECK_FALSE(doc->has_permission(poppler::perm_add_notes));

  std::string info = pdfinfo(pdf, "-upw đọc");
  CHECK(info.find("Encrypted:       yes") != std::string::npos);
  CHECK(info.find("RC4") != std::string::npos);
  CHECK(info.find("Tổng kết nhiệm kỳ") != std::string::npos); // metadata decrypts too
}

TEST_CASE("with only an owner password the file opens freely with print and copy",
          "[render][haru][protection]") {
  test::TempDir dir;
  auto pdf = dir / "p.pdf";
  test::write_file(dir / "owner.txt", "bí-mật\n");
  auto r = test::run_baocao("build " + example() + " -o " + test::q(pdf) +
                            " --owner-password-file " + test::q(dir / "owner.txt"));
  INFO(r.output);
  REQUIRE(r.status == 0);
  auto doc = open(pdf);
  REQUIRE(doc);
  CHECK_FALSE(doc->is_locked());
  CHECK(doc->is_encrypted());
  CHECK(doc->has_permission(poppler::perm_print));
  CHECK(doc->has_permission(poppler::perm_copy));
  CHECK_FALSE(doc->has_permission(poppler::perm_change));
  CHECK_FALSE(doc->has_permission(poppler::perm_add_notes));
  CHECK(pdfinfo(pdf).find("Encrypted:       yes (print:yes copy:yes change:no addNotes:no") !=
        std::string::npos);
}

TEST_CASE("passwords come from the environment when no flag gives them",
          "[render][haru][protection]") {
  test::TempDir dir;
  auto pdf = dir / "p.pdf";
  auto r = test::run_baocao("build " + example() + " -o " + test::q(pdf) +
                                " --permissions print,copy,edit,annotate",
                            "BAOCAO_OWNER_PASSWORD=own BAOCAO_USER_PASSWORD=usr ");
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(open(pdf)->is_locked());
  CHECK(open(pdf, "", "wrong")->is_locked());
  auto doc = open(pdf, "", "usr");
  REQUIRE_FALSE(doc->is_locked());
  CHECK(doc->has_permission(poppler::perm_change));
  CHECK(doc->has_permission(poppler::perm_add_notes));
  // A flag wins over the environment.
  auto pdf2 = dir / "p2.pdf";
  REQUIRE(test::run_baocao("build " + example() + " -o " + test::q(pdf2) + " --user-password flag",
                           "BAOCAO_OWNER_PASSWORD=own BAOCAO_USER_PASSWORD=usr ")
              .status == 0);
  CHECK(open(pdf2, "", "usr")->is_locked());
  CHECK_FALSE(open(pdf2, "", "flag")->is_locked());
}

TEST_CASE("protection and PDF/A options refuse what cannot be done, writing nothing",
          "[render][haru][protection]") {
  test::TempDir dir;
  auto pdf = dir / "p.pdf";
  struct Case {
    std::string args, message;
  };
  std::vector<Case> cases = {
      {"--pdfa --owner-password a", "PDF/A forbids encryption"},
      {"--backend cairo --pdfa", "--backend cairo cannot write PDF/A"},
      {"--backend cairo --owner-password a", "--backend cairo cannot write encrypted"},
      {"--user-password a", "a user password needs an owner password"},
      {"--owner-password a --user-password a", "must differ"},
      {"--owner-password a --permissions print,fly", "unknown permission \"fly\""},
      {"--owner-password-file " + test::q(dir / "missing.txt"), "cannot read the file"},
      {"--permissions print", "give an owner password too"},
      {"--backend pdfium", "choose cairo or haru"},
  };
  for (const auto& c : cases) {
    INFO(c.args);
    auto r = test::run_baocao("build " + example() + " -o " + test::q(pdf) + " " + c.args);
    INFO(r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find(c.message) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(pdf));
  }
  auto help = test::run_baocao("--help");
  for (const char* opt : {"--backend", "--pdfa", "--owner-password", "--user-password",
                          "--owner-password-file", "--permissions", "BAOCAO_USER_PASSWORD"})
    CHECK(help.output.find(opt) != std::string::npos);
}

TEST_CASE("with --pdfa, images with transparency are flattened: no soft mask is written",
          "[render][haru][pdfa]") {
  test::TempDir dir;
  auto input = test::q(test::repo_dir() / "examples" / "ubnd-phuong-2016-2021.yaml");
  auto plain = dir / "plain.pdf";
  auto pdfa = dir / "pdfa.pdf";
  REQUIRE(test::run_baocao("build " + input + " -o " + test::q(plain) + " --backend haru").status ==
          0);
  auto r = test::run_baocao("build " + input + " -o " + test::q(pdfa) + " --pdfa");
  INFO(r.output);
  REQUIRE(r.status == 0);
  // Object dictionaries are not compressed, so an image's /SMask is visible.
  CHECK(test::read_file(plain).find("/SMask") != std::string::npos); // the seal and signature
  std::string a = test::read_file(pdfa);
  CHECK(a.find("/SMask") == std::string::npos);
  CHECK(a.find("/Subtype /Image") != std::string::npos);
}
