#pragma once
// How an indicator (chỉ tiêu) is written: its result and target as the report
// wrote them, the computed assessment ("vượt 53% so với nghị quyết", "không
// đạt (4,25% so với chỉ tiêu dưới 2%)"), the change against its baseline
// ("tăng 1,76 lần so với đầu nhiệm kỳ") and the tally line, every word from
// the template (style::IndicatorWords). docs/indicators.md states the rules.
#include <string>

#include "model/indicator.hpp"
#include "style/style.hpp"

namespace baocao::layout {

/// Whether a unit other than "%" follows the number: a table with a unit
/// column writes "600", a sentence "600 đảng viên". "%" always stays ("dưới 2%").
enum class Units { shown, percent_only };

/// "4,25%", "919 đảng viên", "04/09 thôn", "05%" (digits as written), or the
/// words; "" for none.
std::string format_quantity(const model::Quantity& q, const std::string& unit,
                            const style::NumberStyle& numbers, Units units = Units::shown);

/// The target with its comparator's words: "dưới 2%", "từ 90% trở lên",
/// "khoảng 5%", a bare "600" when the report states no comparator; "" for none.
std::string format_indicator_target(const model::Indicator& ind, const style::IndicatorWords& w,
                                    const style::NumberStyle& numbers, Units units = Units::shown);

/// The result: format_quantity of ind.result in ind.unit.
std::string format_indicator_result(const model::Indicator& ind, const style::NumberStyle& numbers,
                                    Units units = Units::shown);

/// Which wording an assessment takes: a share of the target ("vượt 53%",
/// "đạt 98%"), the result against the target ("không đạt (4,25% so với chỉ
/// tiêu dưới 2%)"), or the status a report states for words.
enum class AssessmentForm { none, share, compare, stated };
AssessmentForm assessment_form(const model::Indicator& ind);

/// The assessment of model::assess() in words; "" when its status is none.
std::string format_assessment(const model::Indicator& ind, const style::IndicatorWords& w,
                              const style::NumberStyle& numbers);

/// The change from the baseline to the result: "tăng 1,76 lần so với đầu
/// nhiệm kỳ", "giảm 1,94 điểm phần trăm", "tăng 8 triệu đồng"; "" without a
/// baseline or a numeric result.
std::string format_change(const model::Indicator& ind, const style::IndicatorWords& w,
                          const style::NumberStyle& numbers);

/// "13/15 chỉ tiêu đạt và vượt"; "" when nothing was assessed.
std::string format_tally(const model::Tally& t, const style::IndicatorWords& w,
                         const style::NumberStyle& numbers);

} // namespace baocao::layout
