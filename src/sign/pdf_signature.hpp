#pragma once
// Signing a PDF: an incremental update that fills a signature field (an
// empty one the build wrote, or a new one) with a signature dictionary whose
// /Contents holds a CMS detached signature over every byte of the file but
// that /Contents. Earlier revisions (and earlier signatures) stay byte for
// byte as they were.
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "sign/signer.hpp"

namespace baocao::sign {

/// Where a new signature field goes: a page (0-based) and a rectangle from
/// the page's top-left corner, in points (the display list's coordinates).
struct FieldPlacement {
  std::string name; ///< "signer", "organisation"
  int page = 0;
  core::Rect rect;
};

struct SignOptions {
  SubFilter sub_filter = SubFilter::cades;
  std::string reason;
  std::string location;
  std::time_t when = 0; ///< the signing time (0: now)
  /// The field to sign, by name. Empty: the first unsigned field, else a new
  /// invisible one.
  std::string field;
  /// A new visible field instead (the text-only signature of an appendix).
  std::optional<FieldPlacement> new_field;
  /// A one-page PDF whose page is the signature's appearance, drawn in the
  /// field's rectangle; empty: an empty appearance.
  std::string appearance;
};

/// What signing needs to know of a PDF before it signs: its page sizes, its
/// signature fields, whether it claims PDF/A (its appearance must then be
/// drawn without transparency).
struct PdfFacts {
  std::vector<core::Size> pages;
  struct Field {
    std::string name;
    int page = -1;
    core::Rect rect;
    bool is_signed = false;
  };
  std::vector<Field> fields;
  bool pdfa = false;
};

/// Throws core::InputError (naming `name`) when the file is not a PDF this
/// can update.
PdfFacts inspect_pdf(const std::string& pdf, const std::string& name);

/// The field `options` choose, or nothing for a new invisible one; throws
/// core::InputError when a named field is missing or signed already.
std::optional<PdfFacts::Field> field_to_sign(const PdfFacts& facts, const SignOptions& options,
                                             const std::string& name);

/// The signed file: `pdf` (named `name` in messages) with one more signature
/// from `signer`. Throws core::InputError when the file is not a PDF this
/// can update or the field cannot be signed.
std::string sign_pdf(const std::string& pdf, const std::string& name, const Signer& signer,
                     const SignOptions& options);

/// `pdf` with empty, named signature fields (each with an empty appearance)
/// and /SigFlags 1: a document an e-office system or a later `baocao sign`
/// signs in place.
std::string add_signature_fields(const std::string& pdf, const std::string& name,
                                 const std::vector<FieldPlacement>& fields);

} // namespace baocao::sign
