#pragma once
// Page previews: each page painted to its own PNG or SVG file as it arrives,
// with the same drawing code as the PDF (item_painter.hpp).
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "display/display_list.hpp"

namespace baocao::render::cairo {

enum class PreviewFormat { png, svg };

/// Writes page N to `file_for(N)` in page(): a PNG at `dpi` on white, or an
/// SVG sized in points. Only the current page's surface is alive, so memory
/// stays flat however many pages. Throws core::RuntimeError when Cairo
/// cannot draw or write a page.
class CairoPreviewSink : public display::Sink {
public:
  using FileFor = std::function<std::filesystem::path(int page)>;
  CairoPreviewSink(PreviewFormat format, int dpi, FileFor file_for);
  ~CairoPreviewSink() override;
  CairoPreviewSink(const CairoPreviewSink&) = delete;
  CairoPreviewSink& operator=(const CairoPreviewSink&) = delete;

  void begin(const display::DocumentInfo& info) override;
  void page(display::Page&& page) override;
  void end() override;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// One page painted on white at `dpi`, as PNG bytes: a chart or an SVG
/// picture for a DOCX, drawn by the same code as the PDF.
std::string png_bytes(const display::Page& page, int dpi);

} // namespace baocao::render::cairo
