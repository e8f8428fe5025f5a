#pragma once
// Template rows of page furniture for long reports: the page number's
// pattern, the running header, the contents page and appendices.
#include <string>
#include <vector>

#include "input/template_schema.hpp"

namespace baocao::input::template_schema {

/// The placeholders a running header, footer or page number may use.
const std::vector<std::string>& margin_line_fields();
void add_page_number_pattern(std::vector<Value>& v);
void add_header(std::vector<Value>& v);
void add_contents_and_appendix(std::vector<Value>& v);

} // namespace baocao::input::template_schema
