#include "core/cairo_lock.hpp"

namespace baocao::core {

std::unique_lock<std::recursive_mutex> cairo_lock() {
  static std::recursive_mutex mutex;
  return std::unique_lock(mutex);
}

} // namespace baocao::core
