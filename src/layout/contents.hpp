#pragma once
// The contents page's list (MỤC LỤC): a line per heading, indented by level,
// dot leaders and the page number at the right edge, each line a link to its
// heading. The page numbers come from a first pass of layout (PageFacts);
// the numbers sit in a column of fixed width, so the list takes the same
// lines whatever they are and the second pass puts every heading where the
// first pass found it.
#include <optional>
#include <string>
#include <vector>

#include "layout/elements.hpp"
#include "layout/page_setup.hpp"

namespace baocao::layout {

struct ContentsEntry {
  std::string text; ///< "I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC", as the heading prints it
  int level = 1;    ///< 1..3
  int anchor = 0;   ///< the heading's display::OutlineEntry::anchor
};

class ContentsList : public Element {
public:
  /// `facts`: where the headings landed (nullptr on the first pass: no numbers).
  ContentsList(const style::ContentsStyle& style, std::vector<ContentsEntry> entries, double width,
               const PageFacts* facts);

  void measure(const Context& ctx) override;
  double first_piece() const override;
  Placement place(const Region& region, const Resume& from) override;

private:
  struct Shaped {
    text::ShapedParagraph title;
    std::optional<text::ShapedParagraph> number;
    double indent = 0;
    double pitch = 0;
    double before = 0;
    double height() const { return static_cast<double>(title.lines.size()) * pitch; }
  };
  void draw(display::Frame& frame, size_t i, double x, double top) const;

  const style::ContentsStyle& style_;
  std::vector<ContentsEntry> entries_;
  double width_;
  const PageFacts* facts_;
  std::vector<Shaped> shaped_;
  std::optional<text::ShapedParagraph> leader_[3];
};

} // namespace baocao::layout
