#pragma once
// The font half of make_pdfa1b (pdfa.hpp), also used for every libharu file.
#include <hpdf.h>

namespace baocao::render::haru {

/// Makes each embedded CID TrueType font PDF/A-ready (descriptor with
/// CapHeight and CIDSet, a ToUnicode CMap readers accept); throws if a font
/// is not embedded.
void complete_fonts(HPDF_Doc doc);

} // namespace baocao::render::haru
