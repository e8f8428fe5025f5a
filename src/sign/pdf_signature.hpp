#pragma once
// Signing a PDF: an incremental update that adds a signature field, its
// widget and a signature dictionary whose /Contents holds a CMS detached
// signature over every byte of the file but that /Contents. Earlier
// revisions (and earlier signatures) stay byte for byte as they were.
#include <ctime>
#include <string>

#include "sign/signer.hpp"

namespace baocao::sign {

struct SignOptions {
  SubFilter sub_filter = SubFilter::cades;
  std::string reason;
  std::string location;
  std::time_t when = 0; ///< the signing time (0: now)
};

/// The signed file: `pdf` (named `name` in messages) with one more signature
/// from `signer`, invisible, on the last page. Throws core::InputError when the file
/// is not a PDF this can update.
std::string sign_pdf(const std::string& pdf, const std::string& name, const Signer& signer,
                     const SignOptions& options);

} // namespace baocao::sign
