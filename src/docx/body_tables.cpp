// Tables as Word tables: the column widths the PDF's rule gives (from
// estimated content widths: Word measures again when the user edits), the
// header row repeated on every page (tblHeader), rows kept whole
// (cantSplit), spans as gridSpan and vMerge, numbers on a decimal tab,
// stripes and the total row. Key-figure cards are a table of cards.
#include "docx/body_tables.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include "docx/body_parts.hpp"

namespace baocao::docx::detail {
namespace {

using layout::TableSpec;

/// A cell's text guessed as layout would measure it, a point to spare.
double guess(std::string_view text, const style::TextStyle& ts, bool bold) {
  return guess_width(text, ts, bold) + 1;
}

struct Guess {
  layout::ContentWidth width;
  void add(const std::vector<text::Span>& spans, const style::TextStyle& ts, double pad) {
    double line = 0;
    for (const auto& s : spans) {
      line += guess(s.text, ts, s.bold);
      size_t from = 0;
      while (from < s.text.size()) {
        size_t end = s.text.find(' ', from);
        if (end == std::string::npos) end = s.text.size();
        width.min = std::max(width.min, guess(s.text.substr(from, end - from), ts, s.bold) + pad);
        from = end + 1;
      }
    }
    width.max = std::max(width.max, line + pad);
  }
};

std::vector<double> column_widths(const TableSpec& spec, const model::TableGrid& grid,
                                  const style::Style& st, double available) {
  const double pad = 2 * st.table.padding_x + 1;
  std::vector<Guess> guesses(spec.columns.size());
  for (size_t i = 0; i < spec.columns.size(); ++i) {
    guesses[i].add(spec.columns[i].title, st.table.header, pad);
    if (!spec.columns[i].widest.empty())
      guesses[i].add(layout::plain(spec.columns[i].widest), st.table.cell, pad);
  }
  // The header and the first 200 rows, as layout samples them.
  const size_t sample = 200;
  for (size_t r = 0; r < std::min(sample, spec.rows.size()); ++r)
    for (size_t i = 0; i < spec.rows[r].size() && i < guesses.size(); ++i)
      guesses[i].add(spec.rows[r][i], st.table.cell, pad);
  for (size_t r = 0; r < std::min(sample, spec.cells.size()) && r < grid.rows(); ++r) {
    for (size_t k = 0; k < spec.cells[r].size(); ++k) {
      const auto& g = grid.cell(r, k);
      if (g.colspan != 1 || g.column >= guesses.size()) continue;
      for (const auto& p : spec.cells[r][k].paragraphs)
        guesses[g.column].add(p, st.table.cell, pad);
    }
  }
  std::vector<layout::ContentWidth> content;
  for (const auto& g : guesses) content.push_back(g.width);
  return layout::resolve_columns(spec, available, content);
}

/// One table being written.
class TableWriter {
public:
  TableWriter(Ctx& c, const TableSpec& spec)
      : c_(c), w_(c.w), spec_(spec), ts_(c.style.table),
        grid_(spec.grid.rows() == spec.cells.size() ? spec.grid : layout::cells_grid(spec)) {}

  void run() {
    if (!spec_.caption.empty()) {
      ParagraphProps p;
      p.style_id = "Caption";
      p.keep_next = true;
      p.keep_lines = true;
      p.first_line_indent = 0;
      paragraph(c_, ts_.caption, layout::plain(spec_.caption), p);
    }
    widths_ = column_widths(spec_, grid_, c_.style, c_.width);
    decimal_tabs();
    w_.open("w:tbl");
    table_props();
    w_.open("w:tblGrid");
    for (double wd : widths_) w_.leaf("w:gridCol", {{"w:w", twips_str(wd)}});
    w_.close();
    header();
    body();
    total();
    w_.close();
    spacer(c_, ts_.space_after);
  }

private:
  void table_props() {
    w_.open("w:tblPr");
    w_.leaf("w:tblStyle", {{"w:val", "TableGrid"}});
    double total = 0;
    for (double wd : widths_) total += wd;
    w_.leaf("w:tblW", {{"w:w", twips_str(total)}, {"w:type", "dxa"}});
    w_.leaf("w:tblLayout", {{"w:type", "fixed"}});
    w_.open("w:tblBorders");
    std::string size = std::to_string(std::max(2L, std::lround(ts_.rule_width * 8)));
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"})
      w_.leaf(side, {{"w:val", "single"}, {"w:sz", size}, {"w:space", "0"}, {"w:color", "000000"}});
    w_.close();
    w_.open("w:tblCellMar");
    w_.leaf("w:top", {{"w:w", twips_str(ts_.padding_y)}, {"w:type", "dxa"}});
    w_.leaf("w:left", {{"w:w", twips_str(ts_.padding_x)}, {"w:type", "dxa"}});
    w_.leaf("w:bottom", {{"w:w", twips_str(ts_.padding_y)}, {"w:type", "dxa"}});
    w_.leaf("w:right", {{"w:w", twips_str(ts_.padding_x)}, {"w:type", "dxa"}});
    w_.close();
    w_.close();
  }

