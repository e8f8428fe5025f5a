#pragma once
// Table cells, private to the table element: shaping a cell's paragraphs or
// list into lines, measuring what an automatic column needs, and the decimal
// separator's place in a number.
#include <string>
#include <unordered_map>

#include "layout/table.hpp"

namespace baocao::layout::table_detail {

/// The plain text of a cell's first paragraph.
std::string plain_text(const TableSpec::Cell& cell);

/// The part of a formatted number from its decimal separator on (",25"), or
/// "" for a whole number.
std::string fraction_part(const std::string& number, const std::string& separator);

/// Widths of fraction parts, measured once per distinct string: a long
/// column of numbers has few distinct fractions.
class FractionWidths {
public:
  double operator()(const Context& ctx, const style::TextStyle& ts, const std::string& fraction);

private:
  std::unordered_map<std::string, double> widths_;
};

/// A cell's lines at `width` (padding excluded): paragraphs one after
/// another, list items with the template's bullet and a hanging indent.
text::ShapedParagraph shape_cell(const Context& ctx, const TableSpec::Cell& cell,
                                 const style::TextStyle& ts, double width);

/// The widest unbreakable piece and the widest line of a cell, padding excluded.
ContentWidth measure_cell(const Context& ctx, const TableSpec::Cell& cell,
                          const style::TextStyle& ts);

} // namespace baocao::layout::table_detail
