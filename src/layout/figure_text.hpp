#pragma once
// How a figure's value and its share of the target are written, in the
// template's number format and words: shared by the figures table (compose),
// key-figure cards and charts, so none of them depends on another.
#include <string>

#include "model/report.hpp"
#include "style/style.hpp"

namespace baocao::layout {

/// "3.677 đảng viên", "14,4%".
std::string format_figure_value(double value, const std::string& unit,
                                const style::NumberStyle& numbers);

/// "vượt 53% so với chỉ tiêu" / "đạt 98% chỉ tiêu", from the template's
/// labels; "" for a figure without a target.
std::string format_target(const model::Figure& f, const style::Labels& labels);

} // namespace baocao::layout
