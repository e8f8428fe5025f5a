#pragma once
#include "display/display_list.hpp"
#include "model/report.hpp"
#include "style/style.hpp"
#include "text/font_system.hpp"

namespace baocao::layout {

/// Lays the report out in the style and sends each finished page to the sink.
void lay_out(const model::Report& report, const style::Style& style, const text::FontSystem& fonts,
             display::Sink& sink);

/// The document facts a painter writes into the file (title, author, ...).
display::DocumentInfo document_info(const model::Report& report);

} // namespace baocao::layout
