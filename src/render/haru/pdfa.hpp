#pragma once
// PDF/A-1b for documents drawn with libharu 2.3.0, which only declares the
// conformance: this fills in what the standard (and Apache PDFBox Preflight)
// require, through libharu's own object API.
#include <filesystem>

#include <hpdf.h>

#include "display/display_list.hpp"

namespace baocao::render::haru {

/// Where the sRGB profile for the output intent is read from:
/// $BAOCAO_SRGB_ICC if set, else Debian's icc-profiles-free copy.
std::filesystem::path srgb_profile_path();

/// Turns a finished libharu document into PDF/A-1b. Call it after every page
/// is drawn and before HPDF_SaveToFile. It
///  - adds the sRGB output intent (so DeviceRGB/DeviceGray colours are allowed);
///  - writes the Info dictionary from `info` and an uncompressed XMP packet with
///    the same values (title, author, subject, keywords, creator, producer,
///    dates) plus pdfaid part 1 / conformance B;
///  - sets the trailer /ID to an MD5 of the content, so the same input gives
///    byte-identical files;
///  - creates each embedded CID TrueType font's descriptor and subset now (as
///    libharu would while saving) and adds CapHeight and a CIDSet of the CIDs
///    whose glyphs the subset holds.
/// Throws core::RuntimeError when the document cannot be PDF/A (encryption,
/// a font that is not embedded, a soft mask) or the sRGB profile is missing.
void make_pdfa1b(HPDF_Doc doc, const display::DocumentInfo& info);

/// Sets the trailer /ID to an MD5 of the metadata and every page's drawing
/// operators (not the clock), once all pages are drawn. For any unencrypted
/// file: libharu writes an ID of its own only when it encrypts.
void set_trailer_id(HPDF_Doc doc, const display::DocumentInfo& info);

} // namespace baocao::render::haru