  /// Where a number column's decimal tab stands: the widest fraction
  /// (separator and digits) left clear at the cell's right.
  void decimal_tabs() {
    tabs_.assign(spec_.columns.size(), -1);
    std::vector<double> fraction(spec_.columns.size(), 0); // points
    const std::string& sep = c_.style.numbers.decimal;
    auto see = [&](size_t col, const std::vector<text::Span>& spans) {
      std::string s;
      for (const auto& sp : spans) s += sp.text;
      size_t at = s.rfind(sep);
      if (at != std::string::npos)
        fraction[col] =
            std::max(fraction[col], guess_width(std::string_view(s).substr(at), ts_.cell));
    };
    for (const auto& row : spec_.rows)
      for (size_t i = 0; i < row.size() && i < fraction.size(); ++i)
        if (spec_.columns[i].decimal) see(i, row[i]);
    for (size_t r = 0; r < spec_.cells.size() && r < grid_.rows(); ++r)
      for (size_t k = 0; k < spec_.cells[r].size(); ++k) {
        const auto& g = grid_.cell(r, k);
        const auto& cell = spec_.cells[r][k];
        if (cell.number && g.colspan == 1 && g.column < fraction.size() && !cell.paragraphs.empty())
          see(g.column, cell.paragraphs.front());
      }
    for (size_t i = 0; i < tabs_.size(); ++i) {
      double inner = widths_[i] - 2 * ts_.padding_x;
      tabs_[i] = inner - fraction[i];
    }
  }

  struct CellStyle {
    const style::TextStyle* text;
    style::TextAlign align;
    bool number = false;
    std::optional<core::Color> fill;
    bool keep_next = false;
  };

  void header() {
    bool any = false;
    for (const auto& col : spec_.columns) any = any || !col.title.empty();
    if (!any) return;
    w_.open("w:tr");
    row_props(true);
    for (size_t i = 0; i < spec_.columns.size(); ++i) {
      TableSpec::Cell cell;
      cell.paragraphs.push_back(spec_.columns[i].title);
      cell_xml(cell, i, 1, nullptr, {&ts_.header, ts_.header.align, false, ts_.header_fill, false});
    }
    w_.close();
  }

  void row_props(bool is_header) {
    w_.open("w:trPr");
    w_.leaf("w:cantSplit");
    if (is_header) w_.leaf("w:tblHeader");
    w_.close();
  }

  std::optional<core::Color> stripe(size_t r) const {
    if (spec_.zebra && r % 2 == 1) return ts_.stripe_fill;
    return std::nullopt;
  }

  bool kept(size_t r) const {
    return std::find(spec_.keep_with_next.begin(), spec_.keep_with_next.end(), r) !=
           spec_.keep_with_next.end();
  }

