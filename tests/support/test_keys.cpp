#include "support/test_keys.hpp"

#include <catch2/catch.hpp>

namespace baocao::test {

TestKeys::TestKeys() {
  run("openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 30 "
      "-subj '/CN=baocao test CA/O=baocao test'");
  run("openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.crt "
      "-days 30 -subj '/CN=another CA'");
  person("signer", "/CN=Nguyễn Văn A/O=UBND phường Tân Dân/C=VN", "10", "secret");
  person("org", "/CN=UBND phường Tân Dân/O=UBND phường Tân Dân/C=VN", "10", "org-secret");
  person("expired", "/CN=Hết Hạn/C=VN", "-1", "x");
  run("openssl pkcs12 -export -nokeys -in signer.crt -out nokey.p12 -passout pass:x");
}

void TestKeys::person(const std::string& name, const std::string& subject, const std::string& days,
                      const std::string& password) const {
  run("openssl req -newkey rsa:2048 -nodes -utf8 -keyout " + name + ".key -out " + name +
      ".csr -subj '" + subject + "'");
  run("openssl x509 -req -in " + name + ".csr -CA ca.crt -CAkey ca.key -CAcreateserial -out " +
      name + ".crt -days " + days);
  run("openssl pkcs12 -export -inkey " + name + ".key -in " + name + ".crt -certfile ca.crt -out " +
      name + ".p12 -passout pass:" + password);
}

void TestKeys::run(const std::string& command) const {
  auto r = run_command("cd " + q(dir_.path()) + " && " + command + " 2>&1");
  INFO(command << "\n" << r.output);
  REQUIRE(r.status == 0);
}

std::string TestKeys::p12(const std::string& name) const {
  return q(dir_ / (name + ".p12"));
}

std::string TestKeys::ca(const std::string& name) const {
  return q(dir_ / (name + ".crt"));
}

const TestKeys& test_keys() {
  static TestKeys keys;
  return keys;
}

std::string built_report(const TempDir& dir) {
  auto pdf = dir / "r.pdf";
  auto r = run_baocao("build " + q(repo_dir() / "examples" / "ubnd-phuong-2016-2021.yaml") +
                      " -o " + q(pdf));
  REQUIRE(r.status == 0);
  return pdf.string();
}

std::string pdfsig(const std::filesystem::path& pdf) {
  return run_command("pdfsig -nocert " + q(pdf) + " 2>&1").output;
}

size_t occurrences(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

} // namespace baocao::test
