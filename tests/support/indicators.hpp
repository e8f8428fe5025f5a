#pragma once
// Indicators built in a line, for the tests of their status and wording.
#include "model/indicator.hpp"

namespace baocao::test {

model::Quantity num(double value, const char* written = "");
model::Quantity count(double part, double total, const char* part_written = "",
                      const char* total_written = "");
model::Quantity words(const char* text);
model::Indicator indicator(const char* unit, model::Quantity result, model::Quantity target,
                           model::Comparator c = model::Comparator::unstated,
                           model::Direction d = model::Direction::higher_is_better);

} // namespace baocao::test
