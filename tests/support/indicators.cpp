#include "support/indicators.hpp"

namespace baocao::test {

model::Quantity num(double value, const char* written) {
  model::Quantity q;
  q.kind = model::Quantity::Kind::number;
  q.number = {value, written};
  return q;
}

model::Quantity count(double part, double total, const char* part_written,
                      const char* total_written) {
  model::Quantity q;
  q.kind = model::Quantity::Kind::count;
  q.number = {part, part_written};
  q.total = {total, total_written};
  return q;
}

model::Quantity words(const char* text) {
  model::Quantity q;
  q.kind = model::Quantity::Kind::text;
  q.text = text;
  return q;
}

model::Indicator indicator(const char* unit, model::Quantity result, model::Quantity target,
                           model::Comparator c, model::Direction d) {
  model::Indicator i;
  i.label = "x";
  i.unit = unit;
  i.result = std::move(result);
  i.target = std::move(target);
  i.comparator = c;
  i.direction = d;
  return i;
}

} // namespace baocao::test
