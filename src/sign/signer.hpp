#pragma once
// A signing identity from a PKCS#12 file and CMS detached signatures made
// with it (OpenSSL). Internal to sign: callers see only bytes in and out.
#include <memory>
#include <string>
#include <string_view>

namespace baocao::sign {

enum class SubFilter { cades, pkcs7 };

/// The key, its certificate and the chain, loaded and checked: the password
/// opens the file, it holds a private key that matches its certificate, and
/// the certificate is valid now. Each failure is a core::InputError naming the file.
class Signer {
public:
  Signer(const std::string& p12_path, const std::string& password);
  ~Signer();
  Signer(const Signer&) = delete;
  Signer& operator=(const Signer&) = delete;

  /// The certificate subject's common name (the signer or the organisation).
  std::string common_name() const;
  /// The subject's organisation (O), else its common name: who the
  /// organisation's text-only signature names.
  std::string organisation() const;
  /// A DER CMS SignedData over `data`, detached, SHA-256, with the chain and
  /// the signing time; CAdES adds ESS signing-certificate-v2.
  std::string sign(std::string_view data, SubFilter sub_filter) const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace baocao::sign
