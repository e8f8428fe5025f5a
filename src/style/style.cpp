#include "style/style.hpp"

namespace baocao::style {

double text_width(const Style& s) {
  return s.page.size.width - s.page.margin_left - s.page.margin_right;
}

} // namespace baocao::style
