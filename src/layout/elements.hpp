#pragma once
// Block elements: what the paginator places one after another. Each measures
// itself once (shapes its text for its width) and is then asked to fill
// regions: the room left on a page, then whole pages, until all of it is
// placed. It returns a frame for each region and, while something is left,
// where to resume (as Typst's regions and WeasyPrint's resume_at do). Elements
// never start pages: the paginator does, and it alone knows about pages.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "display/display_list.hpp"
#include "layout/lines.hpp"
#include "style/style.hpp"
#include "text/font_system.hpp"

namespace baocao::layout {

/// What an element measures itself with, once. It outlives the element's
/// placing, so an element may keep a pointer to it.
struct Context {
  const style::Style& style;
  const text::FontSystem& fonts;
  double left = 0;        ///< the text area's left edge on the page
  double width = 0;       ///< the text area's width
  double page_height = 0; ///< a whole empty page's text area: the tallest region
};

/// The space an element is asked to fill: what is left of the current page's
/// column. A frame's y is from its own top (the paginator moves it down the
/// page); its x is the page's, starting at `x`, so that a glyph's x stays
/// one sum however the frame is nested (the dump's run widths, x_end - x,
/// would otherwise move in their last digit at exact ties).
struct Region {
  double x = 0; ///< the column's left edge on the page
  double width = 0;
  double height = 0;      ///< room left on this page
  double page_height = 0; ///< room on a whole empty page
  bool at_top = false;    ///< nothing on this page yet: something must be placed
  /// Height of what must follow the element's end on the same page (keep
  /// rules): an element that can split leaves enough of itself for the next
  /// page to make that true.
  double tail = 0;

  /// Room left once `used` of the region is filled.
  double room(double used) const { return height - used; }
  /// Still at the page's top after `used` of the region is filled.
  bool at_top_after(double used) const { return at_top && used <= 1e-6; }
  /// Whether a piece that never splits, `h` high, goes here: it fits, or no
  /// page could do better.
  bool takes_whole(double h, double used = 0) const {
    return h <= room(used) || at_top_after(used);
  }
};

/// Where an element continues in the next region. Only the element that
/// returned it reads its counters (a line, a row group, a row inside it,
/// each cell's next line).
struct Resume {
  bool begun = false; ///< false: nothing placed yet (pushed whole to the next page)
  size_t index = 0;
  size_t step = 0;
  size_t sub = 0;
  std::vector<size_t> lines;

  /// Somewhere past the start.
  static Resume at(size_t index, size_t step = 0) {
    Resume r;
    r.begun = true;
    r.index = index;
    r.step = step;
    return r;
  }
};

/// What an element put in a region, and where it goes on if not finished.
struct Placement {
  display::Frame frame;
  std::optional<Resume> rest;

  /// Nothing here: the whole element goes to the next page.
  static Placement push() { return {display::Frame{}, Resume{}}; }
};

struct PageSetup;

class Element {
public:
  virtual ~Element() = default;
  /// A page break: the paginator ends the page and sets the next ones up so.
  virtual const PageSetup* page_setup() const { return nullptr; }
  virtual double space_before() const { return 0; }
  virtual double space_after() const { return 0; }
  /// Never end a page after this element: it goes with the next one.
  virtual bool keep_with_next() const { return false; }
  /// Must share its page with at least two lines of what comes before it
  /// (the signature block: never alone on a page).
  virtual bool needs_company() const { return false; }
  /// Is itself that company: two lines or more that stay with what follows
  /// (a closing paragraph kept with the signature).
  virtual bool gives_company() const { return false; }
  /// Shapes and sizes the element; called once, before anything below.
  virtual void measure(const Context& ctx) = 0;
  /// Height of the smallest part that may stand at the bottom of a page.
  virtual double first_piece() const = 0;
  /// Fills the region from `from` (a default Resume: the start).
  virtual Placement place(const Region& region, const Resume& from) = 0;
};

using ElementList = std::vector<std::unique_ptr<Element>>;

} // namespace baocao::layout
