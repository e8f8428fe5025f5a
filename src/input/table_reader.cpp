#include "input/table_reader.hpp"

#include <algorithm>

#include "input/loader_util.hpp"
#include "input/markup.hpp"

namespace baocao::input {
namespace {

std::string cells(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " cell" : " cells");
}

/// "25%" or "30mm" (a decimal point is allowed).
model::ColumnWidth column_width(const Tree& t) {
  const std::string expected = "a width like \"25%\" or \"30mm\"";
  if (is_plain_number(t)) {
    fail(t, "got a number, " + shorten(t.scalar) + ", without a unit", expected);
  }
  std::string s = text(t);
  model::ColumnWidth w;
  std::string digits;
  if (s.size() > 1 && s.back() == '%') {
    w.kind = model::ColumnWidth::Kind::percent;
    digits = s.substr(0, s.size() - 1);
  } else if (s.size() > 2 && s.substr(s.size() - 2) == "mm") {
    w.kind = model::ColumnWidth::Kind::mm;
    digits = s.substr(0, s.size() - 2);
  } else {
    fail(t, "\"" + shorten(s) + "\" has no unit", expected);
  }
  while (!digits.empty() && digits.back() == ' ') digits.pop_back();
  // Reuse the YAML number rules on the digits, so "12.5%" works and "1e9%" is caught below.
  Tree n = t;
  n.quoted = false;
  n.scalar = digits;
  if (!is_plain_number(n)) fail(t, "\"" + shorten(s) + "\" is not a number with a unit", expected);
  w.value = number(n, expected);
  if (w.value <= 0) fail(t, shorten(s) + " is not a positive width", expected);
  if (w.kind == model::ColumnWidth::Kind::percent && w.value > 100) {
    fail(t, shorten(s) + " is more than the whole text width", "a percentage up to 100%");
  }
  return w;
}

model::Column read_column(const Tree& node, bool& align_given) {
  model::Column c;
  align_given = false;
  // A bare string is a column with just a title: `columns: [Nội dung, Kết quả]`.
  if (node.kind == Tree::Kind::scalar) {
    c.title = text(node);
    return c;
  }
  Mapping m(node, {"title", "align", "width"}, "a column: text, or a mapping with title");
  c.title = text(m.need("title", "text"));
  if (const Tree* t = m.find("align")) {
    std::string a = choice(*t, {"left", "center", "right"});
    c.align = a == "left"     ? model::Align::left
              : a == "center" ? model::Align::center
                              : model::Align::right;
    align_given = true;
  }
  if (const Tree* t = m.find("width")) c.width = column_width(*t);
  return c;
}

model::Cell read_cell(const Tree& node) {
  const std::string expected = "text or a number (write \"\" for an empty cell)";
  model::Cell cell;
  if (is_plain_number(node)) {
    double v = number(node, expected);
    cell.number = v;
    cell.text.runs.push_back(model::Run{core::format_number(v), false, false});
    cell.text.where = node.where;
    return cell;
  }
  if (node.kind == Tree::Kind::null) fail(node, "the cell is empty", expected);
  if (node.kind != Tree::Kind::scalar || is_plain_bool(node)) {
    fail(node, "got " + describe(node), expected);
  }
  cell.text = parse_markup(node.scalar, node.where, node.path);
  return cell;
}

} // namespace

model::Table read_table(const Tree& value, const core::SourceSpan& where) {
  Mapping m(value, {"caption", "columns", "rows"}, "a table mapping with columns and rows");
  model::Table table;
  table.where = where;
  table.caption = optional_text(m, "caption");
  const Tree& columns = m.need("columns", "a list of columns");
  std::vector<bool> align_given;
  double percent = 0;
  for (const auto& c : list(columns, 1, "a list of columns")) {
    bool given = false;
    table.columns.push_back(read_column(c, given));
    align_given.push_back(given);
    if (table.columns.back().width.kind == model::ColumnWidth::Kind::percent) {
      percent += table.columns.back().width.value;
      if (percent > 100) {
        fail(*child(c, "width"), "the percentage widths add up to " + plain_number(percent) + "%",
             "at most 100% in all");
      }
    }
  }
  const std::size_t n = table.columns.size();
  for (const auto& row : list(m.need("rows", "a list of rows"), 1, "a list of rows")) {
    const auto& items = list(row, 0, "a row: a list of " + cells(n));
    if (items.size() != n) {
      fail(row, "the row has " + cells(items.size()), cells(n) + ", one per column");
    }
    std::vector<model::Cell> out;
    for (const auto& item : items) out.push_back(read_cell(item));
    table.rows.push_back(std::move(out));
  }
  // Numbers line up on the right; a column with any text reads from the left.
  for (std::size_t i = 0; i < n; ++i) {
    if (align_given[i]) continue;
    bool numeric = std::all_of(table.rows.begin(), table.rows.end(),
                               [i](const auto& r) { return r[i].number.has_value(); });
    table.columns[i].align = numeric ? model::Align::right : model::Align::left;
  }
  return table;
}

} // namespace baocao::input
