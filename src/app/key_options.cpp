#include "app/key_options.hpp"

#include <charconv>

#include "app/passwords.hpp"
#include "app/usage_error.hpp"

namespace baocao::app {
namespace {

/// A slot id as softhsm2-util prints it (decimal) or pkcs11-tool (0x… hex).
unsigned long slot_id(const std::string& text) {
  const bool hex = text.rfind("0x", 0) == 0 || text.rfind("0X", 0) == 0;
  const char* first = text.data() + (hex ? 2 : 0);
  const char* last = text.data() + text.size();
  unsigned long id = 0;
  auto [end, error] = std::from_chars(first, last, id, hex ? 16 : 10);
  if (first == last || error != std::errc() || end != last)
    throw UsageError("--pkcs11-slot " + text +
                     ": give the slot's id, a number (softhsm2-util --show-slots or "
                     "pkcs11-tool --list-slots shows it)");
  return id;
}

} // namespace

bool KeyOptions::empty() const {
  return p12.empty() && !p12_password && !p12_password_file && pkcs11_module.empty() &&
         !pkcs11_slot && pkcs11_token.empty() && pkcs11_key.empty() && !pin && !pin_file &&
         chain.empty();
}

bool parse_key_option(const std::string& a, const std::function<std::string(const char*)>& value,
                      KeyOptions& out) {
  auto take = [&](const char* name) {
    std::string v = value(name);
    if (v.empty()) throw UsageError(std::string(name) + " is empty");
    return v;
  };
  if (a == "--p12") {
    out.p12 = take("--p12");
  } else if (a == "--p12-password") {
    out.p12_password = take("--p12-password");
  } else if (a == "--p12-password-file") {
    out.p12_password_file = take("--p12-password-file");
  } else if (a == "--pkcs11-module") {
    out.pkcs11_module = take("--pkcs11-module");
  } else if (a == "--pkcs11-slot") {
    out.pkcs11_slot = take("--pkcs11-slot");
  } else if (a == "--pkcs11-token") {
    out.pkcs11_token = take("--pkcs11-token");
  } else if (a == "--pkcs11-key") {
    out.pkcs11_key = take("--pkcs11-key");
  } else if (a == "--pin") {
    out.pin = take("--pin");
  } else if (a == "--pin-file") {
    out.pin_file = take("--pin-file");
  } else if (a == "--chain") {
    out.chain.push_back(take("--chain"));
  } else {
    return false;
  }
  return true;
}

void check_key_options(const KeyOptions& o) {
  if (!o.p12.empty() && !o.pkcs11_module.empty())
    throw UsageError("give --p12 or --pkcs11-module, not both");
  if (o.p12.empty() && o.pkcs11_module.empty())
    throw UsageError("give the signing key: --p12 KEY.p12, or --pkcs11-module MODULE.so for a "
                     "USB token");
  if (!o.p12.empty()) {
    const char* token_option = o.pkcs11_slot             ? "--pkcs11-slot"
                               : !o.pkcs11_token.empty() ? "--pkcs11-token"
                               : !o.pkcs11_key.empty()   ? "--pkcs11-key"
                               : o.pin                   ? "--pin"
                               : o.pin_file              ? "--pin-file"
                                                         : nullptr;
    if (token_option)
      throw UsageError(std::string(token_option) +
                       " is for a token (--pkcs11-module); a .p12 takes --p12-password or "
                       "--p12-password-file");
    return;
  }
  if (o.p12_password || o.p12_password_file)
    throw UsageError(std::string(o.p12_password ? "--p12-password" : "--p12-password-file") +
                     " is for --p12; a token takes --pin or --pin-file");
  if (o.pkcs11_slot) slot_id(*o.pkcs11_slot);
}

sign::KeySource resolve(const KeyOptions& o) {
  check_key_options(o);
  sign::KeySource source;
  source.chain_files = o.chain;
  if (!o.p12.empty()) {
    source.key = sign::P12Key{
        o.p12,
        password(o.p12_password, o.p12_password_file, "p12", "BAOCAO_P12_PASSWORD").value_or("")};
    return source;
  }
  sign::TokenKey token;
  token.module = o.pkcs11_module;
  if (o.pkcs11_slot) token.slot = slot_id(*o.pkcs11_slot);
  token.token = o.pkcs11_token;
  token.key = o.pkcs11_key;
  token.pin = secret(o.pin, o.pin_file, "--pin", "--pin-file", "BAOCAO_PKCS11_PIN").value_or("");
  source.key = std::move(token);
  return source;
}

} // namespace baocao::app
