#pragma once
// The JSON Schema (draft 2020-12) of the report format, written from
// report_schema's definitions, for editors (docs/editor.md).
#include <string>

namespace baocao::input {

/// The schema as indented JSON text, ending with a newline.
std::string json_schema();

} // namespace baocao::input
