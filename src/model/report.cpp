#include "model/report.hpp"

namespace baocao::model {

const Figure* find_figure(const Report& report, const std::string& id) {
  for (const auto& f : report.figures) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

} // namespace baocao::model
