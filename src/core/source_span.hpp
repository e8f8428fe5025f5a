#pragma once
#include <string>

namespace baocao::core {

/// A place in an input file, 1-based line and column (0 means unknown).
struct SourceSpan {
  std::string file;
  int line = 0;
  int col = 0;

  std::string to_string() const {
    std::string s = file.empty() ? std::string("<input>") : file;
    if (line > 0) {
      s += ":" + std::to_string(line) + ":" + std::to_string(col);
    }
    return s;
  }
};

} // namespace baocao::core
