#include "layout/table_columns.hpp"

#include <algorithm>
#include <cmath>

namespace baocao::layout {

std::vector<double> resolve_columns(const TableSpec& spec, double available,
                                    const std::vector<ContentWidth>& content) {
  using Width = TableSpec::Column::Width;
  const size_t n = spec.columns.size();
  std::vector<double> widths(n, 0);
  double fixed = 0, sum_min = 0, sum_max = 0;
  std::vector<size_t> autos;
  for (size_t i = 0; i < n; ++i) {
    const auto& c = spec.columns[i];
    if (c.width_kind == Width::percent)
      widths[i] = available * c.width / 100.0;
    else if (c.width_kind == Width::points)
      widths[i] = c.width;
    else {
      autos.push_back(i);
      ContentWidth cw = i < content.size() ? content[i] : ContentWidth{};
      sum_min += cw.min;
      sum_max += std::max(cw.max, cw.min);
    }
    fixed += widths[i];
  }
  double rest = available - fixed;
  // When even the mins do not fit, the narrow columns keep theirs and the
  // wide ones (a long unbreakable string) share what is left equally: one
  // huge word must not squeeze every other column into broken letters.
  double cap = 0;
  if (!autos.empty() && sum_min > rest && rest > 0) {
    std::vector<double> mins;
    for (size_t i : autos) mins.push_back(i < content.size() ? content[i].min : 0);
    std::sort(mins.begin(), mins.end());
    double left = rest;
    size_t k = 0;
    while (k < mins.size() && mins[k] * static_cast<double>(mins.size() - k) <= left)
      left -= mins[k++];
    cap = k < mins.size() ? left / static_cast<double>(mins.size() - k) : mins.back();
  }
  if (!autos.empty()) {
    for (size_t i : autos) {
      ContentWidth cw = i < content.size() ? content[i] : ContentWidth{};
      double mx = std::max(cw.max, cw.min);
      if (rest <= 0)
        widths[i] = 0;
      else if (sum_max <= rest)
        widths[i] = mx + (sum_max > 0 ? (rest - sum_max) * mx / sum_max : rest / autos.size());
      else if (sum_min <= rest)
        widths[i] =
            cw.min +
            (sum_max > sum_min ? (rest - sum_min) * (mx - cw.min) / (sum_max - sum_min) : 0);
      else
        widths[i] = std::min(cw.min, cap);
    }
  }
  double total = 0;
  for (double w : widths) total += w;
  // Fill the text width exactly: scale down what overflows, spread what is left.
  if (total > 0 && std::fabs(total - available) > 1e-6) {
    for (double& w : widths) w *= available / total;
  }
  return widths;
}

} // namespace baocao::layout

namespace baocao::layout::table_detail {
namespace {

/// The widest fraction of each decimal column, over every row: cheap, as
/// each distinct fraction is measured once.
std::vector<double> measure_fractions(const Context& ctx, const TableSpec& spec,
                                      const model::TableGrid& grid, FractionWidths& fractions) {
  const auto& ts = ctx.style.table;
  const std::string& sep = ctx.style.numbers.decimal;
  std::vector<double> widest(spec.columns.size(), 0.0);
  auto see = [&](size_t col, size_t cols, const TableSpec::Cell& cell, const style::TextStyle& s) {
    if (decimal_cell(spec, col, cols, cell))
      widest[col] = std::max(widest[col], fractions(ctx, s, fraction_part(plain_text(cell), sep)));
  };
  bool any = std::any_of(spec.columns.begin(), spec.columns.end(),
                         [](const auto& c) { return c.decimal; });
  if (!any) return widest;
  for (size_t r = 0; r < spec.cells.size(); ++r)
    for (size_t k = 0; k < spec.cells[r].size(); ++k)
      see(grid.cell(r, k).column, static_cast<size_t>(spec.cells[r][k].colspan), spec.cells[r][k],
          ts.cell);
  for (size_t c = 0; c < spec.total.size(); ++c) see(c, 1, spec.total[c], ts.cell);
  return widest;
}

/// Content widths of the automatic columns, from the header and the first
/// kMeasuredRows rows: a long table's column is sized by its head, so the
/// cost stays proportional to the rows actually shaped once. Cells spanning
/// columns are left out, as browsers first size columns without them.
std::vector<ContentWidth> content_widths(const Context& ctx, const TableSpec& spec,
                                         const model::TableGrid& grid,
                                         const std::vector<double>& fraction,
                                         FractionWidths& fractions) {
  constexpr size_t kMeasuredRows = 200;
  const auto& ts = ctx.style.table;
  const std::string& sep = ctx.style.numbers.decimal;
  std::vector<ContentWidth> out(spec.columns.size());
  auto automatic = [&](size_t c) {
    return spec.columns[c].width_kind == TableSpec::Column::Width::automatic;
  };
  auto measure = [&](size_t c, const TableSpec::Cell& cell, const style::TextStyle& s) {
    style::TextStyle cs = s;
    cs.first_line_indent = 0;
    ContentWidth w = measure_cell(ctx, cell, cs);
    if (decimal_cell(spec, c, 1, cell)) {
      // Room for the widest fraction after this number's own.
      double extra = fraction[c] - fractions(ctx, cs, fraction_part(plain_text(cell), sep));
      w.min += extra;
      w.max += extra;
    }
    out[c].min = std::max(out[c].min, w.min + 2 * ts.padding_x);
    out[c].max = std::max(out[c].max, w.max + 2 * ts.padding_x);
  };
  for (size_t c = 0; c < spec.columns.size(); ++c) {
    if (!automatic(c)) continue;
    TableSpec::Cell title;
    title.paragraphs.push_back(spec.columns[c].title);
    measure(c, title, ts.header);
    if (c < spec.total.size()) measure(c, spec.total[c], ts.cell);
    if (!spec.columns[c].widest.empty()) {
      TableSpec::Cell widest;
      widest.paragraphs.push_back({{spec.columns[c].widest, false, false}});
      measure(c, widest, ts.cell);
    }
  }
  for (size_t r = 0; r < spec.cells.size() && r < kMeasuredRows; ++r) {
    for (size_t k = 0; k < spec.cells[r].size(); ++k) {
      size_t c = grid.cell(r, k).column;
      if (c < out.size() && automatic(c) && spec.cells[r][k].colspan == 1)
        measure(c, spec.cells[r][k], ts.cell);
    }
  }
  return out;
}

} // namespace

double Columns::span_width(size_t col, size_t cols) const {
  size_t end = std::min(widths.size(), col + cols);
  return edges[end] - edges[std::min(col, end)];
}

bool decimal_cell(const TableSpec& spec, size_t col, size_t cols, const TableSpec::Cell& cell) {
  return cols == 1 && spec.columns[col].decimal && cell.number;
}

Columns measure_columns(const Context& ctx, const TableSpec& spec, const model::TableGrid& grid,
                        FractionWidths& fractions) {
  Columns c;
  c.fraction = measure_fractions(ctx, spec, grid, fractions);
  c.widths =
      resolve_columns(spec, ctx.width, content_widths(ctx, spec, grid, c.fraction, fractions));
  double total = 0;
  c.edges.assign(1, 0.0);
  for (double w : c.widths) c.edges.push_back(total += w);
  c.x0 = ctx.left + (ctx.width - total) / 2;
  return c;
}

} // namespace baocao::layout::table_detail
