#pragma once
// Paints display-list pages with libharu: the second painter, for archival
// (PDF/A-1b) and encrypted PDF. Like the Cairo painter it draws exactly what
// the pages say: no measuring, no breaking, no choosing of fonts.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "display/display_list.hpp"

namespace baocao::render::haru {

/// Who may open the file and what a reader may do with it.
struct Protection {
  std::string owner; ///< required; opens the file with every right
  std::string user;  ///< empty: the file opens without a password
  bool print = true;
  bool copy = true;
  bool edit = false;
  bool annotate = false;
};

struct HaruOptions {
  bool pdfa = false; ///< draw without transparency (images flattened onto white)
  std::optional<Protection> protection;
};

/// Collects the pages in a libharu document and writes `path` in end().
/// Text is drawn cluster by cluster at the glyph positions Pango computed,
/// with the same TrueType file embedded as a subset; the UTF-8 text is what
/// the PDF shows, so it extracts exactly. Throws core::RuntimeError when
/// libharu reports an error.
class HaruPdfSink : public display::Sink {
public:
  HaruPdfSink(std::filesystem::path path, HaruOptions options);
  ~HaruPdfSink() override;
  HaruPdfSink(const HaruPdfSink&) = delete;
  HaruPdfSink& operator=(const HaruPdfSink&) = delete;

  void begin(const display::DocumentInfo& info) override;
  void page(display::Page&& page) override;
  void end() override;

  /// TextOut calls made so far (for measuring how well clusters join).
  long text_outs() const;

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// libharu's version, such as "2.3.0" (for baocao --version: libharu's
/// headers stay inside render/haru).
std::string libharu_version();

} // namespace baocao::render::haru
