#pragma once
// `--format docx`: the report's flow written as a Word document, beside the
// PDF's layout rather than after it (docs/architecture.md, "The DOCX twin").
#include <filesystem>

#include "layout/document.hpp"
#include "model/report.hpp"
#include "style/style.hpp"
#include "text/font_system.hpp"

namespace baocao::app {

/// Writes the DOCX to `file`: the flow as Word paragraphs and tables, charts
/// and SVG pictures drawn by the Cairo painter as 300 dpi PNGs, the
/// template's fonts embedded, the contents' pages as `facts` (the PDF's
/// layout) found them. Throws core::RuntimeError.
void write_docx(const model::Report& report, const style::Style& style,
                const text::FontSystem& fonts, const layout::LayoutOptions& options,
                const layout::PageFacts& facts, const std::filesystem::path& file);

} // namespace baocao::app
