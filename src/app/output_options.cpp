#include "app/output_options.hpp"

#include <cstdlib>

#include "app/cli.hpp"
#include "app/read_files.hpp"

namespace baocao::app {
bool parse_output_option(const std::string& a, const std::function<std::string(const char*)>& value,
                         BuildOptions& o) {
  if (a == "--force") {
    o.force = true;
    return true;
  }
  if (a == "--format") {
    std::string f = value("--format");
    if (f == "pdf")
      o.format = OutputFormat::pdf;
    else if (f == "png")
      o.format = OutputFormat::png;
    else if (f == "svg")
      o.format = OutputFormat::svg;
    else
      throw UsageError("--format " + f + ": choose pdf, png or svg");
    return true;
  }
  if (a == "--dpi") {
    std::string d = value("--dpi");
    char* end = nullptr;
    long n = std::strtol(d.c_str(), &end, 10);
    if (d.empty() || *end != '\0' || n < 10 || n > 1200)
      throw UsageError("--dpi " + d + ": give a whole number from 10 to 1200");
    o.dpi = static_cast<int>(n);
    return true;
  }
  if (a == "--date") {
    std::string d = value("--date");
    o.date = core::parse_utc_date(d);
    if (!o.date)
      throw UsageError("--date " + d + ": give YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC)");
    return true;
  }
  return false;
}

namespace {

/// `-o -` and names that do not look like what is written: checked before
/// anything is read, so `-o report.yaml` never gets near the report.
void check_output_name(const BuildOptions& o) {
  const char* format = o.format == OutputFormat::pdf   ? "pdf"
                       : o.format == OutputFormat::png ? "png"
                                                       : "svg";
  if (o.output == "-") {
    if (o.dump_layout)
      throw UsageError("--dump-layout prints the layout on standard output, so -o - cannot "
                       "share it: name an output file");
    if (o.format == OutputFormat::png)
      throw UsageError("--format png writes one file per page, so it cannot go to standard "
                       "output (-o -): name the files with -o NAME-{p}.png, or use --format "
                       "pdf or svg");
    return;
  }
  // A preview name without {p} only lends its stem: OUT.x becomes OUT-01.png.
  bool named_whole = o.format == OutputFormat::pdf || o.output.find("{p}") != std::string::npos;
  if (o.output.empty() || o.force || !named_whole) return;
  std::string extension = std::string(".") + format;
  if (!has_extension(o.output, extension))
    throw UsageError("-o " + o.output + ": " +
                     (o.format == OutputFormat::pdf
                          ? std::string("a PDF's name")
                          : std::string("a page file's name (--format ") + format + ")") +
                     " should end in " + extension +
                     "; nothing written (give --force to use this name anyway)");
}

} // namespace

void finish_output_options(BuildOptions& o) {
  if (!o.date) { // --date overrides SOURCE_DATE_EPOCH
    if (const char* env = std::getenv("SOURCE_DATE_EPOCH"); env && *env) {
      o.date = core::parse_epoch(env);
      if (!o.date)
        throw UsageError(std::string("SOURCE_DATE_EPOCH=") + env +
                         ": give whole seconds since 1970-01-01 UTC (up to year 9999)");
    }
  }
  if (o.format != OutputFormat::pdf) {
    const char* f = o.format == OutputFormat::png ? "png" : "svg";
    if (o.haru.pdfa || o.haru.protection)
      throw UsageError(std::string("--format ") + f + " writes page previews: --pdfa and " +
                       "passwords apply to a PDF only");
    if (o.backend == Backend::haru)
      throw UsageError(std::string("--format ") + f +
                       " is drawn by Cairo: leave out --backend haru");
  }
  check_output_name(o);
}

} // namespace baocao::app
