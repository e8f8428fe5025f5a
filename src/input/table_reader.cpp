#include "input/table_reader.hpp"

#include <algorithm>
#include <cmath>

#include "input/data_rows.hpp"
#include "input/loader_util.hpp"
#include "input/markup.hpp"
#include "input/report_schema.hpp"

namespace baocao::input {
namespace {

std::string cells(std::size_t n) {
  return std::to_string(n) + (n == 1 ? " cell" : " cells");
}

model::Align align_of(const Tree& t, bool allow_decimal) {
  std::string a = choice(t, allow_decimal ? schema::values_of("column", "align")
                                          : schema::values_of("cell", "align"));
  return a == "left"     ? model::Align::left
         : a == "center" ? model::Align::center
         : a == "right"  ? model::Align::right
                         : model::Align::decimal;
}

model::Column read_column(const Tree& node, bool& align_given) {
  model::Column c;
  align_given = false;
  // A bare string is a column with just a title: `columns: [Nội dung, Kết quả]`.
  if (node.kind == Tree::Kind::scalar) {
    c.title = text(node);
    return c;
  }
  Mapping m(node, schema::keys_of("column"), "a column: text, or a mapping with title");
  c.title = text(m.need("title", "text"));
  if (const Tree* t = m.find("align")) {
    c.align = align_of(*t, true);
    align_given = true;
  }
  if (const Tree* t = m.find("width")) c.width = column_width(*t);
  return c;
}

/// `{text: ...}`, `{number: ...}`, `{paragraphs: [...]}` or `{items: [...]}`,
/// with optional colspan, rowspan and align.
model::Cell read_cell_mapping(const Tree& node) {
  const std::string expected = "a cell mapping with one of text, number, paragraphs, items";
  const NumberUse use{NumberUse::Where::table_cell, {}, false};
  Mapping m(node, schema::keys_of("cell"), expected, use);
  model::Cell cell;
  std::vector<std::string> given;
  for (const auto& k : schema::object("cell").exactly_one) {
    if (m.find(k)) given.push_back(k);
  }
  if (given.size() != 1) {
    fail(node,
         given.empty() ? "the cell has no content"
                       : "the cell has both \"" + given[0] + "\" and \"" + given[1] + "\"",
         "exactly one of text, number, paragraphs, items");
  }
  if (const Tree* t = m.find("text")) {
    if (is_plain_number(*t)) {
      fail(*t, "got a number, " + shorten(t->scalar), "text (or write number: instead of text:)");
    }
    cell.text = rich_text(*t);
  } else if (const Tree* t = m.find("number")) {
    cell.number = number(*t, "a number", use);
    cell.text.runs.push_back(model::Run{core::format_number(*cell.number), false, false});
    cell.text.where = t->where;
  } else if (const Tree* t = m.find("paragraphs")) {
    for (const auto& p : list(*t, 1, "a list of paragraphs"))
      cell.paragraphs.push_back(rich_text(p));
  } else {
    for (const auto& i : list(*m.find("items"), 1, "a list of items")) {
      cell.items.push_back(rich_text(i));
    }
  }
  if (const Tree* t = m.find("colspan")) {
    cell.colspan =
        static_cast<int>(whole_number(*t, 1, 1000, "a whole number of columns, 1 or more"));
  }
  if (const Tree* t = m.find("rowspan")) {
    cell.rowspan =
        static_cast<int>(whole_number(*t, 1, 100000, "a whole number of rows, 1 or more"));
  }
  if (const Tree* t = m.find("align")) cell.align = align_of(*t, false);
  return cell;
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
  if (node.kind == Tree::Kind::mapping) return read_cell_mapping(node);
  if (node.kind != Tree::Kind::scalar || is_plain_bool(node)) {
    fail(node, "got " + describe(node), expected);
  }
  cell.text = parse_markup(node.scalar, node.where, node.path);
  return cell;
}

/// The grid's first problem with a row of `n` columns, worded at the row or the cell.
[[noreturn]] void fail_grid(const model::GridProblem& p, std::size_t n, const Tree& row,
                            const std::vector<Tree>& items, const std::vector<model::Cell>& out) {
  using Kind = model::GridProblem::Kind;
  if (p.kind == Kind::cell_count) {
    // `[Tỷ lệ, 4,25%]`: YAML ends a cell at every comma inside [ ].
    for (std::size_t i = 0; row.flow && out.size() > n && i + 1 < items.size(); ++i) {
      const Tree &a = items[i], &b = items[i + 1];
      if (a.kind != Tree::Kind::scalar || a.quoted || b.kind != Tree::Kind::scalar || b.quoted) {
        continue;
      }
      std::string hint = cell_split_hint(a.scalar, b.scalar);
      if (hint.empty()) continue;
      fail(row,
           "the row has " + cells(out.size()) + ": YAML ends a cell at the comma of " + a.scalar +
               "," + shorten(b.scalar),
           hint);
    }
    fail(row, "the row has " + cells(out.size()), cells(n) + ", one per column");
  }
  if (p.kind == Kind::coverage) {
    fail(row,
         "the row covers " + std::to_string(p.covered + p.from_above) +
             " columns: " + std::to_string(p.covered) + " from its cells (colspans counted)" +
             (p.from_above ? " and " + std::to_string(p.from_above) + " held by rowspans from above"
                           : std::string()),
         std::to_string(n) + " columns, one per column");
  }
  const model::Cell& c = out[p.cell];
  if (p.kind == Kind::colspan_blocked) {
    fail(items[p.cell],
         "the cell's colspan of " + std::to_string(c.colspan) + " runs into column " +
             std::to_string(p.column + 1) +
             (p.past_last ? ", past the last" : ", which a rowspan from above holds"),
         "a colspan that fits the free columns of the row");
  }
  fail(items[p.cell], "the rowspan of " + std::to_string(c.rowspan) + " reaches past the last row",
       "at most " + std::to_string(p.rows_left) + " (this row and the ones below it)");
}

/// The rows written in the YAML, each checked against the grid.
void read_rows(const Mapping& m, std::size_t n, model::Table& table) {
  const Tree* given = m.find("rows");
  if (!given) {
    fail(m.node(), "the table has no rows",
         "rows: a list of rows, or rows_from: a data file (docs/schema.md)");
  }
  const auto& rows = list(*given, 1, "a list of rows");
  if (rows.size() > kMaxTableRows) {
    fail(*m.find("rows"), "the table has " + std::to_string(rows.size()) + " rows",
         "at most " + std::to_string(kMaxTableRows) + " rows in one table (split it)");
  }
  model::GridBuilder grid(n, rows.size());
  for (const auto& row : rows) {
    const auto& items = list(row, 0, "a row: a list of " + cells(n));
    std::vector<model::Cell> out;
    std::vector<model::GridBuilder::Span> spans;
    for (const auto& item : items) {
      out.push_back(read_cell(item));
      spans.push_back({out.back().colspan, out.back().rowspan});
    }
    if (auto p = grid.add_row(spans)) fail_grid(*p, n, row, items, out);
    table.rows.push_back(std::move(out));
  }
  table.grid = std::move(grid).finish();
}

} // namespace

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

model::Table read_table(const Tree& value, const core::SourceSpan& where,
                        const ReportFiles& files) {
  Mapping m(value, schema::keys_of("table"), "a table mapping with columns and rows");
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
  // A table's rows come from the YAML or from a data file, never both: a
  // total row is `total: true`, so nothing needs adding after the file's rows.
  const Tree* rows_from = m.find("rows_from");
  if (rows_from && m.find("rows")) {
    fail_at(m.entry("rows_from")->key_where, value.path + ".rows_from",
            "the table has both rows and rows_from", "one of them: rows, or rows_from");
  }
  if (rows_from) {
    table.rows = read_rows_from(*rows_from, n, files);
    model::GridBuilder grid(n, table.rows.size());
    const std::vector<model::GridBuilder::Span> ones(n, {1, 1});
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      if (grid.add_row(ones))
        fail(*rows_from, "the data rows do not fit the table", "one cell per column");
    }
    table.grid = std::move(grid).finish();
  } else {
    read_rows(m, n, table);
  }
  // A column is numeric when every cell that starts in it is a number: what
  // its total sums and what decides its default alignment.
  std::vector<int> starts(n, 0), numbers(n, 0);
  std::vector<bool> fractions(n, false);
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    for (std::size_t k = 0; k < table.rows[r].size(); ++k) {
      const auto& c = table.rows[r][k];
      std::size_t i = table.grid.cell(r, k).column;
      ++starts[i];
      if (!c.number) continue;
      ++numbers[i];
      fractions[i] = fractions[i] || *c.number != std::floor(*c.number);
    }
  }
  // Numbers line up on the right (on the decimal comma when some have
  // fractions); a column with any text reads from the left.
  for (std::size_t i = 0; i < n; ++i) {
    table.columns[i].numeric = starts[i] > 0 && numbers[i] == starts[i];
    if (align_given[i]) continue;
    table.columns[i].align = !table.columns[i].numeric ? model::Align::left
                             : fractions[i]            ? model::Align::decimal
                                                       : model::Align::right;
  }
  if (const Tree* t = m.find("total")) {
    if (t->kind == Tree::Kind::mapping) {
      Mapping tm(*t, schema::keys_of("total"), "true, false, or a mapping with label and columns");
      table.total = true;
      table.total_label = optional_text(tm, "label");
      // Only some columns add up (amounts do, growth rates do not).
      std::vector<std::string> numeric;
      for (const auto& c : table.columns)
        if (c.numeric) numeric.push_back(c.title);
      const std::string expected =
          numeric.empty() ? "a table with a column of numbers" : "titles of: " + join(numeric);
      for (const auto& item : optional_list(tm, "columns", "a list of column titles")) {
        std::string title = text(item);
        auto it = std::find_if(table.columns.begin(), table.columns.end(),
                               [&](const model::Column& c) { return c.title == title; });
        if (it == table.columns.end() || !it->numeric) {
          fail(item,
               it == table.columns.end()
                   ? "no column is titled \"" + shorten(title) + "\"" + did_you_mean(title, numeric)
                   : "the column \"" + shorten(title) + "\" does not hold only numbers",
               expected);
        }
        table.total_columns.push_back(static_cast<int>(it - table.columns.begin()));
      }
    } else {
      table.total = boolean(*t);
    }
    if (table.total && table.columns[0].numeric) {
      fail(*t, "the first column holds only numbers, so it has no room for the total's label",
           "a first column of text (put the labels first), or no total");
    }
  }
  if (const Tree* t = m.find("zebra")) table.zebra = boolean(*t);
  if (const Tree* t = m.find("orientation"))
    table.landscape = choice(*t, schema::values_of("table", "orientation")) == "landscape";
  return table;
}

} // namespace baocao::input
