#pragma once
// What a CMS detached signature says and whether it holds (OpenSSL): the
// signer's certificate, the signing time, the message digest against the
// signed bytes, the signature itself and, given trusted roots, the chain.
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace baocao::sign {

class TrustedRoots;

struct CmsCheck {
  /// Empty when the bytes are a CMS SignedData with a signer; else why not.
  std::string unreadable;
  std::string signer;       ///< subject CN
  std::string organisation; ///< subject O
  std::string issuer;       ///< issuer CN, or its O, or the whole name
  bool has_certificate = false;
  std::time_t not_before = 0, not_after = 0;
  std::optional<std::time_t> signing_time; ///< the signingTime attribute
  std::string digest_name;                 ///< "SHA-256"
  /// The message-digest attribute against the digest of the signed bytes;
  /// nothing when they could not be compared, for `digest_problem`.
  std::optional<bool> digest_matches;
  std::string digest_problem;
  bool signature_verifies = false; ///< CMS_verify over the signed bytes
  std::string verify_problem;      ///< OpenSSL's reason when it does not
  /// With trusted roots: whether the chain reaches one at the signing time.
  std::optional<bool> chain_trusted;
  std::string chain_problem;
};

/// Trusted root certificates from a PEM file, for checking signers' chains.
class TrustedRoots {
public:
  /// Throws core::InputError naming `pem_path` when it cannot be read or holds
  /// no certificate.
  explicit TrustedRoots(const std::string& pem_path);
  ~TrustedRoots();
  TrustedRoots(const TrustedRoots&) = delete;
  TrustedRoots& operator=(const TrustedRoots&) = delete;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  friend CmsCheck check_cms(std::string_view, const std::vector<std::string_view>&,
                            const TrustedRoots*);
};

/// Checks `der` (a DER CMS SignedData, trailing zero padding allowed) as a
/// detached signature over the concatenation of `signed_parts`. Never throws
/// for what the bytes hold: a malformed signature comes back `unreadable`.
CmsCheck check_cms(std::string_view der, const std::vector<std::string_view>& signed_parts,
                   const TrustedRoots* roots);

} // namespace baocao::sign
