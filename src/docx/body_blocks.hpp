#pragma once
// Internal to the body writer: the masthead and the closing block.
#include "docx/body_parts.hpp"

namespace baocao::docx::detail {

void masthead(Ctx& c, const model::Document& doc, bool blank_number_date);
void closing(Ctx& c, const model::Report& report);

} // namespace baocao::docx::detail
