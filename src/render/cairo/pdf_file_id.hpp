#pragma once
// Cairo 1.16 writes no trailer /ID. PdfIdWriter sits between Cairo and the
// file: it passes the bytes on, holding back the last few KiB, and when the
// file is complete adds an /ID derived from the content to the trailer.
// Told to hold the rest (the objects Cairo writes when the surface
// finishes), it also completes Cairo's /PageLabels (see finish()).
#include <functional>
#include <memory>
#include <string>

namespace baocao::render::cairo {

class PdfIdWriter {
public:
  /// Where the bytes go; returns false when they could not be written.
  using Out = std::function<bool(const char* data, size_t size)>;
  explicit PdfIdWriter(Out out);
  ~PdfIdWriter();
  PdfIdWriter(const PdfIdWriter&) = delete;
  PdfIdWriter& operator=(const PdfIdWriter&) = delete;

  bool write(const unsigned char* data, size_t size);
  /// Holds every byte from here to finish(): the document's last objects
  /// (fonts, bookmarks, page labels, catalog, cross-reference table).
  void hold_rest() { hold_all_ = true; }
  /// After hold_rest(): Cairo 1.16 writes no /PageLabels range for page
  /// index 0 when the first page is labelled "1" (it starts as if that range
  /// were open), though PDF requires one and poppler then shifts every label;
  /// the range `0 << /S /D /St 1 >>` is inserted and the cross-reference
  /// offsets after it moved.
  /// Inserts `/ID [<md5> <md5>]` (MD5 of every byte before the trailer)
  /// after the trailer dictionary's "<<" and writes the rest. The trailer
  /// follows the xref table, so no offset changes. Throws
  /// core::RuntimeError when the held-back end has no trailer. False when
  /// any write was refused.
  bool finish();

private:
  struct Hash;
  Out out_;
  std::unique_ptr<Hash> hash_;
  std::string held_;
  size_t passed_ = 0; ///< bytes passed on before held_
  bool hold_all_ = false;
  bool failed_ = false;
};

} // namespace baocao::render::cairo
