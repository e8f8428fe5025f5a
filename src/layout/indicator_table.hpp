#pragma once
// Schema 2's tables of indicators (chỉ tiêu): the results table of an
// indicators block (STT | Chỉ tiêu | ĐVT | Nghị quyết | Thực hiện | Đánh giá),
// the next term's targets table (STT | Chỉ tiêu | ĐVT | Mục tiêu) and the
// tally line under the results. A group is a row of its own; indicators are
// numbered on across groups. Every word comes from the template.
#include <string>
#include <vector>

#include "layout/table.hpp"
#include "model/indicator.hpp"
#include "style/style.hpp"

namespace baocao::layout {

/// Indicators as a table shows them, under a group row when `title` is not empty.
struct IndicatorRows {
  std::string title;
  std::vector<const model::Indicator*> indicators;
};

/// The groups with these titles, in report order; every group when `titles` is empty.
std::vector<IndicatorRows> shown_groups(const std::vector<model::IndicatorGroup>& groups,
                                        const std::vector<std::string>& titles = {});
/// The rows point into `groups`: a temporary would leave them dangling.
std::vector<IndicatorRows> shown_groups(std::vector<model::IndicatorGroup>&& groups,
                                        const std::vector<std::string>& titles = {}) = delete;

/// The results table; `caption` already numbered ("Bảng 1: ..."), "" for none.
/// A Ghi chú column (labels.figures_columns[3]) when some indicator has a note.
TableSpec indicators_table(const std::vector<IndicatorRows>& groups, const style::Style& style,
                           std::string caption = {});

/// The next term's targets: the target with its comparator and period, and
/// Ghi chú when some target has a note.
TableSpec targets_table(const std::vector<IndicatorRows>& groups, const style::Style& style);

/// The template's tally line ("Kết quả: 13/15 chỉ tiêu đạt và vượt.") over
/// these indicators; "" when the template has none or nothing was assessed.
std::string tally_line(const std::vector<IndicatorRows>& groups, const style::Style& style);

} // namespace baocao::layout
