#pragma once
// Hand-made display-list pages for the painters and --split-appendices,
// until layout produces contents, appendices and landscape pages itself.
#include <vector>

#include "display/display_list.hpp"

namespace baocao::test {

display::DocumentInfo sample_info();

/// Four pages: 1 portrait (a contents page: links to page 2 at y 100 and to
/// page 3 at y 50), 2 landscape (842 x 595, a black box at 50,40 100x40),
/// then appendix I (part 1) on portrait pages 3 (linking to itself at y 400)
/// and 4 (linking back to page 3 at y 200). Labels "1", "2", "PL I-1", "PL I-2"; a bookmark on each
/// of pages 1, 2 and 3.
std::vector<display::Page> sample_pages();

} // namespace baocao::test
