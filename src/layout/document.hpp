#pragma once
#include "display/display_list.hpp"
#include "layout/page_setup.hpp"
#include "model/report.hpp"
#include "style/style.hpp"
#include "text/font_system.hpp"

namespace baocao::layout {

/// What the build asks of layout beyond the report and its template.
struct LayoutOptions {
  /// The document is to be signed (issue 15): the signature block gets a
  /// signature field for the signer and one for the organisation where their
  /// images go, and the images are not drawn on the page (an image without a
  /// signature would imitate a signed document).
  bool signature_fields = false;
  /// The issuing office fills the number and date when it signs: the
  /// number's serial and the date's day, month and last two digits of the
  /// year are left blank (core::blank_number, core::format_blank_date).
  bool blank_number_date = false;
};

/// Whether layout runs twice: a contents page, or {pages} in the page furniture.
bool needs_two_passes(const model::Report& report, const style::Style& style);

/// Lays the report out in the style and sends each finished page to the
/// sink. Returns what the layout learnt: where each heading landed (a DOCX's
/// contents prints those page numbers).
PageFacts lay_out(const model::Report& report, const style::Style& style,
                  const text::FontSystem& fonts, display::Sink& sink,
                  const LayoutOptions& options = {});

/// The document facts a painter writes into the file (title, author, ...).
display::DocumentInfo document_info(const model::Report& report);

} // namespace baocao::layout
