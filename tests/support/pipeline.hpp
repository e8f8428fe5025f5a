#pragma once
// Runs load -> layout into memory, for tests that check the display list.
#include <memory>
#include <string>

#include "display/display_list.hpp"
#include "model/report.hpp"
#include "style/style.hpp"
#include "text/font_system.hpp"

namespace baocao::test {

/// The bundled fonts, loaded once for the whole test run.
const text::FontSystem& bundled_fonts();

/// The built-in template of this name.
style::Style builtin_template(const std::string& name = "dang");

struct LaidOut {
  model::Report report;
  display::CollectingSink sink;
};

/// Parses the YAML and lays it out with the built-in template it names.
std::unique_ptr<LaidOut> lay_out_yaml(const std::string& yaml,
                                      const std::string& name = "test.yaml");

/// All the text on a page, runs joined in order, separated by "\n".
std::string page_text(const display::Page& page);

} // namespace baocao::test
