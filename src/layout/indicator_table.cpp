#include "layout/indicator_table.hpp"

#include <algorithm>
#include <functional>

#include "core/placeholders.hpp"
#include "layout/blocks.hpp"
#include "layout/compose.hpp"
#include "layout/indicator_text.hpp"

namespace baocao::layout {
namespace {

using Cell = TableSpec::Cell;
using style::TextAlign;

Cell text_cell(const std::string& text, bool bold = false) {
  Cell c;
  c.paragraphs.push_back({{text, bold, false}});
  return c;
}

bool any_note(const std::vector<IndicatorRows>& groups) {
  for (const auto& g : groups) {
    for (const auto* i : g.indicators) {
      if (!i->note.empty()) return true;
    }
  }
  return false;
}

int indicator_count(const std::vector<IndicatorRows>& groups) {
  int n = 0;
  for (const auto& g : groups) n += static_cast<int>(g.indicators.size());
  return n;
}

std::string numbered(const std::string& pattern, int n) {
  return core::fill_placeholders(pattern, {{"n", std::to_string(n)}, {"roman", roman(n)}});
}

/// The target with its comparator's words and the period after it: "dưới 1,5% hằng năm".
std::string target_text(const model::Indicator& ind, const style::Style& style) {
  std::string t =
      format_indicator_target(ind, style.indicators, style.numbers, Units::percent_only);
  if (!t.empty() && !ind.period.empty()) t += " " + ind.period;
  return t;
}

/// Words are text, left-aligned; numbers and counts keep the column's right alignment.
/// Targets and results mix bare numbers, phrases ("từ 90% trở lên hằng
/// năm"), counts and words, so their columns are centred, as offices set
/// such tables by hand: one alignment per column reads evenly.
Cell quantity_cell(const std::string& text) {
  return text_cell(text);
}

/// The columns every indicators table starts with (STT, label, unit), the
/// ones given, and Ghi chú when a note needs it; the rows: a group row per
/// titled group, then one per indicator from `cells`, numbered on.
TableSpec build(const std::vector<IndicatorRows>& groups, const style::Style& style,
                const std::vector<std::string>& titles, std::vector<TableSpec::Column> own,
                const std::function<std::vector<Cell>(const model::Indicator&)>& cells) {
  const auto& ts = style.indicator_table;
  const bool notes = any_note(groups);
  TableSpec spec;
  // STT sized from its last number, so that "12" never breaks.
  TableSpec::Column stt = titled_column(titles.at(0), TextAlign::center, 0);
  stt.widest = numbered(ts.numbering, std::max(1, indicator_count(groups)));
  spec.columns = {stt, titled_column(titles.at(1), TextAlign::left, 0),
                  titled_column(titles.at(2), TextAlign::center, 10)};
  for (auto& c : own) spec.columns.push_back(std::move(c));
  if (notes)
    spec.columns.push_back(titled_column(style.labels.figures_columns.at(3), TextAlign::left, 11));
  const int width = static_cast<int>(spec.columns.size());
  int group = 0, n = 0;
  for (const auto& g : groups) {
    if (!g.title.empty()) {
      Cell title = text_cell(g.title, true);
      title.colspan = width - 1;
      spec.cells.push_back({text_cell(numbered(ts.group_number, ++group), true), title});
      // A group's title row never ends a page without its first indicator.
      if (!g.indicators.empty()) spec.keep_with_next.push_back(spec.cells.size() - 1);
    }
    for (const auto* ind : g.indicators) {
      std::vector<Cell> row{text_cell(numbered(ts.numbering, ++n)), text_cell(ind->label),
                            text_cell(ind->unit)};
      for (auto& c : cells(*ind)) row.push_back(std::move(c));
      if (notes) row.push_back(text_cell(ind->note));
      spec.cells.push_back(std::move(row));
    }
  }
  spec.zebra = style.table.zebra;
  return spec;
}

/// A missed target's cell stands out as the template says.
void mark_missed(Cell& c, const style::IndicatorTableStyle& ts) {
  switch (ts.missed_mark) {
  case style::MissedMark::bold:
    for (auto& p : c.paragraphs) {
      for (auto& s : p) s.bold = true;
    }
    break;
  case style::MissedMark::color:
    c.color = ts.missed_color;
    break;
  case style::MissedMark::none:
    break;
  }
}

/// The assessment and, with a baseline, the change: "vượt chỉ tiêu; giảm 1,94 điểm phần trăm".
std::string assessment_text(const model::Indicator& ind, const style::Style& style) {
  std::string a = format_assessment(ind, style.indicators, style.numbers);
  std::string change = format_change(ind, style.indicators, style.numbers);
  if (change.empty()) return a;
  return a.empty() ? change : a + "; " + change;
}

} // namespace

std::vector<IndicatorRows> shown_groups(const std::vector<model::IndicatorGroup>& groups,
                                        const std::vector<std::string>& titles) {
  std::vector<IndicatorRows> out;
  for (const auto& g : groups) {
    bool named = titles.empty();
    for (const auto& t : titles) named = named || t == g.title;
    if (!named) continue;
    IndicatorRows rows{g.title, {}};
    for (const auto& i : g.indicators) rows.indicators.push_back(&i);
    out.push_back(std::move(rows));
  }
  return out;
}

TableSpec indicators_table(const std::vector<IndicatorRows>& groups, const style::Style& style,
                           std::string caption) {
  const auto& titles = style.labels.indicators_columns;
  // A column no row fills is left out: key figures without targets show
  // as STT | Chỉ tiêu | ĐVT | Thực hiện, not with two empty columns.
  bool targets = false, assessed = false;
  for (const auto& g : groups) {
    for (const auto* ind : g.indicators) {
      targets = targets || !ind->target.empty();
      assessed = assessed || !assessment_text(*ind, style).empty();
    }
  }
  // The label takes what the fixed columns leave: it is the longest text
  // of a row, and "tỷ đồng" or "dưới 2%" must not break.
  std::vector<TableSpec::Column> own;
  if (targets) own.push_back(titled_column(titles.at(3), TextAlign::center, 15));
  own.push_back(titled_column(titles.at(4), TextAlign::center, 13));
  if (assessed) own.push_back(titled_column(titles.at(5), TextAlign::left, 22));
  TableSpec spec = build(groups, style, titles, std::move(own), [&](const model::Indicator& ind) {
    std::vector<Cell> cells;
    if (targets) cells.push_back(quantity_cell(target_text(ind, style)));
    cells.push_back(
        quantity_cell(format_indicator_result(ind, style.numbers, Units::percent_only)));
    if (assessed) cells.push_back(text_cell(assessment_text(ind, style)));
    // A miss has a target, so cells[0] is it: the result and the assessment stand out.
    if (model::assess(ind) == model::Status::missed) {
      for (std::size_t i = 1; i < cells.size(); ++i) mark_missed(cells[i], style.indicator_table);
    }
    return cells;
  });
  spec.caption = std::move(caption);
  return spec;
}

TableSpec targets_table(const std::vector<IndicatorRows>& groups, const style::Style& style) {
  const auto& titles = style.labels.targets_columns;
  return build(groups, style, titles, {titled_column(titles.at(3), TextAlign::center, 30)},
               [&](const model::Indicator& ind) {
                 return std::vector<Cell>{quantity_cell(target_text(ind, style))};
               });
}

std::string tally_line(const std::vector<IndicatorRows>& groups, const style::Style& style) {
  const std::string& pattern = style.indicator_table.tally_line;
  if (pattern.empty()) return "";
  // model::tally counts groups; the shown indicators make one.
  model::IndicatorGroup all;
  for (const auto& g : groups) {
    for (const auto* i : g.indicators) all.indicators.push_back(*i);
  }
  model::Tally t = model::tally({all});
  if (t.assessed == 0) return "";
  return core::fill_placeholders(pattern,
                                 {{"tally", format_tally(t, style.indicators, style.numbers)}});
}

} // namespace baocao::layout
