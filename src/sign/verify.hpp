#pragma once
// Checking the signatures of a PDF (`baocao verify`): each signature field's
// signature dictionary, whether its byte range covers every byte of its
// revision but the signature, and what the CMS signature says (cms_check).
// Chains are checked only against roots the caller gives.
#include <array>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sign/cms_check.hpp"
#include "sign/pdf_objects.hpp"

namespace baocao::sign {

struct SignatureCheck {
  std::string field;                   ///< the field's full name ("Signature1"), or ""
  std::string sub_filter;              ///< "ETSI.CAdES.detached", without the slash
  std::optional<std::time_t> modified; ///< the dictionary's /M
  int revision = 0;                    ///< which revision holds the dictionary, from 1
  bool range_read = false;             ///< the byte range is four numbers within the file
  std::string range_problem;           ///< empty when it covers its revision
  std::string unchecked;               ///< why the signature could not be checked at all
  CmsCheck cms;

  /// The signing time: the CMS signingTime, else /M.
  std::optional<std::time_t> signed_at() const;
  /// Whether the certificate was valid at signed_at(); nothing when unknown.
  std::optional<bool> valid_when_signed() const;
  /// Whether the signed bytes are as signed: the byte range covers its
  /// revision, the digest matches and the signature verifies.
  bool intact() const;
  /// What is wrong with this signature, in the words verify prints: first
  /// what makes it not intact, then its certificate's validity and chain.
  std::vector<std::string> problems() const;
};

struct Verification {
  std::vector<SignatureCheck> signatures; ///< in the order they were made
  int revisions = 0;                      ///< incremental updates and the original
  std::vector<std::string> empty_fields;  ///< signature fields not signed yet
  /// How the file changed after the last signature ("revision 3 of 3 is not
  /// signed", "12 bytes after the end of revision 2"), or "".
  std::string changed_after;
  /// Every signature intact, with no problem, and nothing changed after the last.
  bool accepted() const;
};

/// Every signature of `bytes` (a PDF named `name` in messages), checked; with
/// `roots`, each chain is checked against them at its signing time. Throws
/// core::InputError when the file is not a PDF this can read, or has no signature.
Verification verify_pdf(std::string bytes, const std::string& name, const TrustedRoots* roots);

// The byte-range logic, public for its tests.

/// Where each revision ends, one past its %%EOF and end of line, oldest first.
std::vector<size_t> revision_ends(const PdfFile& pdf, const std::string& name);
/// A /ByteRange value's four numbers, or nothing when it is not exactly four
/// whole numbers, each range within a file of `file_size` bytes.
std::optional<std::array<size_t, 4>> parse_byte_range(std::string_view value, size_t file_size);
/// Why `range` does not cover every byte of its revision but the signature,
/// or "": it must be [0 a b c] with bytes a to b the /Contents string (`hole`,
/// its < and > included) and b + c the end of the revision (`revision_end`).
std::string byte_range_problem(const std::array<size_t, 4>& range, std::pair<size_t, size_t> hole,
                               size_t revision_end);

} // namespace baocao::sign
