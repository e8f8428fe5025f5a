// `baocao sign`, checked by poppler's pdfsig, with throw-away certificates
// made by openssl in the test (support/test_keys).
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/test_keys.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

const test::TestKeys& keys() {
  return test::test_keys();
}

} // namespace

TEST_CASE("a signed report is valid to pdfsig, and a second signature keeps the first valid",
          "[app][sign]") {
  test::TempDir dir;
  auto pdf = test::built_report(dir);
  auto r = test::run_baocao("sign " + test::q(pdf) + " --p12 " + keys().p12("signer") +
                            " --p12-password secret --reason 'Phê duyệt'");
  INFO(r.output);
  REQUIRE(r.status == 0);
  CHECK(r.output.find("signed") != std::string::npos);
  auto once = test::pdfsig(pdf);
  INFO(once);
  CHECK(test::occurrences(once, "Signature is Valid.") == 1);
  CHECK(once.find("ETSI.CAdES.detached") != std::string::npos);
  CHECK(once.find("Nguyễn Văn A") != std::string::npos);
  CHECK(once.find("Total document signed") != std::string::npos);
  CHECK(once.find("SHA-256") != std::string::npos);

  r = test::run_baocao("sign " + test::q(pdf) + " --p12 " + keys().p12("org") +
                           " --subfilter pkcs7",
                       "BAOCAO_P12_PASSWORD=org-secret ");
  REQUIRE(r.status == 0);
  auto twice = test::pdfsig(pdf);
  INFO(twice);
  CHECK(test::occurrences(twice, "Signature is Valid.") == 2);
  CHECK(twice.find("adbe.pkcs7.detached") != std::string::npos);
  CHECK(twice.find("Signature Field Name: Signature2") != std::string::npos);
  // The first no longer covers the whole file; the second does.
  CHECK(test::occurrences(twice, "Total document signed") == 1);

  // One byte changed in the first revision: both signatures fail.
  std::string bytes = test::read_file(pdf);
  bytes[2000] ^= 1;
  test::write_file(dir / "changed.pdf", bytes);
  auto changed = test::pdfsig((dir / "changed.pdf").string());
  INFO(changed);
  CHECK(test::occurrences(changed, "Signature is Valid.") == 0);
  CHECK(test::occurrences(changed, "Digest Mismatch.") == 2);
}

TEST_CASE("a key that cannot sign gives a clear message, exit 2 and writes nothing",
          "[app][sign]") {
  test::TempDir dir;
  auto pdf = test::built_report(dir);
  const std::string before = test::read_file(pdf);
  struct Bad {
    std::string args;
    std::string says;
  };
  for (const Bad& b : std::vector<Bad>{
           {"--p12 " + keys().p12("signer") + " --p12-password wrong",
            "the password does not open it"},
           {"--p12 " + keys().p12("expired") + " --p12-password x", "its certificate expired on"},
           {"--p12 " + keys().p12("nokey") + " --p12-password x", "holds no private key"},
           {"--p12 " + test::q(dir / "missing.p12") + " --p12-password x", "cannot be read"},
           {"--p12 " + test::q(pdf) + " --p12-password x", "is not a PKCS#12 file"},
       }) {
    auto r =
        test::run_baocao("sign " + test::q(pdf) + " -o " + test::q(dir / "out.pdf") + " " + b.args);
    INFO(b.args << "\n" << r.output);
    CHECK(r.status == 2);
    CHECK(r.output.find(b.says) != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out.pdf"));
  }
  // In place, a failure leaves the report as it was.
  auto r = test::run_baocao("sign " + test::q(pdf) + " --p12 " + keys().p12("signer") +
                            " --p12-password wrong");
  CHECK(r.status == 2);
  CHECK(test::read_file(pdf) == before);
  // What is not a PDF baocao can update.
  test::write_file(dir / "fake.pdf", "%PDF-1.7\nnot really\n");
  r = test::run_baocao("sign " + test::q(dir / "fake.pdf") + " -o " + test::q(dir / "out.pdf") +
                       " --p12 " + keys().p12("signer") + " --p12-password secret");
  INFO(r.output);
  CHECK(r.status == 2);
  CHECK(r.output.find("no startxref") != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out.pdf"));
}
