// `baocao verify` as a user runs it, on a report signed once and twice by
// `baocao sign` with throw-away keys (support/test_keys), compared with
// poppler's pdfsig on the same files.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <regex>

#include "sign/pdf_objects.hpp"
#include "support/test_keys.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

/// The example report built, then signed by the signer (CAdES) and by the
/// organisation (PKCS#7): unsigned.pdf, once.pdf, twice.pdf. Made once.
struct SignedReports {
  test::TempDir dir;
  SignedReports() {
    const auto& keys = test::test_keys();
    auto r = test::run_baocao(
        "build " + test::q(test::repo_dir() / "examples" / "ubnd-phuong-2016-2021.yaml") + " -o " +
        test::q(dir / "unsigned.pdf"));
    REQUIRE(r.status == 0);
    r = test::run_baocao("sign " + test::q(dir / "unsigned.pdf") + " -o " +
                         test::q(dir / "once.pdf") + " --p12 " + keys.p12("signer") +
                         " --p12-password secret");
    REQUIRE(r.status == 0);
    r = test::run_baocao("sign " + test::q(dir / "once.pdf") + " -o " + test::q(dir / "twice.pdf") +
                         " --p12 " + keys.p12("org") + " --p12-password org-secret" +
                         " --subfilter pkcs7");
    REQUIRE(r.status == 0);
  }
  std::string path(const std::string& name) const { return test::q(dir / name); }
  std::string bytes(const std::string& name) const { return test::read_file(dir / name); }
};

const SignedReports& reports() {
  static SignedReports r;
  return r;
}

test::CommandResult verify(const std::string& args, const std::string& tz = "Asia/Ho_Chi_Minh") {
  return test::run_baocao("verify " + args, "TZ=" + tz + " ");
}

/// An incremental update appended that changes nothing but is signed by no one:
/// the catalog written again in a new revision.
std::string with_unsigned_update(const std::string& bytes) {
  auto pdf = sign::read_pdf(bytes, "x.pdf");
  const int root = sign::ref_number(*sign::dict_get(pdf.trailer, "/Root"));
  std::string out = bytes;
  const size_t at = out.size();
  out += std::to_string(root) + " 0 obj\n" + sign::object_text(pdf, root, "x.pdf") + "\nendobj\n";
  const size_t xref = out.size();
  char entry[32];
  std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", at);
  out += "xref\n" + std::to_string(root) + " 1\n" + entry + "trailer\n<< /Size " +
         std::to_string(pdf.size) + " /Root " + std::to_string(root) + " 0 R /Prev " +
         std::to_string(pdf.startxref) + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

} // namespace

TEST_CASE("verify lists both signatures of a twice-signed report, intact, as pdfsig does",
          "[app][verify]") {
  const auto& files = reports();
  auto r = verify(files.path("twice.pdf"));
  INFO(r.output);
  CHECK(r.status == 0);
  const size_t first = r.output.find("Signature 1 of 2 (field Signature1)\n");
  const size_t second = r.output.find("Signature 2 of 2 (field Signature2)\n");
  REQUIRE(first != std::string::npos);
  REQUIRE(second != std::string::npos);
  CHECK(first < second);
  const std::string one = r.output.substr(first, second - first);
  const std::string two = r.output.substr(second);
  CHECK(one.find("  signer:        Nguyễn Văn A\n") != std::string::npos);
  CHECK(one.find("  organisation:  UBND phường Tân Dân\n") != std::string::npos);
  CHECK(one.find("  subfilter:     ETSI.CAdES.detached\n") != std::string::npos);
  // The first signature covers the revision it was made on, not the second's.
  CHECK(one.find("  byte range:    covers revision 2 of 3 (every byte but the signature)\n") !=
        std::string::npos);
  CHECK(two.find("  signer:        UBND phường Tân Dân\n") != std::string::npos);
  CHECK(two.find("  subfilter:     adbe.pkcs7.detached\n") != std::string::npos);
  CHECK(two.find("  byte range:    covers revision 3 of 3 (every byte but the signature)\n") !=
        std::string::npos);
  for (const std::string& block : {one, two}) {
    CHECK(block.find("  issuer:        baocao test CA\n") != std::string::npos);
    CHECK(block.find("  digest:        matches (SHA-256)\n") != std::string::npos);
    CHECK(block.find(", valid when signed\n") != std::string::npos);
    CHECK(block.find("  result:        intact\n") != std::string::npos);
    // Local time in Vietnam, with the CMS signingTime and /M agreeing.
    CHECK(std::regex_search(block, std::regex(R"(  signed at:     \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)"
                                              R"(\+07:00 \(signingTime; /M )")));
  }
  CHECK(test::occurrences(r.output, "Certificate chains not checked") == 1);
  CHECK(r.output.find("every signature intact (2 of 2)") != std::string::npos);
  auto poppler = test::pdfsig(files.dir / "twice.pdf");
  INFO(poppler);
  CHECK(test::occurrences(poppler, "Signature is Valid.") == 2);

  // Once signed: one signature, covering the whole file.
  r = verify(files.path("once.pdf"), "UTC");
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(r.output.find("Signature 1 of 1 (field Signature1)") != std::string::npos);
  CHECK(r.output.find("covers revision 2 of 2") != std::string::npos);
  CHECK(r.output.find("+00:00 (signingTime") != std::string::npos); // TZ is respected
}

