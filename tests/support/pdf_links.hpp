#pragma once
// What a PDF says about its pages beyond their text: each page's size and
// /Rotate (pdfinfo), page labels (poppler) and where internal links go (our
// own src/sign reader, which reads the classic cross-reference tables Cairo
// and libharu write).
#include <filesystem>
#include <string>
#include <vector>

namespace baocao::test {

struct PageBox {
  double width = 0, height = 0;
  int rotate = 0;
};

/// Each page's size and rotation, as pdfinfo reports them.
std::vector<PageBox> page_boxes(const std::filesystem::path& pdf);

/// Each page's label ("1", "PL I-2"), as poppler reads /PageLabels.
std::vector<std::string> page_labels(const std::filesystem::path& pdf);

struct InternalLink {
  int from = 0;       ///< 1-based page holding the link
  int to = 0;         ///< 1-based target page; 0 when the target is no page of the file
  double top = 0;     ///< the destination's top, PDF units (y up from the page's foot)
  bool print = false; ///< /F has the print flag (PDF/A-1 asks it)
};

/// Every link annotation with a page destination (/Dest or a GoTo action).
std::vector<InternalLink> internal_links(const std::filesystem::path& pdf);

} // namespace baocao::test
