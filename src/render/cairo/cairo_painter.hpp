#pragma once
// Paints display-list pages with Cairo. It draws exactly what the pages say:
// no measuring, no breaking, no choosing of fonts.
#include <filesystem>
#include <memory>
#include <ostream>

#include "display/display_list.hpp"

namespace baocao::render::cairo {

/// Writes a PDF to `path` as pages arrive: metadata, fonts embedded as subsets,
/// text with its cluster map (so it extracts exactly), headings as bookmarks.
/// Throws core::RuntimeError when Cairo reports an error.
class CairoPdfSink : public display::Sink {
public:
  explicit CairoPdfSink(std::filesystem::path path);
  /// Writes the PDF to `out` instead (kept in memory by the fuzz target).
  explicit CairoPdfSink(std::ostream& out);
  ~CairoPdfSink() override;
  CairoPdfSink(const CairoPdfSink&) = delete;
  CairoPdfSink& operator=(const CairoPdfSink&) = delete;

  void begin(const display::DocumentInfo& info) override;
  void page(display::Page&& page) override;
  void end() override;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace baocao::render::cairo
