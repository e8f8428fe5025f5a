#include "layout/figure_text.hpp"

#include "core/number_format.hpp"
#include "core/placeholders.hpp"

namespace baocao::layout {

std::string format_figure_value(double value, const std::string& unit,
                                const style::NumberStyle& numbers) {
  std::string v = core::format_number(value, -1, numbers.thousands, numbers.decimal);
  if (unit.empty()) return v;
  if (unit == "%") return v + "%";
  return v + " " + unit;
}

std::string format_target(const model::Figure& f, const style::Labels& labels) {
  if (!f.target) return "";
  auto share = core::target_share(f.value, *f.target);
  const std::string& pattern = share.exceeded ? labels.target_exceeded : labels.target_reached;
  return core::fill_placeholders(pattern, {{"percent", std::to_string(share.percent)}});
}

} // namespace baocao::layout
