#pragma once
// The one place pages are made: the paginator asks each element in turn to
// fill what is left of the page, starts a new page when it must, applies the
// keep rules between elements (a heading goes with what follows; the
// signature never stands alone), sets pages up (portrait or landscape, the
// report or an appendix, how they are numbered), adds each page's furniture
// (page number, running header and footer) and sends finished pages straight
// to the sink, so a long report is never held whole. It records where each
// heading landed and how many pages each numbered run has (PageFacts): a
// first pass learns them, a second pass prints them.
#include <string>

#include "display/display_list.hpp"
#include "layout/elements.hpp"
#include "layout/marks.hpp"
#include "layout/page_setup.hpp"
#include "style/style.hpp"
#include "text/font_system.hpp"

namespace baocao::layout {

/// What the running header's and footer's placeholders stand for.
struct FooterFields {
  std::string issuer, kind, title, year;
};

class Paginator {
public:
  /// `known`: what an earlier pass learnt ({pages}); nullptr on a first pass.
  /// `draft`, when given, adds each page's draft marks once the page is full.
  Paginator(const style::Style& style, const text::FontSystem& fonts, display::Sink& sink,
            FooterFields footer = {}, const PageFacts* known = nullptr,
            DraftMarks* draft = nullptr);

  /// What portrait elements measure themselves with; it lasts as long as the
  /// paginator, so an element may keep it to shape its later pieces.
  const Context& context() const { return ctx_; }

  /// Places every element, page after page, and emits the last page.
  void run(ElementList& elements);

  /// Where the headings landed and the page counts, once run() has finished.
  const PageFacts& facts() const { return facts_; }

private:
  double room() const { return area_.bottom() - y_; }
  bool at_top() const { return y_ <= area_.y + 1e-6; }
  /// Vertical space between blocks; dropped at the top of a page.
  void space(double pts);
  void next_page();
  void start_page();
  /// Page number, header, footer and label, once the page's headings are known.
  void finish_page();
  void apply(const PageSetup& setup);
  void add_margin_line(const style::FooterStyle& ms, double baseline, bool rule_below);
  std::string fill(const std::string& pattern) const;
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
  const PageFacts* known_;
  DraftMarks* draft_;
  core::Rect portrait_area_, landscape_area_;
  core::Rect area_;
  Context ctx_, landscape_ctx_;
  display::Page page_;
  double y_ = 0;
  std::vector<bool> measured_;
  std::vector<bool> landscape_; ///< which elements lie on landscape pages

  PageSetup setup_;
  int run_ = 0;              ///< index of the numbered run (restarts so far)
  int run_page_ = 0;         ///< this page's number in its run
  bool opening_page_ = true; ///< the first page of the document or of an appendix
  bool placed_any_ = false;  ///< something of the body is on this page
  std::string section_;      ///< the level-1 heading current at the page's top
  PageFacts facts_;
};

} // namespace baocao::layout
