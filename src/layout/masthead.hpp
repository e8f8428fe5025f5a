#pragma once
#include "layout/elements.hpp"
#include "model/report.hpp"

namespace baocao::layout {

/// Page 1's heading block: bodies, number, motto, place and date, kind and title.
std::unique_ptr<Element> make_masthead(const model::Document& doc);

/// Recipients (left) and signature (right), kept on one page.
std::unique_ptr<Element> make_closing(const model::Report& report, const style::Style& style);

} // namespace baocao::layout
