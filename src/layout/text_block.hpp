#pragma once
// A paragraph, heading or list item as an element: its lines split between
// pages with widow and orphan control.
#include <optional>
#include <string>
#include <vector>

#include "layout/elements.hpp"

namespace baocao::layout {

/// A paragraph, heading or list item: lines that may split between pages
/// (never leaving one line alone) unless `keep_together`.
class TextBlock : public Element {
public:
  TextBlock(const style::TextStyle& ts, std::vector<text::Span> spans, double indent, double width);

  /// Adds text at the end (before the block is shaped).
  void append(const std::string& text) { spans_.push_back({text, false, false}); }
  /// Whether the text ends with this character.
  bool ends_with(char c) const {
    return !spans_.empty() && !spans_.back().text.empty() && spans_.back().text.back() == c;
  }
  /// A list marker ("-", "1.") drawn beside the first line at `x` from the left edge.
  void set_marker(std::string marker, double x);
  /// Registers the block as a bookmark when placed; `anchor` is the heading's
  /// number for a contents page (0: none).
  void set_outline(std::string title, int level, int anchor = 0);
  void set_keep_with_next(bool keep) { keep_with_next_ = keep; }
  void set_keep_together(bool keep) { keep_together_ = keep; }
  void set_spacing(double before, double after) {
    before_ = before;
    after_ = after;
  }

  double space_before() const override { return before_; }
  double space_after() const override { return after_; }
  bool keep_with_next() const override { return keep_with_next_; }
  bool gives_company() const override {
    return keep_with_next_ && keep_together_ && line_count() >= 2;
  }
  void measure(const Context& ctx) override;
  double first_piece() const override;
  Placement place(const Region& region, const Resume& from) override;

  /// Height of all its lines.
  double height() const;

private:
  size_t line_count() const { return shaped_ ? shaped_->lines.size() : 0; }

  style::TextStyle style_;
  std::vector<text::Span> spans_;
  double indent_;
  double width_;
  double pitch_;
  double before_ = 0;
  double after_ = 0;
  bool keep_with_next_ = false;
  bool keep_together_ = false;
  std::string marker_;
  double marker_x_ = 0;
  std::optional<display::OutlineEntry> outline_;
  std::optional<text::ShapedParagraph> shaped_;
  std::optional<text::ShapedParagraph> marker_shaped_;
};

} // namespace baocao::layout
