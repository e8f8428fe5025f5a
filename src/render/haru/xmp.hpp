#pragma once
// The text pieces PDF/A needs, kept free of libharu so they can be tested
// alone: the XMP packet, PDF and XMP dates, UTF-16BE text strings.
#include <string>

#include "display/display_list.hpp"

namespace baocao::render::haru {

/// "D:20150811000000+00'00'" for the Info dictionary; "" when info has no date.
std::string pdf_date(const display::DocumentInfo& info);

/// "2015-08-11T00:00:00+00:00", the same instant as pdf_date; "" when no date.
std::string xmp_date(const display::DocumentInfo& info);

/// UTF-8 → UTF-16BE with a byte-order mark: how a PDF text string carries
/// Vietnamese so every reader (and Preflight's Info/XMP comparison) decodes it alike.
std::string utf16be_with_bom(const std::string& utf8);

/// The XMP packet declaring PDF/A-1b, holding exactly the Info dictionary's
/// values (make_pdfa1b writes both from the same fields). Empty fields are left out.
std::string xmp_packet(const display::DocumentInfo& info, const std::string& producer);

} // namespace baocao::render::haru
