#pragma once
// Throw-away signing keys made by openssl for the signing tests (test keys
// only; nothing is committed): a test CA, a signer and an organisation, each
// in a .p12 with the chain, and a second CA that signed none of them.
#include <cstddef>
#include <filesystem>
#include <string>

#include "support/test_support.hpp"

namespace baocao::test {

class TestKeys {
public:
  TestKeys();
  /// The quoted path of NAME.p12: signer (password "secret"), org
  /// ("org-secret"), expired ("x"), nokey (a certificate only, "x").
  std::string p12(const std::string& name) const;
  /// The quoted path of the CA's certificate (PEM): "ca" or "other-ca".
  std::string ca(const std::string& name) const;
  /// Runs a shell command in the keys' folder; the test fails if it fails.
  void run(const std::string& command) const;

private:
  void person(const std::string& name, const std::string& subject, const std::string& days,
              const std::string& password) const;
  TempDir dir_;
};

/// The one set of keys of this test run, made on first use.
const TestKeys& test_keys();

/// The ward example (it has a signature image and a seal) built to DIR/r.pdf; its path.
std::string built_report(const TempDir& dir);

/// What poppler's pdfsig -nocert says of `pdf` (the oracle the signing tests trust).
std::string pdfsig(const std::filesystem::path& pdf);

/// How often `what` occurs in `text`.
size_t occurrences(const std::string& text, const std::string& what);

} // namespace baocao::test