  void body() {
    for (size_t r = 0; r < spec_.rows.size(); ++r) {
      w_.open("w:tr");
      row_props(false);
      for (size_t i = 0; i < spec_.columns.size(); ++i) {
        TableSpec::Cell cell;
        if (i < spec_.rows[r].size()) cell.paragraphs.push_back(spec_.rows[r][i]);
        cell_xml(cell, i, 1, nullptr, plain_style(i, stripe(r), false));
      }
      w_.close();
    }
    // Rows of cells on their grid: a rowspan's first cell restarts a
    // vertical merge that the rows below continue with empty cells.
    struct Held {
      size_t rows = 0;
      size_t colspan = 1;
    };
    std::vector<Held> held(spec_.columns.size());
    for (size_t r = 0; r < spec_.cells.size() && r < grid_.rows(); ++r) {
      std::map<size_t, size_t> starts; // column -> cell index
      for (size_t k = 0; k < spec_.cells[r].size(); ++k) starts[grid_.cell(r, k).column] = k;
      w_.open("w:tr");
      row_props(false);
      for (size_t col = 0; col < spec_.columns.size();) {
        if (held[col].rows > 0) {
          size_t span = held[col].colspan;
          --held[col].rows;
          TableSpec::Cell empty;
          cell_xml(empty, col, span, "continue", plain_style(col, stripe(r), kept(r)));
          col += span;
          continue;
        }
        auto it = starts.find(col);
        if (it == starts.end()) {
          TableSpec::Cell empty;
          cell_xml(empty, col, 1, nullptr, plain_style(col, stripe(r), kept(r)));
          ++col;
          continue;
        }
        const auto& g = grid_.cell(r, it->second);
        const auto& cell = spec_.cells[r][it->second];
        size_t span = std::min<size_t>(g.colspan, spec_.columns.size() - col);
        if (g.rowspan > 1) held[col] = {g.rowspan - 1, span};
        CellStyle cs = plain_style(col, stripe(r), kept(r));
        cs.number = cell.number && span == 1;
        if (cell.align) cs.align = *cell.align;
        cell_xml(cell, col, span, g.rowspan > 1 ? "restart" : nullptr, cs);
        col += span;
      }
      w_.close();
    }
  }

  void total() {
    if (spec_.total.empty()) return;
    w_.open("w:tr");
    row_props(false);
    size_t col = 0;
    for (const auto& cell : spec_.total) {
      if (col >= spec_.columns.size()) break;
      size_t span = std::min<size_t>(std::max(1, cell.colspan), spec_.columns.size() - col);
      CellStyle cs = plain_style(col, std::nullopt, false);
      cs.number = cell.number && span == 1;
      if (cell.align) cs.align = *cell.align;
      cell_xml(cell, col, span, nullptr, cs);
      col += span;
    }
    for (; col < spec_.columns.size(); ++col) {
      TableSpec::Cell empty;
      cell_xml(empty, col, 1, nullptr, plain_style(col, std::nullopt, false));
    }
    w_.close();
  }

  CellStyle plain_style(size_t col, std::optional<core::Color> fill, bool keep_next) const {
    return {&ts_.cell, spec_.columns[col].align, spec_.columns[col].decimal, fill, keep_next};
  }