TEST_CASE("a byte changed in the first revision is a digest mismatch for both signatures",
          "[app][verify]") {
  const auto& files = reports();
  test::TempDir dir;
  std::string bytes = files.bytes("twice.pdf");
  bytes[2000] ^= 1;
  test::write_file(dir / "changed.pdf", bytes);
  auto r = verify(test::q(dir / "changed.pdf"));
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(test::occurrences(r.output, "  digest:        does not match (SHA-256)\n") == 2);
  CHECK(test::occurrences(r.output, "  result:        NOT intact: digest mismatch\n") == 2);
  CHECK(r.output.find("NOT intact: signature 1: digest mismatch; signature 2: digest mismatch") !=
        std::string::npos);
  auto poppler = test::pdfsig(dir / "changed.pdf");
  INFO(poppler);
  CHECK(test::occurrences(poppler, "Digest Mismatch.") == 2);
}

TEST_CASE("what follows the last signature, unless signed, is a change after it", "[app][verify]") {
  const auto& files = reports();
  test::TempDir dir;
  // Bytes appended: each signature is intact, the file is not.
  test::write_file(dir / "appended.pdf", files.bytes("twice.pdf") + "% edited\n");
  auto r = verify(test::q(dir / "appended.pdf"));
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(test::occurrences(r.output, "  result:        intact\n") == 2);
  CHECK(r.output.find("NOT intact: changed after the last signature (9 bytes after the end of "
                      "revision 3)") != std::string::npos);
  auto poppler = test::pdfsig(dir / "appended.pdf");
  INFO(poppler);
  CHECK(test::occurrences(poppler, "Signature is Valid.") == 2);
  CHECK(test::occurrences(poppler, "Total document signed") == 0); // poppler sees it too

  // An unsigned incremental update after the last signature.
  test::write_file(dir / "updated.pdf", with_unsigned_update(files.bytes("twice.pdf")));
  r = verify(test::q(dir / "updated.pdf"));
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(r.output.find("covers revision 3 of 4") != std::string::npos);
  CHECK(r.output.find("changed after the last signature (revision 4 of 4 is not signed)") !=
        std::string::npos);
  poppler = test::pdfsig(dir / "updated.pdf");
  CHECK(test::occurrences(poppler, "Signature is Valid.") == 2);
  CHECK(test::occurrences(poppler, "Total document signed") == 0);

  // Signed again after that update: the new signature covers it, so all is intact.
  auto s = test::run_baocao("sign " + test::q(dir / "updated.pdf") + " --p12 " +
                            test::test_keys().p12("signer") + " --p12-password secret");
  REQUIRE(s.status == 0);
  r = verify(test::q(dir / "updated.pdf"));
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(r.output.find("covers revision 5 of 5") != std::string::npos);
  CHECK(r.output.find("every signature intact (3 of 3)") != std::string::npos);
}

TEST_CASE("verify checks chains only against the roots given with --ca", "[app][verify]") {
  const auto& files = reports();
  const auto& keys = test::test_keys();
  auto r = verify(files.path("twice.pdf") + " --ca " + keys.ca("ca"));
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK(test::occurrences(r.output, "  chain:         trusted\n") == 2);
  CHECK(r.output.find("not checked") == std::string::npos);

  r = verify(files.path("twice.pdf") + " --ca " + keys.ca("other-ca"));
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(test::occurrences(r.output, "  chain:         not trusted (") == 2);
  CHECK(test::occurrences(r.output, "  result:        intact, but chain not trusted (") == 2);

  r = verify(files.path("twice.pdf") + " --ca " + keys.p12("signer"));
  CHECK(r.status == 2);
  CHECK(r.output.find("holds no certificate") != std::string::npos);
}

TEST_CASE("an unsigned PDF, a file that is no PDF and wrong usage exit 2 with one clear line",
          "[app][verify]") {
  const auto& files = reports();
  test::TempDir dir;
  auto r = verify(files.path("unsigned.pdf"));
  CHECK(r.status == 2);
  CHECK(r.output == (files.dir / "unsigned.pdf").string() +
                        ": it has no digital signature; expected a signed PDF "
                        "(baocao sign adds a signature)\n");

  test::write_file(dir / "notes.pdf", "meeting notes\n");
  r = verify(test::q(dir / "notes.pdf"));
  CHECK(r.status == 2);
  CHECK(r.output == (dir / "notes.pdf").string() +
                        ": not a PDF (no %PDF- header); expected a signed PDF with "
                        "cross-reference tables\n");
  r = verify(test::q(dir / "missing.pdf"));
  CHECK(r.status == 2);
  CHECK(r.output ==
        (dir / "missing.pdf").string() + ": cannot be read; expected a signed PDF file\n");
  // Encrypted (by build): its strings cannot be read.
  r = test::run_baocao("build " +
                       test::q(test::repo_dir() / "examples" / "ubnd-phuong-2016-2021.yaml") +
                       " --owner-password o -o " + test::q(dir / "locked.pdf"));
  REQUIRE(r.status == 0);
  r = verify(test::q(dir / "locked.pdf"));
  CHECK(r.status == 2);
  CHECK(r.output == (dir / "locked.pdf").string() +
                        ": it is encrypted, which baocao can neither sign nor check; expected a "
                        "signed PDF with cross-reference tables\n");
  // Cut off: the end with its startxref is gone.
  const std::string twice = files.bytes("twice.pdf");
  test::write_file(dir / "cut.pdf", twice.substr(0, twice.size() / 2));
  r = verify(test::q(dir / "cut.pdf"));
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(test::occurrences(r.output, "\n") == 1);

  CHECK(verify("").status == 2);
  CHECK(verify(files.path("twice.pdf") + " --frobnicate").status == 2);
  CHECK(verify(files.path("twice.pdf") + " --ca").status == 2);
  auto help = verify("--help");
  CHECK(help.status == 0);
  CHECK(help.output.find("baocao verify FILE.pdf") != std::string::npos);
}
