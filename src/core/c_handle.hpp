#pragma once
// One owner type for every C handle: std::unique_ptr with a stateless deleter
// that calls the library's free function, e.g.
//   using FcConfigPtr = core::CHandle<FcConfig, FcConfigDestroy>;
#include <memory>

namespace baocao::core {

template <auto Free> struct CFree {
  template <class T> void operator()(T* p) const noexcept {
    if (p) Free(p);
  }
};

template <class T, auto Free> using CHandle = std::unique_ptr<T, CFree<Free>>;

} // namespace baocao::core
