#pragma once
// Internal to the body writer: tables and key-figure cards as Word tables.
#include "docx/body_parts.hpp"

namespace baocao::docx::detail {

void table(Ctx& c, const layout::TableSpec& spec);
void cards(Ctx& c, const layout::FlowCards& cards);

} // namespace baocao::docx::detail
