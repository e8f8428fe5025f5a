#include "sign/signer.hpp"

#include <ctime>
#include <fstream>
#include <sstream>
#include <vector>

#include <openssl/pem.h>

#include "core/error.hpp"
#include "sign/openssl_handles.hpp"
#include "sign/token.hpp"

namespace baocao::sign {
namespace {

std::string asn1_time(const ASN1_TIME* t) {
  struct tm tm {};
  if (!ASN1_TIME_to_tm(t, &tm)) return "?";
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return buf;
}

/// A key, its certificate and the other certificates that came with it.
struct Identity {
  KeyPtr key;
  CertPtr cert;
  std::vector<CertPtr> others;
};

Identity load_p12(const P12Key& source) {
  const std::string& p12_path = source.path;
  const std::string& password = source.password;
  auto fail = [&](const std::string& problem, const std::string& expected) {
    ERR_clear_error();
    throw core::InputError({p12_path, 0, 0}, "", problem, expected);
  };
  std::ifstream in(p12_path, std::ios::binary);
  if (!in) fail("cannot be read", "a PKCS#12 file (.p12 or .pfx) holding a key and certificate");
  std::ostringstream s;
  s << in.rdbuf();
  std::string bytes = s.str();
  if (bytes.size() > (16u << 20)) fail("is over 16 MB", "a PKCS#12 file");
  BioPtr bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
  P12Ptr p12(d2i_PKCS12_bio(bio.get(), nullptr));
  if (!p12) fail("is not a PKCS#12 file", "a .p12 or .pfx file holding a key and certificate");
  if (!PKCS12_verify_mac(p12.get(), password.c_str(), static_cast<int>(password.size())))
    fail("the password does not open it",
         "its password (--p12-password-file or BAOCAO_P12_PASSWORD)");
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* chain = nullptr;
  if (!PKCS12_parse(p12.get(), password.c_str(), &key, &cert, &chain))
    fail("cannot be opened: " + openssl_error(), "a PKCS#12 file and its password");
  Identity id{KeyPtr(key), CertPtr(cert), {}};
  CertsPtr owned_chain(chain);
  while (owned_chain && sk_X509_num(owned_chain.get()) > 0)
    id.others.emplace_back(sk_X509_shift(owned_chain.get()));
  if (!id.key) fail("holds no private key", "a PKCS#12 file with the signer's private key");
  if (!id.cert) fail("holds no certificate", "a PKCS#12 file with the signer's certificate");
  return id;
}

/// Every certificate in a PEM file (--chain).
std::vector<CertPtr> read_pem_certificates(const std::string& path) {
  auto fail = [&](const std::string& problem) {
    ERR_clear_error();
    throw core::InputError({path, 0, 0}, "", problem,
                           "a PEM file of CA certificates (-----BEGIN CERTIFICATE-----)");
  };
  BioPtr bio(BIO_new_file(path.c_str(), "rb"));
  if (!bio) fail("cannot be read");
  std::vector<CertPtr> out;
  while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
    out.emplace_back(cert);
  // The loop ends at the file's end (no more "BEGIN" lines) or at a bad certificate.
  unsigned long e = ERR_peek_last_error();
  if (e != 0 && !(ERR_GET_LIB(e) == ERR_LIB_PEM && ERR_GET_REASON(e) == PEM_R_NO_START_LINE))
    fail("a certificate in it cannot be read (" + openssl_error() + ")");
  ERR_clear_error();
  if (out.empty()) fail("holds no certificate");
  return out;
}

/// The checks every key source gets: the key matches the certificate, which
/// is valid now. `where` and `what` name the source in messages.
void check(const Identity& id, const std::string& where, const std::string& what) {
  auto fail = [&](const std::string& problem, const std::string& expected) {
    ERR_clear_error();
    throw core::InputError({where, 0, 0}, what, problem, expected);
  };
  if (X509_check_private_key(id.cert.get(), id.key.get()) != 1)
    fail("its private key does not match its certificate", "the key and certificate of one signer");
  const ASN1_TIME* not_before = X509_get0_notBefore(id.cert.get());
  const ASN1_TIME* not_after = X509_get0_notAfter(id.cert.get());
  if (X509_cmp_current_time(not_before) > 0)
    fail("its certificate is not valid before " + asn1_time(not_before), "a certificate valid now");
  if (X509_cmp_current_time(not_after) < 0)
    fail("its certificate expired on " + asn1_time(not_after), "a certificate valid now");
}

} // namespace

struct Signer::Impl {
  // First, so destroyed last: the token's key is a handle into it.
  std::unique_ptr<Token> token;
  KeyPtr key;
  CertPtr cert;
  CertsPtr chain;
};

Signer::Signer(const KeySource& source) : impl_(std::make_unique<Impl>()) {
  Identity id;
  if (const auto* p12 = std::get_if<P12Key>(&source.key)) {
    id = load_p12(*p12);
    check(id, p12->path, "");
  } else {
    const auto& token_key = std::get<TokenKey>(source.key);
    impl_->token = std::make_unique<Token>(token_key);
    id = Identity{impl_->token->key(), impl_->token->certificate(),
                  impl_->token->other_certificates()};
    check(id, token_key.module, impl_->token->description());
  }
  for (const auto& file : source.chain_files)
    for (auto& cert : read_pem_certificates(file)) id.others.push_back(std::move(cert));

  impl_->chain.reset(sk_X509_new_null());
  if (!impl_->chain) throw core::RuntimeError("sk_X509_new_null: " + openssl_error());
  // Each certificate once, and never the signer's own: CMS_add1_signer adds it.
  auto listed = [&](X509* cert) {
    if (X509_cmp(cert, id.cert.get()) == 0) return true;
    for (int i = 0; i < sk_X509_num(impl_->chain.get()); ++i)
      if (X509_cmp(cert, sk_X509_value(impl_->chain.get(), i)) == 0) return true;
    return false;
  };
  for (auto& cert : id.others) {
    if (listed(cert.get())) continue;
    if (!sk_X509_push(impl_->chain.get(), cert.get()))
      throw core::RuntimeError("sk_X509_push: " + openssl_error());
    cert.release(); // the chain owns it now
  }
  impl_->key = std::move(id.key);
  impl_->cert = std::move(id.cert);
  ERR_clear_error();
}

Signer::Signer(const std::string& p12_path, const std::string& password)
    : Signer(KeySource{P12Key{p12_path, password}, {}}) {}

Signer::~Signer() = default;

std::string Signer::common_name() const {
  return name_entry(X509_get_subject_name(impl_->cert.get()), NID_commonName);
}

std::string Signer::organisation() const {
  std::string o = name_entry(X509_get_subject_name(impl_->cert.get()), NID_organizationName);
  return o.empty() ? common_name() : o;
}

std::string Signer::sign(std::string_view data, SubFilter sub_filter) const {
  auto fail = [](const std::string& what) {
    throw core::RuntimeError("signing failed: " + what + ": " + openssl_error());
  };
  BioPtr in(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
  CmsPtr cms(CMS_sign(nullptr, nullptr, impl_->chain.get(), nullptr, flags));
  if (!cms) fail("CMS_sign");
  unsigned signer_flags = CMS_BINARY | CMS_NOSMIMECAP;
  if (sub_filter == SubFilter::cades) signer_flags |= CMS_CADES;
  if (!CMS_add1_signer(cms.get(), impl_->cert.get(), impl_->key.get(), EVP_sha256(), signer_flags))
    fail("CMS_add1_signer");
  if (!CMS_final(cms.get(), in.get(), nullptr, CMS_DETACHED | CMS_BINARY)) fail("CMS_final");
  BioPtr out(BIO_new(BIO_s_mem()));
  if (!i2d_CMS_bio(out.get(), cms.get())) fail("i2d_CMS_bio");
  char* bytes = nullptr;
  long n = BIO_get_mem_data(out.get(), &bytes);
  return std::string(bytes, static_cast<size_t>(n));
}

} // namespace baocao::sign
