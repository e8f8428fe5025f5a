// libFuzzer target: a table's data file -> the CSV or XLSX reader. A clean
// error is an input::DataError (which the loader words as an InputError);
// anything else (a crash, a sanitizer report, another exception) is a finding.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "input/csv_reader.hpp"
#include "input/xlsx_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    if (bytes.substr(0, 2) == "PK") {
      baocao::input::XlsxOptions options;
      options.header_rows = size % 2;
      (void)baocao::input::read_xlsx(bytes, options);
    } else {
      // The options vary with the input's size, so every combination is tried.
      baocao::input::CsvOptions options;
      options.columns = 1 + size % 4;
      options.header_rows = size % 2;
      options.delimiter = size % 3 == 0 ? ';' : 0;
      options.decimal = size % 5 == 0 ? ',' : 0;
      (void)baocao::input::read_csv(bytes, options);
    }
  } catch (const baocao::input::DataError&) {
    // expected for most inputs
  }
  return 0;
}
