#pragma once
// A signing identity from a PKCS#12 file or a PKCS#11 token, and CMS detached
// signatures made with it (OpenSSL). Callers see only bytes in and out.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace baocao::sign {

enum class SubFilter { cades, pkcs7 };

/// A key and chain in a PKCS#12 file (.p12, .pfx).
struct P12Key {
  std::string path;
  std::string password;
};

/// A key on a PKCS#11 token (a USB token), which never leaves it: the token
/// computes each signature.
struct TokenKey {
  std::string module;                ///< the vendor's PKCS#11 library (.so)
  std::optional<unsigned long> slot; ///< the slot id; unset: any
  std::string token;                 ///< the token label; empty: any
  std::string key; ///< a key label or hex id; empty: the only one with a certificate
  std::string pin; ///< the user PIN; empty: none given
};

/// Where the signing key comes from, and extra CA certificates for the chain.
struct KeySource {
  std::variant<P12Key, TokenKey> key;
  std::vector<std::string> chain_files; ///< PEM files (--chain)
};

/// The key, its certificate and the chain, loaded and checked: the password
/// opens the file or the PIN the token, there is a private key that matches its
/// certificate, and the certificate is valid now. Each failure is a
/// core::InputError naming the file or module. The chain is the .p12's other
/// certificates or the token's, then those of the chain files, each once.
class Signer {
public:
  explicit Signer(const KeySource& source);
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
