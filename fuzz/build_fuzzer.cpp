// libFuzzer target: the whole build in memory. YAML bytes -> report ->
// template -> layout -> PDF bytes (the Cairo painter writing to a string).
// Clean outcomes: core::InputError (exit 2) or core::RuntimeError (exit 1,
// e.g. an image the input names that is not there). A build that succeeds
// must give a whole PDF. Anything else is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <sstream>
#include <string_view>

#include "core/data_dirs.hpp"
#include "core/error.hpp"
#include "input/report_loader.hpp"
#include "input/template_loader.hpp"
#include "layout/document.hpp"
#include "render/cairo/cairo_painter.hpp"
#include "text/font_system.hpp"

namespace fs = std::filesystem;
using namespace baocao;

namespace {

// Loading fonts and templates costs far more than one small report: once.
const text::FontSystem& fonts() {
  static text::FontSystem system({core::data_dir() / "fonts"});
  return system;
}

/// A built-in template by name; any other name (a path the input made up)
/// falls back to "dang", so the fuzzer never reads files outside the tree.
const style::Style& style_for(const std::string& name) {
  static std::map<std::string, std::unique_ptr<style::Style>> cache;
  fs::path dir = core::data_dir() / "templates";
  std::string use = name;
  if (use.empty() || use.find_first_of("/\\.") != std::string::npos ||
      !fs::exists(dir / (use + ".yaml")))
    use = "dang";
  auto& slot = cache[use];
  if (!slot) slot = std::make_unique<style::Style>(input::load_template(use, dir, dir));
  return *slot;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  try {
    model::Report report = input::parse_report(text, "<fuzz>");
    std::ostringstream pdf;
    {
      render::cairo::CairoPdfSink sink(pdf);
      layout::lay_out(report, style_for(report.template_name), fonts(), sink);
    }
    std::string bytes = pdf.str();
    if (bytes.rfind("%PDF-", 0) != 0 || bytes.find("%%EOF") == std::string::npos) std::abort();
  } catch (const core::InputError&) {
  } catch (const core::RuntimeError&) {
  }
  return 0;
}
