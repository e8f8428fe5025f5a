#include "layout/table_cells.hpp"

#include <algorithm>
#include <cmath>

namespace baocao::layout::table_detail {

std::string plain_text(const TableSpec::Cell& cell) {
  std::string s;
  if (cell.paragraphs.empty()) return s;
  for (const auto& span : cell.paragraphs.front()) s += span.text;
  return s;
}

std::string fraction_part(const std::string& number, const std::string& separator) {
  if (separator.empty()) return {};
  auto at = number.rfind(separator);
  return at == std::string::npos ? std::string() : number.substr(at);
}

double FractionWidths::operator()(const Context& ctx, const style::TextStyle& ts,
                                  const std::string& fraction) {
  if (fraction.empty()) return 0;
  auto it = widths_.find(fraction);
  if (it != widths_.end()) return it->second;
  double w = ctx.fonts.measure(make_spec(ts, fraction, 0));
  widths_.emplace(fraction, w);
  return w;
}

namespace {

/// The bullet and the gap after it: how far list item text hangs in a cell.
double hang(const Context& ctx, const style::TextStyle& ts) {
  return ctx.fonts.measure(make_spec(ts, ctx.style.list.bullet + " ", 0));
}

void shift(text::Line& line, double dx) {
  line.x += dx;
  for (auto& run : line.runs) display::translate(run, dx, 0);
}

} // namespace

text::ShapedParagraph shape_cell(const Context& ctx, const TableSpec::Cell& cell,
                                 const style::TextStyle& ts, double width) {
  if (cell.paragraphs.size() == 1 && !cell.list) {
    return ctx.fonts.shape(make_spec(ts, cell.paragraphs.front(), width));
  }
  text::ShapedParagraph out;
  double indent = cell.list ? std::min(hang(ctx, ts), width / 2) : 0;
  for (const auto& p : cell.paragraphs) {
    auto shaped = ctx.fonts.shape(make_spec(ts, p, std::max(1.0, width - indent)));
    for (auto& line : shaped.lines) shift(line, indent);
    if (cell.list && !shaped.lines.empty()) {
      // The bullet stands in the hanging indent, on the item's first line.
      style::TextStyle ms = ts;
      ms.align = style::TextAlign::left;
      auto marker = ctx.fonts.shape(make_spec(ms, ctx.style.list.bullet, 0));
      if (!marker.lines.empty()) {
        auto& first = shaped.lines.front().runs;
        first.insert(first.begin(), marker.lines.front().runs.begin(),
                     marker.lines.front().runs.end());
      }
    }
    out.max_line_width = std::max(out.max_line_width, shaped.max_line_width + indent);
    for (auto& line : shaped.lines) out.lines.push_back(std::move(line));
  }
  return out;
}

ContentWidth measure_cell(const Context& ctx, const TableSpec::Cell& cell,
                          const style::TextStyle& ts) {
  ContentWidth out;
  double indent = cell.list ? hang(ctx, ts) : 0;
  for (const auto& p : cell.paragraphs) {
    auto spec = make_spec(ts, p, 0);
    // Measured left-aligned: a centred line wider than the measuring width
    // starts left of 0, and its right end would read as half its width.
    spec.align = style::TextAlign::left;
    double natural = ctx.fonts.measure(spec);
    spec.width = 0.001; // every break between words taken: the widest line is the widest word
    spec.break_words = false;
    double word = ctx.fonts.shape(spec).max_line_width;
    // A hair of slack: Pango breaks in 1/1024 pt units, and a width that
    // equals the measured one can round below it and break the word ("Nă m").
    constexpr double kSlack = 0.25;
    out.min = std::max(out.min, std::min(word, natural) + indent + kSlack);
    out.max = std::max(out.max, natural + indent + kSlack);
  }
  return out;
}

} // namespace baocao::layout::table_detail
