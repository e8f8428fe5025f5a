#pragma once
#include "layout/elements.hpp"
#include "model/report.hpp"

namespace baocao::layout {

/// Page 1's heading block: bodies, number, motto, place and date, kind and title.
/// With `blank_number_date`, the number's serial and the date are left blank
/// for the issuing office (LayoutOptions).
std::unique_ptr<Element> make_masthead(const model::Document& doc, bool blank_number_date = false);

/// Recipients (left) and signature (right), kept on one page.
/// With `signature_fields`, signature fields (signer, organisation) take the
/// place of the signature and seal images.
std::unique_ptr<Element> make_closing(const model::Report& report, const style::Style& style,
                                      bool signature_fields = false);

} // namespace baocao::layout
