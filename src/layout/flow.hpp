#pragma once
// The page flow: where the next block goes, when a page is full, and the
// furniture every page gets (page number). Finished pages go straight to the
// sink, so a long report is never held whole.
#include <string>
#include <vector>

#include "display/display_list.hpp"
#include "style/style.hpp"
#include "text/font_system.hpp"

namespace baocao::layout {

/// A paragraph of text in a given style, ready to shape.
text::ParagraphSpec make_spec(const style::TextStyle& ts, std::vector<text::Span> spans,
                              double width);
text::ParagraphSpec make_spec(const style::TextStyle& ts, const std::string& text, double width);

/// Distance between baselines for this style.
double line_pitch(const style::TextStyle& ts);

/// What the running footer's placeholders stand for.
struct FooterFields {
  std::string issuer, kind, title, year;
};

class Flow {
public:
  Flow(const style::Style& style, const text::FontSystem& fonts, display::Sink& sink,
       FooterFields footer = {});

  const style::Style& style() const { return style_; }
  const text::FontSystem& fonts() const { return fonts_; }

  double left() const { return area_.x; }
  double width() const { return area_.width; }
  double y() const { return y_; }
  /// Height left on this page.
  double room() const { return area_.bottom() - y_; }
  /// Height of a whole empty page's text area.
  double page_room() const { return area_.height; }
  bool at_page_top() const { return y_ <= area_.y + 1e-6; }

  void advance(double dy) { y_ += dy; }
  /// Vertical space between blocks; dropped at the top of a page.
  void space(double pts);
  void next_page();

  /// Places a shaped line with its top at the current y, pitch high; advances.
  void place_line(const text::Line& line, double x, double pitch);
  /// Same, at an explicit top (for columns placed side by side).
  void place_line_at(const text::Line& line, double x, double top, double pitch);

  void add(display::Item item) { page_.items.push_back(std::move(item)); }
  void add_outline(std::string title, int level);

  /// Emits the last page and ends the document.
  void finish();

private:
  void start_page(int number);
  void add_footer(int number);
  /// One line of page furniture across the text width (aligned by `ts`) on
  /// this baseline, outside the flow. Returns the line's ascent.
  double place_margin_line(const style::TextStyle& ts, const std::string& text, double baseline);

  const style::Style& style_;
  const text::FontSystem& fonts_;
  display::Sink& sink_;
  FooterFields footer_;
  core::Rect area_;
  display::Page page_;
  double y_ = 0;
};

} // namespace baocao::layout
