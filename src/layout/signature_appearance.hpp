#pragma once
// What a digital signature shows (issue 15): a page the size of its field,
// painted like any other and brought into the signed file as the field's
// appearance. Layout decides where things go on it; the signing step only
// copies it.
#include <string>
#include <vector>

#include "display/display_list.hpp"
#include "model/report.hpp"
#include "text/font_system.hpp"

namespace baocao::layout {

/// The signer's signature or the organisation's seal: the picture scaled to
/// fit the field, its proportions kept, centred.
display::Page image_appearance(const model::Image& image, core::Size field);

/// The text-only organisation signature of an appendix issued as a separate
/// file (Decree 30, Appendix I §II.8.b): its lines in Times New Roman 10 pt
/// (Liberation Serif, its metric twin), upright, black, one under another.
/// The page is as large as the text.
display::Page text_appearance(const text::FontSystem& fonts, const std::vector<std::string>& lines);

/// Where the text-only signature goes on a first page of `page` size: its
/// top-right corner 15 mm from the right edge and 6 mm from the top, in the
/// top margin that every official template keeps (20 mm or more).
core::Rect text_signature_rect(core::Size page, core::Size text);

} // namespace baocao::layout
