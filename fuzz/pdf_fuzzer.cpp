// libFuzzer target: PDF bytes -> what `baocao sign` reads of a file before
// signing it (cross-references, pages, signature fields), the sign-ready
// update, and `baocao verify`'s checks. A clean refusal is a
// core::InputError (exit 2); a crash, a hang, a sanitizer report or any other
// exception is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/error.hpp"
#include "sign/pdf_signature.hpp"
#include "sign/verify.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string pdf(reinterpret_cast<const char*>(data), size);
  try {
    auto facts = baocao::sign::inspect_pdf(pdf, "<fuzz>");
    baocao::sign::SignOptions options;
    (void)baocao::sign::field_to_sign(facts, options, "<fuzz>");
    (void)baocao::sign::add_signature_fields(pdf, "<fuzz>", {{"signer", 0, {10, 10, 50, 20}}});
  } catch (const baocao::core::InputError&) {
    // expected for most inputs
  }
  try {
    (void)baocao::sign::verify_pdf(pdf, "<fuzz>", nullptr);
  } catch (const baocao::core::InputError&) {
  }
  return 0;
}
