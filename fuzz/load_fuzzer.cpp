// libFuzzer target: YAML bytes -> the report loader. A clean error is a
// core::InputError (exit 2); anything else (a crash, a sanitizer report, any
// other exception, which main() would turn into exit 1) is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/error.hpp"
#include "input/report_loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    baocao::model::Report report = baocao::input::parse_report(text, "<fuzz>");
    (void)report;
  } catch (const baocao::core::InputError&) {
    // expected for most inputs
  }
  return 0;
}
