#pragma once
// Decree 30's marks (docs/marks.md): the urgency stamp and distribution mark
// the masthead puts under the number on page 1, and the draft's furniture the
// paginator adds to each page as it starts it (a "DỰ THẢO" box at the top
// right, and a light diagonal watermark under everything else).
#include <optional>
#include <string>
#include <vector>

#include "display/display_list.hpp"
#include "model/report.hpp"
#include "style/style.hpp"
#include "text/font_system.hpp"

namespace baocao::layout {

/// The urgency stamp's words and width (points) in this template; "" and 0 for none.
std::string urgency_words(const style::MarksStyle& ms, model::Urgency urgency);
double stamp_width(const style::MarksStyle& ms, model::Urgency urgency);

/// The urgency stamp, then the distribution mark, in the column from x to
/// x + width, below `top` (frame coordinates): the stamp aligned as the
/// number is, the mark as its own style says. Returns the new top: `top`
/// itself when the document has neither.
double put_document_marks(display::Frame& frame, const style::Style& style,
                          const text::FontSystem& fonts, const model::Document& doc, double x,
                          double width, double top);

/// A draft's furniture for each page (none when the report is not a draft).
class DraftMarks {
public:
  DraftMarks(const std::optional<model::Draft>& draft, const style::Style& style,
             const text::FontSystem& fonts);

  /// Whether page `number` carries the mark.
  bool marks(int number) const;
  /// Adds the page's draft items: the box at the end, the watermark before
  /// every item, so the page number, footer and text lie over it.
  void add_to(display::Page& page);
  /// After the last page: a listed page the document does not reach is an
  /// InputError at `draft.pages` (the mark must never be left out silently).
  void check_pages() const;

  /// The watermark's angle on a page of this size, degrees counter-clockwise.
  double watermark_angle(core::Size page) const;

private:
  void add_box(display::Page& page);
  void add_watermark(display::Page& page);

  const std::optional<model::Draft>& draft_;
  const style::Style& style_;
  const text::FontSystem& fonts_;
  std::optional<text::ShapedParagraph> box_text_; ///< the box's words, shaped once
  std::optional<text::Line> watermark_line_;      ///< the watermark's words, shaped once
  int last_page_ = 0;
};

} // namespace baocao::layout
