#include "sign/token.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <functional>
#include <mutex>
#include <utility>

#include <dlfcn.h>
#include <libp11.h>

#include "core/error.hpp"
#include "sign/openssl_handles.hpp"

namespace baocao::sign {
namespace {

// PKCS#11 return values (PKCS#11 v2.40, 3.6): libp11 queues a failed call's
// CKR code as the reason of an OpenSSL error, and installs no pkcs11.h.
constexpr int kCkrPinIncorrect = 0xA0;
constexpr int kCkrPinInvalid = 0xA1;
constexpr int kCkrPinLenRange = 0xA2;
constexpr int kCkrPinExpired = 0xA3;
constexpr int kCkrPinLocked = 0xA4;

void unload(PKCS11_CTX* ctx) {
  PKCS11_CTX_unload(ctx);
}
void close_library(void* library) {
  dlclose(library);
}
using LibraryPtr = core::CHandle<void, close_library>;
using CtxPtr = core::CHandle<PKCS11_CTX, PKCS11_CTX_free>;
// Finalizes and unloads a loaded module (unloading one that failed to load
// crashes libp11); the context's memory stays with its CtxPtr.
using ModulePtr = core::CHandle<PKCS11_CTX, unload>;
struct ReleaseSlots {
  PKCS11_CTX* ctx = nullptr;
  unsigned count = 0;
  void operator()(PKCS11_SLOT* slots) const { PKCS11_release_all_slots(ctx, slots, count); }
};
using SlotsPtr = std::unique_ptr<PKCS11_SLOT, ReleaseSlots>;

// One token open at a time in the process: a second context on the same
// module shares its C_Initialize, and the first to unload would finalize it
// under the other (batch builds sign on several threads).
std::mutex& module_mutex() {
  static std::mutex m;
  return m;
}

const char* const kPinSources = "--pin-file FILE, BAOCAO_PKCS11_PIN or --pin";

/// The module opened as libp11 will open it, to explain a failure (libp11
/// only prints dlopen's message to stderr). Kept open until libp11 is done.
LibraryPtr open_module(const std::string& path, const std::function<void(std::string)>& fail) {
  if (path.find('/') != std::string::npos && !std::filesystem::exists(path)) fail("no such file");
  LibraryPtr library(dlopen(path.c_str(), RTLD_LAZY | RTLD_LOCAL));
  if (!library) {
    std::string why = dlerror();
    if (why.rfind(path + ": ", 0) == 0) why.erase(0, path.size() + 2);
    fail("cannot be loaded (" + why + ")");
  }
  if (!dlsym(library.get(), "C_GetFunctionList"))
    fail("is not a PKCS#11 module (it has no C_GetFunctionList)");
  return library;
}

std::string hex(const unsigned char* bytes, size_t n) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out += digits[bytes[i] >> 4];
    out += digits[bytes[i] & 15];
  }
  return out;
}

std::string text(const char* s) {
  return s ? s : "";
}

std::string key_name(const PKCS11_KEY& key) {
  std::string s = "'" + text(key.label) + "'";
  if (key.id_len > 0) s += " (id " + hex(key.id, key.id_len) + ")";
  return s;
}

/// Whether --pkcs11-key `want` names `key`: its label, or its id in hex.
bool names_key(const PKCS11_KEY& key, const std::string& want) {
  if (key.label && want == key.label) return true;
  std::string id = want;
  std::transform(id.begin(), id.end(), id.begin(), [](unsigned char c) { return std::tolower(c); });
  if (id.rfind("0x", 0) == 0) id.erase(0, 2);
  return key.id_len > 0 && id == hex(key.id, key.id_len);
}

template <class T, class F> std::string listing(const std::vector<T>& items, F name) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ", ") + name(item);
  return out;
}

/// The key's certificate: the one with its ID, as PKCS#11 asks; failing that,
/// one with its public key, since some tokens store them under different IDs.
PKCS11_CERT* certificate_of(PKCS11_KEY* key, PKCS11_CERT* certs, unsigned count) {
  if (PKCS11_CERT* cert = PKCS11_find_certificate(key)) return cert;
  KeyPtr pkey(PKCS11_get_private_key(key));
  PKCS11_CERT* found = nullptr;
  for (unsigned i = 0; pkey && i < count && !found; ++i)
    if (certs[i].x509 && X509_check_private_key(certs[i].x509, pkey.get()) == 1) found = &certs[i];
  ERR_clear_error();
  return found;
}

} // namespace

