#pragma once
// How a run of pages is set up (orientation, which part of the document,
// how its pages are numbered), and what a first pass of layout learnt about
// the pages that a second pass needs: where each heading landed (for the
// contents page) and how many pages each numbered run has (for {pages}).
#include <string>
#include <vector>

#include "layout/elements.hpp"

namespace baocao::layout {

struct PageSetup {
  bool landscape = false;
  int part = 0;             ///< 0: the report; k: its k-th appendix (display::Page::part)
  bool restart = false;     ///< page numbers start again at 1 here
  bool opens = false;       ///< starts a part: its first page follows the first-page rules
  std::string label_prefix; ///< the PDF page label's prefix from here on
  std::string appendix; ///< what {appendix} says on these pages ("PHỤ LỤC II"; "" in the report)
};

/// Where a heading landed.
struct HeadingPlace {
  int page = 0;      ///< display::Page::number
  double y = 0;      ///< the heading's top on that page
  std::string label; ///< that page's label as printed ("7", "PL I-2")
  int part = 0;      ///< that page's part (display::Page::part)
};

struct PageFacts {
  std::vector<HeadingPlace> headings; ///< by anchor - 1
  std::vector<int> run_pages;         ///< pages in each numbered run, in order
  int pages = 0;                      ///< the whole document's

  /// The heading with this anchor, or nullptr when unknown.
  const HeadingPlace* heading(int anchor) const {
    if (anchor < 1 || static_cast<size_t>(anchor) > headings.size()) return nullptr;
    const HeadingPlace& h = headings[static_cast<size_t>(anchor) - 1];
    return h.page ? &h : nullptr;
  }
};

/// Ends the page (unless nothing is on it yet) and sets up the pages that
/// follow: an appendix, a landscape table, the body after a contents page.
class PageBreak : public Element {
public:
  explicit PageBreak(PageSetup setup) : setup_(std::move(setup)) {}
  const PageSetup* page_setup() const override { return &setup_; }
  void measure(const Context&) override {}
  double first_piece() const override { return 0; }
  Placement place(const Region& region, const Resume&) override {
    Placement p;
    p.frame.size.width = region.width;
    return p;
  }

private:
  PageSetup setup_;
};

} // namespace baocao::layout
