#pragma once
// Helpers for the libharu painter that need no page: the error record that
// libharu's C callback fills, PDF text strings, PNG decoding.
#include <cstdint>
#include <string>
#include <vector>

#include <hpdf.h>

#include "core/c_handle.hpp"

namespace baocao::render::haru {

using DocPtr = core::CHandle<HPDF_Doc_Rec, HPDF_Free>;

/// What libharu's error callback saw. The callback only records (throwing
/// through C frames is undefined); `check` throws once the call returned.
struct ErrorRecord {
  HPDF_STATUS code = 0;
  HPDF_STATUS detail = 0;
};

/// The callback to pass to HPDF_New with an ErrorRecord* as user data.
void record_error(HPDF_STATUS code, HPDF_STATUS detail, void* record) noexcept;

/// Throws core::RuntimeError("libharu: <what>: <cause>") if an error was
/// recorded, and clears it.
void check(HPDF_Doc doc, ErrorRecord& record, const std::string& what);

/// A PNG decoded to 8-bit RGB, composited onto white: no alpha is left, so
/// nothing transparent reaches the PDF (PDF/A-1 forbids it).
struct FlatImage {
  uint32_t width = 0, height = 0;
  std::vector<uint8_t> rgb;
  /// 1 bit a pixel, rows padded to whole bytes, most significant bit first:
  /// 1 where the pixel is mostly transparent (alpha < 128), for a stencil
  /// /Mask, which PDF/A-1 allows where it forbids soft masks.
  std::vector<uint8_t> mask;
};
FlatImage flatten_png(const std::string& file);

/// True when the PNG has an alpha channel or a transparent palette entry.
bool png_has_alpha(const std::string& file);

} // namespace baocao::render::haru
