#pragma once
#include <ostream>

#include "display/display_list.hpp"

namespace baocao::display {

/// Writes pages as text, one item a line, lengths in points with two decimals:
///   page 1 595.28x841.89 text-area 85.04 56.69 467.72 728.50
///   text 85.04 120.31 "Liberation Serif" LiberationSerif-Regular.ttf 14.00 glyphs=12 "Đảng bộ"
///   rule 85.04 130.00 -> 200.00 130.00 w=0.60
/// Font files are shown by file name so dumps do not depend on where the repo is.
class DumpSink : public Sink {
public:
  explicit DumpSink(std::ostream& out) : out_(out) {}
  void begin(const DocumentInfo& info) override;
  void page(Page&& page) override;
  void end() override;

private:
  std::ostream& out_;
};

} // namespace baocao::display
