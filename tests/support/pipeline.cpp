#include "support/pipeline.hpp"

#include "core/data_dirs.hpp"
#include "input/report_loader.hpp"
#include "input/template_loader.hpp"
#include "layout/document.hpp"

namespace baocao::test {

const text::FontSystem& bundled_fonts() {
  static const text::FontSystem fonts({core::data_dir() / "fonts"});
  return fonts;
}

style::Style builtin_template(const std::string& name) {
  auto dir = core::data_dir() / "templates";
  return input::load_template(name, dir, dir);
}

std::unique_ptr<LaidOut> lay_out_yaml(const std::string& yaml, const std::string& name) {
  auto out = std::make_unique<LaidOut>();
  out->report = input::parse_report(yaml, name);
  auto style =
      builtin_template(out->report.template_name.empty() ? "dang" : out->report.template_name);
  layout::lay_out(out->report, style, bundled_fonts(), out->sink);
  return out;
}

std::string page_text(const display::Page& page) {
  std::string s;
  for (const auto& item : page.items) {
    if (const auto* r = std::get_if<display::GlyphRun>(&item)) s += r->text + "\n";
  }
  return s;
}

} // namespace baocao::test
