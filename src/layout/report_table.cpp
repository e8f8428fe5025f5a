#include "layout/report_table.hpp"

#include <algorithm>
#include <cmath>

#include "core/number_format.hpp"
#include "core/placeholders.hpp"
#include "layout/blocks.hpp"

namespace baocao::layout {
namespace {

style::TextAlign to_align(model::Align a) {
  switch (a) {
  case model::Align::center:
    return style::TextAlign::center;
  case model::Align::right:
  case model::Align::decimal:
    return style::TextAlign::right;
  default:
    return style::TextAlign::left;
  }
}

TableSpec::Cell cell_of(const model::Cell& c, const style::NumberStyle& numbers) {
  TableSpec::Cell out;
  out.colspan = c.colspan;
  out.rowspan = c.rowspan;
  if (c.align) out.align = to_align(*c.align);
  if (c.number) {
    // Numbers are written the template's way (the model keeps the value).
    out.number = true;
    out.paragraphs.push_back(
        {{core::format_number(*c.number, -1, numbers.thousands, numbers.decimal), false, false}});
  } else if (!c.items.empty()) {
    out.list = true;
    for (const auto& i : c.items) out.paragraphs.push_back(spans_of(i));
  } else if (!c.paragraphs.empty()) {
    for (const auto& p : c.paragraphs) out.paragraphs.push_back(spans_of(p));
  } else {
    out.paragraphs.push_back(spans_of(c.text));
  }
  return out;
}

/// The sums of the numeric columns, in bold, the label in the first column.
std::vector<TableSpec::Cell> total_row(const model::Table& t, const style::Style& style) {
  const size_t n = t.columns.size();
  std::vector<double> sums(n, 0);
  std::vector<int> decimals(n, 0);
  for (size_t r = 0; r < t.rows.size(); ++r) {
    for (size_t k = 0; k < t.rows[r].size(); ++k) {
      const auto& c = t.rows[r][k];
      size_t i = t.grid.cell(r, k).column;
      if (!c.number || !t.columns[i].numeric) continue;
      sums[i] += *c.number;
      decimals[i] = std::max(decimals[i], decimals_of(*c.number));
    }
  }
  std::vector<TableSpec::Cell> out(n);
  const std::string& label = t.total_label.empty() ? style.labels.table_total : t.total_label;
  out[0].paragraphs.push_back({{label, true, false}});
  auto summed = [&](size_t i) {
    return t.columns[i].numeric &&
           (t.total_columns.empty() || std::find(t.total_columns.begin(), t.total_columns.end(),
                                                 static_cast<int>(i)) != t.total_columns.end());
  };
  for (size_t i = 1; i < n; ++i) {
    if (!summed(i)) {
      out[i].paragraphs.push_back({});
      continue;
    }
    // Rounded to the inputs' own precision: 14.4 + 81.3 is 95,7, not 95,69999.
    out[i].number = true;
    out[i].paragraphs.push_back(
        {{core::format_number(sums[i], decimals[i], style.numbers.thousands, style.numbers.decimal),
          true, false}});
  }
  return out;
}

} // namespace

int decimals_of(double value) {
  double v = std::fabs(value);
  for (int d = 0; d < 6; ++d) {
    double scaled = v * std::pow(10.0, d);
    if (std::fabs(scaled - std::round(scaled)) < 1e-9 * std::max(1.0, scaled)) return d;
  }
  return 6;
}

TableSpec report_table(const model::Table& t, const style::Style& style, int number) {
  TableSpec spec;
  if (!t.caption.empty()) {
    spec.caption = core::fill_placeholders(style.labels.table_caption,
                                           {{"n", std::to_string(number)}, {"caption", t.caption}});
  }
  for (const auto& c : t.columns) {
    TableSpec::Column col;
    col.title = {{c.title, false, false}};
    col.align = to_align(c.align);
    col.decimal = c.align == model::Align::decimal;
    if (c.width.kind == model::ColumnWidth::Kind::percent) {
      col.width_kind = TableSpec::Column::Width::percent;
      col.width = c.width.value;
    } else if (c.width.kind == model::ColumnWidth::Kind::mm) {
      col.width_kind = TableSpec::Column::Width::points;
      col.width = core::mm(c.width.value);
    }
    spec.columns.push_back(std::move(col));
  }
  spec.cells.reserve(t.rows.size());
  for (const auto& row : t.rows) {
    std::vector<TableSpec::Cell> cells;
    for (const auto& c : row) cells.push_back(cell_of(c, style.numbers));
    spec.cells.push_back(std::move(cells));
  }
  spec.grid = t.grid;
  if (t.total) spec.total = total_row(t, style);
  spec.zebra = t.zebra.value_or(style.table.zebra);
  return spec;
}

} // namespace baocao::layout
