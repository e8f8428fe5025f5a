#pragma once
// An awards block: the report's awards sorted, grouped and numbered, as
// tables or as a numbered listing, with a summary line counting recipients.
#include <string>
#include <vector>

#include "layout/flow.hpp"
#include "model/report.hpp"

namespace baocao::layout {

/// Recipients counted by level; entries without a level are not counted.
struct AwardsCount {
  long long individuals = 0;
  long long collectives = 0;
};
AwardsCount count_awards(const std::vector<model::Award>& awards);

/// "398 cá nhân và 70 tập thể được khen thưởng.": the one-sided pattern
/// when a count is 0, "" when both are.
std::string awards_summary(const std::vector<model::Award>& awards, const style::Style& style);

/// A listing line without its number: "Đảng bộ ...: Huân chương Lao động
/// hạng Nhất (Chủ tịch nước, năm 2014)." The authority is left out when
/// `with_authority` is false (the group heading already says it).
std::string award_line(const model::Award& a, const style::Labels& labels, bool with_authority);

/// Appends an awards block's sub-labels, tables or listings and summary line to `out`.
void flow_awards(const std::vector<model::Award>& awards, const model::AwardsBlock& block,
                 const style::Style& style, Flow& out);

} // namespace baocao::layout
