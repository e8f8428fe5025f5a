#include "sign/signer.hpp"

#include <ctime>
#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "sign/openssl_handles.hpp"

namespace baocao::sign {
namespace {

std::string asn1_time(const ASN1_TIME* t) {
  struct tm tm {};
  if (!ASN1_TIME_to_tm(t, &tm)) return "?";
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return buf;
}

} // namespace

struct Signer::Impl {
  KeyPtr key;
  CertPtr cert;
  CertsPtr chain;
};

Signer::Signer(const std::string& p12_path, const std::string& password)
    : impl_(std::make_unique<Impl>()) {
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
  impl_->key.reset(key);
  impl_->cert.reset(cert);
  impl_->chain.reset(chain);
  if (!impl_->key) fail("holds no private key", "a PKCS#12 file with the signer's private key");
  if (!impl_->cert) fail("holds no certificate", "a PKCS#12 file with the signer's certificate");
  if (X509_check_private_key(impl_->cert.get(), impl_->key.get()) != 1)
    fail("its private key does not match its certificate", "the key and certificate of one signer");
  const ASN1_TIME* not_before = X509_get0_notBefore(impl_->cert.get());
  const ASN1_TIME* not_after = X509_get0_notAfter(impl_->cert.get());
  if (X509_cmp_current_time(not_before) > 0)
    fail("its certificate is not valid before " + asn1_time(not_before), "a certificate valid now");
  if (X509_cmp_current_time(not_after) < 0)
    fail("its certificate expired on " + asn1_time(not_after), "a certificate valid now");
  ERR_clear_error();
}

Signer::~Signer() = default;

namespace {

std::string subject_entry(X509* cert, int nid) {
  X509_NAME* name = X509_get_subject_name(cert);
  int i = X509_NAME_get_index_by_NID(name, nid, -1);
  if (i < 0) return "";
  ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
  unsigned char* utf8 = nullptr;
  int n = ASN1_STRING_to_UTF8(&utf8, data);
  if (n < 0) return "";
  std::string out(reinterpret_cast<char*>(utf8), static_cast<size_t>(n));
  OPENSSL_free(utf8);
  return out;
}

} // namespace

std::string Signer::common_name() const {
  return subject_entry(impl_->cert.get(), NID_commonName);
}

std::string Signer::organisation() const {
  std::string o = subject_entry(impl_->cert.get(), NID_organizationName);
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
