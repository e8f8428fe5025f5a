#pragma once
// A table as layout sees it (already-formatted cells), how its columns get
// their widths, and the element that places it. The parts: the grid
// (model/table_grid, shared with input), the columns measured
// (table_columns, with one cell's shaping and measuring in table_cells), the
// row groups shaped (table_rows) and drawn into a frame (table_draw), and
// the splitting across pages (table.cpp).
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "layout/elements.hpp"
#include "model/table_grid.hpp"

namespace baocao::layout {

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
    std::optional<core::Color> color;      ///< overrides the body style's (a missed target)
  };
  std::string caption;
  std::vector<Column> columns;
  std::vector<std::vector<std::vector<text::Span>>> rows; ///< rows x columns x spans
  /// Rows of cells, each placed in the first column no rowspan from above
  /// holds; laid after `rows` (a table uses one or the other).
  std::vector<std::vector<Cell>> cells;
  /// Where each cell of `cells` stands and which rows a rowspan ties
  /// together: a report's table brings the grid input built while checking
  /// it; left empty, the table element builds it from the cells' spans.
  model::TableGrid grid;
  std::vector<Cell> total; ///< a row after the body, never repeated; empty for none
  bool zebra = false;      ///< every second body row on the template's stripe_fill
  /// Rows of `cells` (by index) that stay on the page of the row after them:
  /// a group title row ("I | Kinh tế") never ends a page.
  std::vector<size_t> keep_with_next;
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

/// The grid of a table built in layout (awards, figures, indicators): one
/// cell per column, unless its cells say otherwise. A report's table brings
/// the grid input built.
model::TableGrid cells_grid(const TableSpec& spec);

/// Makes the element for a table: caption kept with it, header repeated on every page.
std::unique_ptr<Element> make_table(TableSpec spec);

} // namespace baocao::layout
