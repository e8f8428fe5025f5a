#pragma once
// A signing key on a PKCS#11 token through libp11: the module loaded, the
// token chosen, the PIN given, the key and its certificate found. Internal to
// sign: it hands out OpenSSL handles.
#include <memory>
#include <string>
#include <vector>

#include "sign/openssl_handles.hpp"
#include "sign/signer.hpp"

namespace baocao::sign {

/// An open token. The private key it gives is a handle on the token (each
/// signature is computed there), so a Token must outlive every key it gave.
class Token {
public:
  /// Loads the module, picks the token, logs in and finds the key and its
  /// certificate. Each failure is a core::InputError naming the module.
  explicit Token(const TokenKey& source);
  ~Token();
  Token(const Token&) = delete;
  Token& operator=(const Token&) = delete;

  KeyPtr key() const;                              ///< a new reference to the private key
  CertPtr certificate() const;                     ///< a new reference to the key's certificate
  std::vector<CertPtr> other_certificates() const; ///< the token's other certificates
  /// "token 'LABEL', key 'LABEL' (id HEX)", for messages.
  const std::string& description() const;

private:
  struct Handles;
  std::unique_ptr<Handles> h_;
};

} // namespace baocao::sign