// Declared in the order they must be made; destroyed in reverse, so the key
// and certificates go before the slots, and the module is unloaded last.
struct Token::Handles {
  std::unique_lock<std::mutex> one_at_a_time{module_mutex()};
  std::string description;
  LibraryPtr library;
  CtxPtr ctx;
  ModulePtr module;
  SlotsPtr slots;
  KeyPtr key;
  CertPtr cert;
  std::vector<CertPtr> others;
};

Token::Token(const TokenKey& source) : h_(std::make_unique<Handles>()) {
  auto fail = [&](const std::string& problem, const std::string& expected) {
    ERR_clear_error();
    throw core::InputError({source.module, 0, 0}, "", problem, expected);
  };
  // dlopen looks for a bare name on the library path; a file named so here is
  // the one meant.
  std::string module = source.module;
  if (module.find('/') == std::string::npos && std::filesystem::is_regular_file(module))
    module = "./" + module;
  h_->library = open_module(module, [&](const std::string& problem) {
    fail(problem, "the token vendor's PKCS#11 library (a .so file), such as "
                  "/usr/lib/softhsm/libsofthsm2.so");
  });
  h_->ctx.reset(PKCS11_CTX_new());
  if (!h_->ctx) throw core::RuntimeError("PKCS11_CTX_new: " + openssl_error(true));
  PKCS11_CTX* ctx = h_->ctx.get();
  if (PKCS11_CTX_load(ctx, module.c_str()) != 0)
    fail("cannot be initialized (" + openssl_error(true) + ")",
         "a PKCS#11 module that starts (see its vendor's configuration)");
  h_->module.reset(ctx);

  PKCS11_SLOT* slot_list = nullptr;
  unsigned slot_count = 0;
  if (PKCS11_enumerate_slots(ctx, &slot_list, &slot_count) != 0)
    fail("cannot list its slots (" + openssl_error(true) + ")", "a working PKCS#11 module");
  h_->slots = SlotsPtr(slot_list, ReleaseSlots{ctx, slot_count});

  // A slot with no token, or an uninitialized one (SoftHSM2 always offers a
  // free slot), cannot hold a key.
  std::vector<PKCS11_SLOT*> tokens, chosen;
  for (unsigned i = 0; i < slot_count; ++i)
    if (slot_list[i].token && slot_list[i].token->initialized) tokens.push_back(&slot_list[i]);
  // Listed in messages by label, keys by id: modules enumerate in no set order.
  std::sort(tokens.begin(), tokens.end(), [](PKCS11_SLOT* a, PKCS11_SLOT* b) {
    return text(a->token->label) < text(b->token->label);
  });
  for (PKCS11_SLOT* s : tokens)
    if ((!source.slot || PKCS11_get_slotid_from_slot(s) == *source.slot) &&
        (source.token.empty() || source.token == text(s->token->label)))
      chosen.push_back(s);
  auto token_name = [](PKCS11_SLOT* s) {
    return "'" + text(s->token->label) + "' (slot " +
           std::to_string(PKCS11_get_slotid_from_slot(s)) + ")";
  };
  if (tokens.empty())
    fail("finds no token in its " + std::to_string(slot_count) + " slots",
         "the token plugged in, and its vendor's module");
  if (chosen.empty()) {
    std::string wanted = source.token.empty() ? "" : "labelled '" + source.token + "'";
    if (source.slot)
      wanted += (wanted.empty() ? "in slot " : " in slot ") + std::to_string(*source.slot);
    fail("has no token " + wanted + "; tokens found: " + listing(tokens, token_name),
         "--pkcs11-token LABEL or --pkcs11-slot ID of one of them");
  }
  if (chosen.size() > 1)
    fail("has " + std::to_string(chosen.size()) + " tokens: " + listing(chosen, token_name),
         "one of them chosen with --pkcs11-token LABEL or --pkcs11-slot ID");
  PKCS11_SLOT* slot = chosen.front();
  PKCS11_TOKEN* token = slot->token;
  const std::string name = "token '" + text(token->label) + "'";

  if (token->loginRequired) {
    if (source.pin.empty()) fail(name + " needs its PIN", std::string("the PIN: ") + kPinSources);
    if (PKCS11_login(slot, 0, source.pin.c_str()) != 0) {
      unsigned long e = ERR_peek_last_error();
      int reason = ERR_GET_LIB(e) == ERR_get_CKR_code() ? ERR_GET_REASON(e) : 0;
      if (reason == kCkrPinIncorrect || reason == kCkrPinInvalid || reason == kCkrPinLenRange)
        fail(name + ": the PIN is wrong (a token locks itself after a few wrong tries)",
             std::string("the token's user PIN: ") + kPinSources);
      if (reason == kCkrPinLocked)
        fail(name + ": the PIN is locked after too many wrong tries",
             "the PIN unlocked with the token vendor's tool");
      if (reason == kCkrPinExpired)
        fail(name + ": the PIN has expired", "a new PIN set with the token vendor's tool");
      fail(name + ": cannot log in (" + openssl_error(true) + ")", "the token's user PIN");
    }
  }

  PKCS11_KEY* keys = nullptr;
  unsigned key_count = 0;
  if (PKCS11_enumerate_keys(token, &keys, &key_count) != 0)
    fail(name + ": cannot list its keys (" + openssl_error(true) + ")", "a readable token");
  PKCS11_CERT* certs = nullptr;
  unsigned cert_count = 0;
  if (PKCS11_enumerate_certs(token, &certs, &cert_count) != 0)
    fail(name + ": cannot list its certificates (" + openssl_error(true) + ")", "a readable token");

  std::vector<PKCS11_KEY*> all, named;
  for (unsigned i = 0; i < key_count; ++i) all.push_back(&keys[i]);
  std::sort(all.begin(), all.end(), [](PKCS11_KEY* a, PKCS11_KEY* b) {
    return std::pair(hex(a->id, a->id_len), text(a->label)) <
           std::pair(hex(b->id, b->id_len), text(b->label));
  });
  for (PKCS11_KEY* k : all)
    if (source.key.empty() || names_key(*k, source.key)) named.push_back(k);
  auto name_of = [](PKCS11_KEY* k) { return key_name(*k); };
  if (all.empty()) fail(name + " holds no private key", "a token holding the signer's private key");
  if (named.empty())
    fail(name + " has no key '" + source.key + "'; its keys: " + listing(all, name_of),
         "--pkcs11-key with one of their labels or ids");
  std::vector<std::pair<PKCS11_KEY*, PKCS11_CERT*>> usable;
  for (PKCS11_KEY* k : named)
    if (PKCS11_CERT* c = certificate_of(k, certs, cert_count)) usable.emplace_back(k, c);
  if (usable.empty())
    fail(name + ": no certificate on the token matches its private key " + listing(named, name_of),
         "the signer's certificate stored on the token beside its key (with the key's ID)");
  if (usable.size() > 1)
    fail(name + " holds " + std::to_string(usable.size()) + " keys with certificates: " +
             listing(usable, [](const auto& u) { return key_name(*u.first); }),
         "one of them chosen with --pkcs11-key LABEL_OR_ID");

  auto [key, cert] = usable.front();
  h_->description = name + ", key " + key_name(*key);
  h_->key.reset(PKCS11_get_private_key(key));
  if (!h_->key)
    fail(h_->description + ": cannot use the key (" + openssl_error(true) + ")",
         "an RSA or EC private key");
  h_->cert = share(cert->x509);
  for (unsigned i = 0; i < cert_count; ++i)
    if (&certs[i] != cert && certs[i].x509 && X509_cmp(certs[i].x509, cert->x509) != 0)
      h_->others.push_back(share(certs[i].x509));
  ERR_clear_error();
}

Token::~Token() = default;

KeyPtr Token::key() const {
  EVP_PKEY_up_ref(h_->key.get());
  return KeyPtr(h_->key.get());
}

CertPtr Token::certificate() const {
  return share(h_->cert.get());
}

std::vector<CertPtr> Token::other_certificates() const {
  std::vector<CertPtr> out;
  for (const auto& c : h_->others) out.push_back(share(c.get()));
  return out;
}

const std::string& Token::description() const {
  return h_->description;
}

} // namespace baocao::sign
