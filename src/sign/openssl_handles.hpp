#pragma once
// OpenSSL C-handle owners for the sign module (core::CHandle aliases) and the
// error text of OpenSSL's queue. Internal to sign: it names OpenSSL.
#include <string>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>

#include "core/c_handle.hpp"

namespace baocao::sign {

// Free functions that are macros or return a value get a plain function here,
// so that CHandle can name them.
inline void free_bio(BIO* b) {
  BIO_free(b);
}
inline void free_certs(STACK_OF(X509) * s) {
  sk_X509_pop_free(s, X509_free);
}

using BioPtr = core::CHandle<BIO, free_bio>;
using KeyPtr = core::CHandle<EVP_PKEY, EVP_PKEY_free>;
using CertPtr = core::CHandle<X509, X509_free>;
using CertsPtr = core::CHandle<STACK_OF(X509), free_certs>;
using P12Ptr = core::CHandle<PKCS12, PKCS12_free>;
using CmsPtr = core::CHandle<CMS_ContentInfo, CMS_ContentInfo_free>;
using StorePtr = core::CHandle<X509_STORE, X509_STORE_free>;
using StoreCtxPtr = core::CHandle<X509_STORE_CTX, X509_STORE_CTX_free>;
using MdCtxPtr = core::CHandle<EVP_MD_CTX, EVP_MD_CTX_free>;

/// A new reference to `cert`, owned.
inline CertPtr share(X509* cert) {
  X509_up_ref(cert);
  return CertPtr(cert);
}

/// The oldest error on OpenSSL's queue (or the newest: libp11 queues its own
/// after any OpenSSL's), as text, and the queue emptied.
inline std::string openssl_error(bool newest = false) {
  unsigned long e = newest ? ERR_peek_last_error() : ERR_get_error();
  ERR_clear_error();
  if (e == 0) return "unknown OpenSSL error";
  char buf[256];
  ERR_error_string_n(e, buf, sizeof buf);
  return buf;
}

/// The first `nid` entry of a name (CN, O) as UTF-8, or "".
inline std::string name_entry(const X509_NAME* name, int nid) {
  int i = X509_NAME_get_index_by_NID(name, nid, -1);
  if (i < 0) return "";
  const ASN1_STRING* data = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
  unsigned char* utf8 = nullptr;
  int n = ASN1_STRING_to_UTF8(&utf8, data);
  if (n < 0) return "";
  std::string out(reinterpret_cast<char*>(utf8), static_cast<size_t>(n));
  OPENSSL_free(utf8);
  return out;
}

} // namespace baocao::sign
