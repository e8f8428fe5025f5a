#pragma once
// The signing-key options, parsed in one place for `baocao sign` and
// `baocao build --sign`: a PKCS#12 file or a PKCS#11 token, its password or
// PIN, and extra CA certificates for the chain.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "sign/signer.hpp"

namespace baocao::app {

/// The key options as given, before any password or PIN is read.
struct KeyOptions {
  std::string p12;
  std::optional<std::string> p12_password, p12_password_file;
  std::string pkcs11_module;
  std::optional<std::string> pkcs11_slot; ///< as typed; resolve() reads the number
  std::string pkcs11_token, pkcs11_key;
  std::optional<std::string> pin, pin_file;
  std::vector<std::string> chain;

  /// Whether no key option was given.
  bool empty() const;
};

/// When `arg` is a key option (--p12, --p12-password, --p12-password-file,
/// --pkcs11-module, --pkcs11-slot, --pkcs11-token, --pkcs11-key, --pin,
/// --pin-file, --chain), stores its value, taken with `value(arg)` as the
/// commands' parsers do, in `out` and returns true; false for any other
/// argument. An empty value is a UsageError.
bool parse_key_option(const std::string& arg, const std::function<std::string(const char*)>& value,
                      KeyOptions& out);

/// The rules between the options, without reading anything: a UsageError when
/// --p12 and --pkcs11-module are both given or neither, when an option of the
/// other kind of key is given, or when the slot is not a number.
void check_key_options(const KeyOptions& options);

/// Where the key comes from (after check_key_options), with the password or
/// PIN read from its flag, its file or the environment (BAOCAO_P12_PASSWORD,
/// BAOCAO_PKCS11_PIN).
sign::KeySource resolve(const KeyOptions& options);

} // namespace baocao::app
