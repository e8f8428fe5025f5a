#pragma once
// The JSON Schemas (draft 2020-12) of the report format, written from
// report_schema's definitions, and of template files, from template_schema's
// table, for editors (docs/editor.md).
#include <string>

namespace baocao::input {

/// The schema as indented JSON text, ending with a newline.
std::string json_schema();
/// The same for template files, from template_schema's table (defaults included).
std::string template_json_schema();

} // namespace baocao::input
