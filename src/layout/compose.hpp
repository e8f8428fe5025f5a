#pragma once
// From the report model to the list of elements the paginator places: numbering,
// Vietnamese number formatting, and the tables that figures, awards and goals
// become.
#include "layout/elements.hpp"
#include "model/report.hpp"

namespace baocao::layout {

/// "I", "II", ... for 1, 2, ...
std::string roman(int n);
/// "a", "b", ..., "đ", ... in Vietnamese alphabet order (no f, j, w, z).
std::string alpha_vi(int n);
/// The heading number for the n-th (1-based) section with this numbering.
std::string heading_number(style::Numbering numbering, int n);

/// "3.677 đảng viên", "14,4%".
std::string format_figure_value(double value, const std::string& unit,
                                const style::NumberStyle& numbers);

/// "vượt 53% so với chỉ tiêu" / "đạt 98% chỉ tiêu", from the template's labels.
std::string format_target(const model::Figure& f, const style::Labels& labels);

ElementList compose(const model::Report& report, const style::Style& style, double text_width);

} // namespace baocao::layout
