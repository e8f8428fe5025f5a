#include "sign/cms_check.hpp"

#include <algorithm>
#include <climits>
#include <fstream>

#include "core/error.hpp"
#include "sign/openssl_handles.hpp"

namespace baocao::sign {
namespace {

std::string one_line(const X509_NAME* name) {
  BioPtr out(BIO_new(BIO_s_mem()));
  if (!out || X509_NAME_print_ex(out.get(), name, 0, XN_FLAG_ONELINE & ~ASN1_STRFLGS_ESC_MSB) < 0)
    return "?";
  char* text = nullptr;
  long n = BIO_get_mem_data(out.get(), &text);
  return std::string(text, static_cast<size_t>(n));
}

std::optional<std::time_t> seconds(const ASN1_TIME* t) {
  std::tm tm{};
  if (!t || !ASN1_TIME_to_tm(t, &tm)) return std::nullopt;
  return timegm(&tm);
}

std::string digest_name(int nid) {
  switch (nid) {
  case NID_sha1:
    return "SHA-1";
  case NID_sha224:
    return "SHA-224";
  case NID_sha256:
    return "SHA-256";
  case NID_sha384:
    return "SHA-384";
  case NID_sha512:
    return "SHA-512";
  default: {
    const char* name = OBJ_nid2ln(nid);
    return name ? name : "an unknown digest";
  }
  }
}

void read_certificate(X509* cert, CmsCheck& out) {
  out.has_certificate = true;
  out.signer = name_entry(X509_get_subject_name(cert), NID_commonName);
  out.organisation = name_entry(X509_get_subject_name(cert), NID_organizationName);
  const X509_NAME* issuer = X509_get_issuer_name(cert);
  out.issuer = name_entry(issuer, NID_commonName);
  if (out.issuer.empty()) out.issuer = name_entry(issuer, NID_organizationName);
  if (out.issuer.empty()) out.issuer = one_line(issuer);
  out.not_before = seconds(X509_get0_notBefore(cert)).value_or(0);
  out.not_after = seconds(X509_get0_notAfter(cert)).value_or(0);
}

std::optional<std::time_t> signing_time(CMS_SignerInfo* si) {
  int at = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
  if (at < 0) return std::nullopt;
  const ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(CMS_signed_get_attr(si, at), 0);
  if (!value || (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME))
    return std::nullopt;
  return seconds(value->value.utctime);
}

/// The signer's message-digest attribute against the digest of the parts.
void check_digest(CMS_SignerInfo* si, const std::vector<std::string_view>& parts, CmsCheck& out) {
  X509_ALGOR* algorithm = nullptr;
  CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &algorithm, nullptr);
  const ASN1_OBJECT* oid = nullptr;
  if (algorithm) X509_ALGOR_get0(&oid, nullptr, nullptr, algorithm);
  const int nid = oid ? OBJ_obj2nid(oid) : NID_undef;
  out.digest_name = digest_name(nid);
  const EVP_MD* md = EVP_get_digestbynid(nid);
  auto* attribute = static_cast<const ASN1_OCTET_STRING*>(CMS_signed_get0_data_by_OBJ(
      si, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING));
  if (!attribute) out.digest_problem = "no message-digest attribute";
  if (!md) out.digest_problem = "an unknown digest algorithm, " + out.digest_name;
  if (!md || !attribute) return;
  MdCtxPtr ctx(EVP_MD_CTX_new());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  bool ok = ctx && EVP_DigestInit_ex(ctx.get(), md, nullptr);
  for (auto part : parts) ok = ok && EVP_DigestUpdate(ctx.get(), part.data(), part.size());
  ok = ok && EVP_DigestFinal_ex(ctx.get(), digest, &size);
  if (!ok) {
    out.digest_problem = "the digest failed: " + openssl_error();
    return;
  }
  out.digest_matches = static_cast<int>(size) == ASN1_STRING_length(attribute) &&
                       std::equal(digest, digest + size, ASN1_STRING_get0_data(attribute));
}

} // namespace

struct TrustedRoots::Impl {
  StorePtr store;
};

TrustedRoots::TrustedRoots(const std::string& pem_path) : impl_(std::make_unique<Impl>()) {
  auto fail = [&](const std::string& problem) {
    ERR_clear_error();
    throw core::InputError({pem_path, 0, 0}, "", problem,
                           "a PEM file of trusted root certificates");
  };
  if (!std::ifstream(pem_path)) fail("cannot be read");
  impl_->store.reset(X509_STORE_new());
  if (!impl_->store) throw core::RuntimeError("X509_STORE_new: " + openssl_error());
  if (X509_STORE_load_file(impl_->store.get(), pem_path.c_str()) != 1)
    fail("holds no certificate (" + openssl_error() + ")");
  ERR_clear_error();
}

TrustedRoots::~TrustedRoots() = default;

CmsCheck check_cms(std::string_view der, const std::vector<std::string_view>& parts,
                   const TrustedRoots* roots) {
  CmsCheck out;
  if (der.size() > INT_MAX) der = der.substr(0, INT_MAX);
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
  if (!cms) {
    out.unreadable = "the signature is not CMS (" + openssl_error() + ")";
    return out;
  }
  if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed) {
    out.unreadable = "the signature is CMS but not SignedData";
    return out;
  }
  STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms.get());
  if (!signers || sk_CMS_SignerInfo_num(signers) < 1) {
    out.unreadable = "the signature names no signer";
    return out;
  }
  // A PDF signature has one signer (ISO 32000-2, 12.8.3.3); the first is it.
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(signers, 0);
  CMS_set1_signers_certs(cms.get(), nullptr, 0); // finds each signer's certificate among its own
  X509* cert = nullptr;
  CMS_SignerInfo_get0_algs(si, nullptr, &cert, nullptr, nullptr);
  if (cert) read_certificate(cert, out);
  out.signing_time = signing_time(si);
  check_digest(si, parts, out);

  std::string content;
  size_t total = 0;
  for (auto part : parts) total += part.size();
  content.reserve(total);
  for (auto part : parts) content.append(part);
  ERR_clear_error();
  BioPtr data(BIO_new_mem_buf(content.data(), static_cast<int>(std::min<size_t>(total, INT_MAX))));
  const unsigned flags = CMS_BINARY | CMS_DETACHED | CMS_NO_SIGNER_CERT_VERIFY;
  out.signature_verifies =
      data && CMS_verify(cms.get(), nullptr, nullptr, data.get(), nullptr, flags) == 1;
  if (!out.signature_verifies) out.verify_problem = openssl_error();

  if (roots && cert) {
    CertsPtr untrusted(CMS_get1_certs(cms.get()));
    StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!ctx || !X509_STORE_CTX_init(ctx.get(), roots->impl_->store.get(), cert, untrusted.get()))
      throw core::RuntimeError("X509_STORE_CTX_init: " + openssl_error());
    // Trust as it was when signed: a certificate expired since is no reason to doubt it.
    if (out.signing_time) X509_STORE_CTX_set_time(ctx.get(), 0, *out.signing_time);
    out.chain_trusted = X509_verify_cert(ctx.get()) == 1;
    if (!*out.chain_trusted)
      out.chain_problem = X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get()));
  }
  ERR_clear_error();
  return out;
}

} // namespace baocao::sign
