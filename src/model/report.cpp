#include "model/report.hpp"

namespace baocao::model {

const Figure* find_figure(const Report& report, const std::string& id) {
  for (const auto& f : report.figures) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

const Indicator* find_indicator(const Report& report, const std::string& id) {
  for (const auto& g : report.indicators) {
    for (const auto& i : g.indicators) {
      if (i.id == id) return &i;
    }
  }
  return nullptr;
}

} // namespace baocao::model
