#pragma once
// What `baocao sign` and `build --sign` share: the appearance of a signature
// painted as a one-page PDF, the image given at signing time, and the
// signing time in the form Decree 30 writes it.
#include <ctime>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/key_options.hpp"
#include "display/display_list.hpp"
#include "model/report.hpp"
#include "sign/pdf_signature.hpp"

namespace baocao::app {

/// The key and the signature's options, as `baocao sign` and `build --sign`
/// read them from the same flags.
struct SignRequest {
  KeyOptions key; ///< a .p12 or a token (app/key_options)
  sign::SignOptions options;
  bool given = false; ///< any of these flags was given
};

/// Reads one signing flag (a key option of app/key_options, --reason,
/// --location, --subfilter) into `r`; false for any other argument.
bool parse_sign_option(const std::string& arg, const std::function<std::string(const char*)>& value,
                       SignRequest& r);

/// The signing key the flags name, loaded and checked (the password or PIN
/// opens it, its key matches its certificate, the certificate is valid now).
/// Throws UsageError when no key is named, core::InputError when it cannot sign.
std::unique_ptr<sign::Signer> load_signer(const SignRequest& r);

/// A one-page PDF of `page` (a signature's appearance), painted as the
/// document it goes into: by Cairo, or for PDF/A by libharu without
/// transparency (a transparent PNG becomes colours over a 1-bit mask).
std::string paint_appearance(display::Page page, bool pdfa);

/// The picture a flag names, with its format and size read from its header.
/// Throws core::InputError naming the file when it is not a PNG or JPEG.
model::Image signing_image(const std::string& path);

/// "2026-12-06T15:04:05+07:00": ISO 8601 in Vietnam's time, as Decree 30
/// writes a signing time.
std::string iso_vietnam_time(std::time_t when);

} // namespace baocao::app