  void cell_xml(const TableSpec::Cell& cell, size_t col, size_t span, const char* merge,
                const CellStyle& cs) {
    double width = 0;
    for (size_t i = col; i < col + span && i < widths_.size(); ++i) width += widths_[i];
    w_.open("w:tc");
    w_.open("w:tcPr");
    w_.leaf("w:tcW", {{"w:w", twips_str(width)}, {"w:type", "dxa"}});
    if (span > 1) w_.leaf("w:gridSpan", {{"w:val", std::to_string(span)}});
    if (merge) {
      if (std::string_view(merge) == "restart")
        w_.leaf("w:vMerge", {{"w:val", "restart"}});
      else
        w_.leaf("w:vMerge");
    }
    if (cs.fill)
      w_.leaf("w:shd", {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", hex_color(*cs.fill)}});
    w_.leaf("w:vAlign", {{"w:val", "center"}});
    w_.close();
    style::TextStyle ts = *cs.text;
    if (cell.color) ts.color = *cell.color;
    bool decimal = cs.number && tabs_[col] > 0;
    if (cell.paragraphs.empty()) {
      w_.open("w:p");
      cell_paragraph_props(ts, cs, false);
      w_.close();
    }
    for (const auto& spans : cell.paragraphs) {
      w_.open("w:p");
      cell_paragraph_props(ts, cs, decimal ? tabs_[col] : 0);
      std::vector<text::Span> shown = spans;
      if (decimal) shown.insert(shown.begin(), text::Span{"\t", false, false});
      if (cell.list)
        shown.insert(shown.begin(), text::Span{c_.style.list.bullet + " ", false, false});
      runs(c_, ts, shown);
      w_.close();
    }
    w_.close();
  }

  void cell_paragraph_props(const style::TextStyle& ts, const CellStyle& cs, double decimal_tab) {
    w_.open("w:pPr");
    if (cs.keep_next) w_.leaf("w:keepNext");
    if (decimal_tab > 0) {
      w_.open("w:tabs");
      w_.leaf("w:tab", {{"w:val", "decimal"}, {"w:pos", twips_str(decimal_tab)}});
      w_.close();
    }
    w_.leaf("w:spacing", {{"w:before", "0"},
                          {"w:after", "0"},
                          {"w:line", line_pitch(ts)},
                          {"w:lineRule", "atLeast"}});
    w_.leaf("w:ind", {{"w:firstLine", "0"}});
    style::TextAlign align = decimal_tab > 0 ? style::TextAlign::left : cs.align;
    w_.leaf("w:jc", {{"w:val", justification(align)}});
    w_.close();
  }

  Ctx& c_;
  XmlWriter& w_;
  const TableSpec& spec_;
  const style::TableStyle& ts_;
  std::vector<double> widths_;
  std::vector<double> tabs_; ///< decimal tab per column, from the cell's text edge
  model::TableGrid grid_;    ///< where each of spec_.cells stands
};

} // namespace

void table(Ctx& c, const layout::TableSpec& spec) {
  TableWriter(c, spec).run();
}

void cards(Ctx& c, const layout::FlowCards& k) {
  const auto& ks = c.style.key_figures;
  size_t columns = static_cast<size_t>(std::max(1, k.columns));
  double cell = c.width / static_cast<double>(columns);
  auto& w = c.w;
  w.open("w:tbl");
  w.open("w:tblPr");
  w.leaf("w:tblW", {{"w:w", twips_str(c.width)}, {"w:type", "dxa"}});
  w.leaf("w:tblLayout", {{"w:type", "fixed"}});
  if (ks.gap > 0) w.leaf("w:tblCellSpacing", {{"w:w", twips_str(ks.gap / 2)}, {"w:type", "dxa"}});
  w.open("w:tblCellMar");
  for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"})
    w.leaf(side, {{"w:w", twips_str(ks.padding)}, {"w:type", "dxa"}});
  w.close();
  w.close();
  w.open("w:tblGrid");
  for (size_t i = 0; i < columns; ++i) w.leaf("w:gridCol", {{"w:w", twips_str(cell)}});
  w.close();
  for (size_t first = 0; first < k.cards.size(); first += columns) {
    w.open("w:tr");
    w.open("w:trPr");
    w.leaf("w:cantSplit");
    w.close();
    for (size_t i = first; i < first + columns; ++i) {
      w.open("w:tc");
      w.open("w:tcPr");
      w.leaf("w:tcW", {{"w:w", twips_str(cell)}, {"w:type", "dxa"}});
      if (i < k.cards.size()) {
        w.open("w:tcBorders");
        std::string size = std::to_string(std::max(2L, std::lround(ks.rule_width * 8)));
        for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"})
          w.leaf(side, {{"w:val", ks.rule_width > 0 ? "single" : "nil"},
                        {"w:sz", size},
                        {"w:space", "0"},
                        {"w:color", "000000"}});
        w.close();
        if (ks.fill)
          w.leaf("w:shd",
                 {{"w:val", "clear"}, {"w:color", "auto"}, {"w:fill", hex_color(ks.fill_color)}});
      }
      w.close();
      if (i >= k.cards.size()) w.leaf("w:p");
      if (i < k.cards.size()) {
        for (const auto& line : k.cards[i]) {
          using Kind = layout::CardLine::Kind;
          const style::TextStyle& ts = line.kind == Kind::value   ? ks.value_text
                                       : line.kind == Kind::unit  ? ks.unit_text
                                       : line.kind == Kind::label ? ks.label_text
                                                                  : ks.note_text;
          ParagraphProps p;
          p.first_line_indent = 0;
          p.keep_lines = true;
          paragraph(c, ts, layout::plain(line.text), p);
        }
      }
      w.close();
    }
    w.close();
  }
  w.close();
  spacer(c, ks.space_after);
}

} // namespace baocao::docx::detail
