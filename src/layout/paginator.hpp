#pragma once
// The one place pages are made: the paginator asks each element in turn to
// fill what is left of the page, starts a new page when it must, applies the
// keep rules between elements (a heading goes with what follows; the
// signature never stands alone), adds each page's furniture (page number,
// running footer) and sends finished pages straight to the sink, so a long
// report is never held whole.
#include <string>

#include "display/display_list.hpp"
#include "layout/elements.hpp"
#include "layout/marks.hpp"
#include "style/style.hpp"
#include "text/font_system.hpp"

namespace baocao::layout {

/// What the running footer's placeholders stand for.
struct FooterFields {
  std::string issuer, kind, title, year;
};

class Paginator {
public:
  /// `draft`, when given, adds each page's draft marks as the page starts.
  Paginator(const style::Style& style, const text::FontSystem& fonts, display::Sink& sink,
            FooterFields footer = {}, DraftMarks* draft = nullptr);

  /// What elements measure themselves with; it lasts as long as the
  /// paginator, so an element may keep it to shape its later pieces.
  const Context& context() const { return ctx_; }

  /// Places every element, page after page, and emits the last page.
  void run(ElementList& elements);

private:
  double room() const { return area_.bottom() - y_; }
  bool at_top() const { return y_ <= area_.y + 1e-6; }
  /// Vertical space between blocks; dropped at the top of a page.
  void space(double pts);
  void next_page();
  void start_page(int number);
  void add_footer(int number);
  /// One line of page furniture across the text width (aligned by `ts`) on
  /// this baseline, outside the text area. Returns the line's ascent.
  double place_margin_line(const style::TextStyle& ts, const std::string& text, double baseline);

  /// Element j, measured the first time it is needed.
  Element& measured(ElementList& elements, size_t j);
  /// Places element i from its start to its end, over as many pages as it takes.
  void place(Element& e, double tail);
  /// When the elements after `i` form a chain (each kept with the next) that
  /// ends in one needing company, the height that chain takes, plus the gap
  /// before it: element i must leave lines of its own to go with it.
  double company_needed_after(ElementList& elements, size_t i);

  const style::Style& style_;
  const text::FontSystem& fonts_;
  display::Sink& sink_;
  FooterFields footer_;
  DraftMarks* draft_ = nullptr;
  core::Rect area_;
  Context ctx_;
  display::Page page_;
  double y_ = 0;
  std::vector<bool> measured_;
};

} // namespace baocao::layout
