#pragma once
// Block elements: what the flow places one after another. Each shapes its
// text once (lazily, on first use) and knows the smallest piece it may start a
// page with, which is how headings keep with what follows them.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/flow.hpp"

namespace baocao::layout {

class Element {
public:
  virtual ~Element() = default;
  virtual double space_before() const { return 0; }
  virtual double space_after() const { return 0; }
  /// Never end a page after this element: it goes with the next one.
  virtual bool keep_with_next() const { return false; }
  /// Must share its page with at least two lines of what comes before it
  /// (the signature block: never alone on a page).
  virtual bool needs_company() const { return false; }
  /// Height of the smallest part that may stand at the bottom of a page.
  virtual double first_piece(Flow& flow) = 0;
  /// Places the element. `tail` is the height of what must follow it on the
  /// same page as its last lines; an element that can split leaves enough of
  /// itself for the next page to make that true.
  virtual void place(Flow& flow, double tail) = 0;
};

using ElementList = std::vector<std::unique_ptr<Element>>;

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
  /// Registers the block as a bookmark when placed.
  void set_outline(std::string title, int level);
  void set_keep_with_next(bool keep) { keep_with_next_ = keep; }
  void set_keep_together(bool keep) { keep_together_ = keep; }
  void set_spacing(double before, double after) {
    before_ = before;
    after_ = after;
  }

  double space_before() const override { return before_; }
  double space_after() const override { return after_; }
  bool keep_with_next() const override { return keep_with_next_; }
  double first_piece(Flow& flow) override;
  void place(Flow& flow, double tail) override;

  /// Height of all its lines.
  double height(Flow& flow);

private:
  const text::ShapedParagraph& shaped(Flow& flow);

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
  std::optional<std::pair<std::string, int>> outline_;
  std::optional<text::ShapedParagraph> shaped_;
  std::optional<text::ShapedParagraph> marker_shaped_;
};

/// A table as layout sees it: already-formatted cells.
struct TableSpec {
  struct Column {
    std::vector<text::Span> title;
    style::TextAlign align = style::TextAlign::left;
    enum class Width { automatic, percent, points } width_kind = Width::automatic;
    double width = 0;
    /// Numbers line up on the template's decimal separator, as a group at
    /// the cell's right; text cells are right-aligned.
    bool decimal = false;
    /// For an automatic column: a text as wide as its widest cell anywhere
    /// in the table (a numbered column's last number), measured with the
    /// sampled rows, since a long table's later rows are not sampled.
    std::string widest;
  };
  /// A cell of `cells`: one or more paragraphs, or the items of a bulleted
  /// list, covering `colspan` columns and `rowspan` rows.
  struct Cell {
    std::vector<std::vector<text::Span>> paragraphs;
    bool list = false;
    bool number = false; ///< a formatted number: aligned on the decimal separator
    int colspan = 1;
    int rowspan = 1;
    std::optional<style::TextAlign> align; ///< overrides the column's
  };
  std::string caption;
  std::vector<Column> columns;
  std::vector<std::vector<std::vector<text::Span>>> rows; ///< rows x columns x spans
  /// Rows of cells, each placed in the first column no rowspan from above
  /// holds; laid after `rows` (a table uses one or the other).
  std::vector<std::vector<Cell>> cells;
  std::vector<Cell> total; ///< a row after the body, never repeated; empty for none
  bool zebra = false;      ///< every second body row on the template's stripe_fill
};

/// What an automatic column's content needs: the widest unbreakable piece
/// (min) and the widest cell on one line (max), padding included, points.
struct ContentWidth {
  double min = 0;
  double max = 0;
};

/// Resolved column widths in points, always filling `available` exactly.
/// Fixed and percentage columns get their share; automatic columns are sized
/// from `content` (one entry per column) the way browsers size auto tables:
/// each gets its max width if all fit, else its min plus a share of the rest
/// in proportion to (max - min); if even the mins do not fit, the narrow
/// columns keep theirs and the widest share the rest equally. Leftover width goes to the automatic
/// columns in proportion to their max, or to all columns when none is automatic.
std::vector<double> resolve_columns(const TableSpec& spec, double available,
                                    const std::vector<ContentWidth>& content);

/// Makes the element for a table: caption kept with it, header repeated on every page.
std::unique_ptr<Element> make_table(TableSpec spec);

} // namespace baocao::layout
