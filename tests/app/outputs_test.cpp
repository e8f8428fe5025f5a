// The table of output kinds (app/outputs): choosing a kind from the flags,
// the checks it drives, and the names it gives.
#include <catch2/catch.hpp>

#include <set>

#include "app/build.hpp"
#include "app/outputs.hpp"
#include "app/usage_error.hpp"
#include "core/error.hpp"

using namespace baocao;
using app::OutputKind;

namespace {

app::OutputRequest ask(std::string format, std::optional<std::string> backend = {},
                       bool pdfa = false, bool passwords = false, bool dpi = false) {
  app::OutputRequest r;
  r.format = std::move(format);
  r.backend = std::move(backend);
  r.pdfa = pdfa;
  r.passwords = passwords;
  r.dpi = dpi;
  return r;
}

std::string refusal(const app::OutputRequest& r) {
  try {
    app::choose_output(r);
  } catch (const app::UsageError& e) {
    return e.what();
  }
  return "";
}

} // namespace

TEST_CASE("every output kind has one row with an extension and a factory", "[app][outputs]") {
  std::set<OutputKind> kinds;
  for (const auto& spec : app::output_specs()) {
    INFO(spec.name);
    CHECK(kinds.insert(spec.kind).second);
    CHECK(spec.extension.starts_with("."));
    CHECK(spec.make != nullptr);
    CHECK(&app::output_spec(spec.kind) == &spec);
  }
  CHECK(kinds.size() == 6);
}

TEST_CASE("the flags choose the kind: the painter follows from what the PDF must do",
          "[app][outputs]") {
  CHECK(app::choose_output(ask("pdf")) == OutputKind::pdf);
  CHECK(app::choose_output(ask("pdf", "haru")) == OutputKind::pdf_haru);
  CHECK(app::choose_output(ask("pdf", {}, false, true)) == OutputKind::pdf_haru);
  CHECK(app::choose_output(ask("pdf", {}, true)) == OutputKind::pdfa);
  CHECK(app::choose_output(ask("pdf", "haru", true)) == OutputKind::pdfa);
  CHECK(app::choose_output(ask("png", {}, false, false, true)) == OutputKind::png);
  CHECK(app::choose_output(ask("svg", "cairo")) == OutputKind::svg);
}

TEST_CASE("an option the kind does not take is refused by the table", "[app][outputs]") {
  CHECK(refusal(ask("tiff")) == "--format tiff: choose pdf, png, svg or docx");
  CHECK(refusal(ask("pdf", "skia")) == "--backend skia: choose cairo or haru");
  CHECK(refusal(ask("pdf", {}, true, true)) ==
        "--pdfa cannot be combined with a password: PDF/A forbids encryption");
  CHECK(refusal(ask("pdf", "cairo", true)) ==
        "--backend cairo cannot write PDF/A: use --backend haru");
  CHECK(refusal(ask("pdf", "cairo", false, true)) ==
        "--backend cairo cannot write encrypted files: use --backend haru");
  CHECK(refusal(ask("png", {}, true)) ==
        "--format png writes page previews: --pdfa and passwords apply to a PDF only");
  CHECK(refusal(ask("svg", "haru")) == "--format svg is drawn by Cairo: leave out --backend haru");
  CHECK(refusal(ask("pdf", {}, false, false, true)) ==
        "--dpi sets the pixels per inch of --format png; PDF is drawn in points and takes none");
  CHECK(refusal(ask("svg", {}, false, false, true)).starts_with("--dpi sets"));
}

TEST_CASE("the target comes from -o, the input's name or a page pattern", "[app][outputs]") {
  app::BuildOptions o;
  o.input = "dir/r.yaml";
  CHECK(app::output_target(app::output_spec(OutputKind::pdf), o) == "dir/r.pdf");
  CHECK(app::output_target(app::output_spec(OutputKind::png), o) == "dir/r-{p}.png");
  o.output = "out/x.pdf";
  CHECK(app::output_target(app::output_spec(OutputKind::pdfa), o) == "out/x.pdf");
  CHECK(app::output_target(app::output_spec(OutputKind::svg), o) == "out/x-{p}.svg");
  o.output = "-";
  CHECK(app::output_target(app::output_spec(OutputKind::svg), o) == "-");
  o.input = "-";
  o.output.clear();
  CHECK_THROWS_AS(app::output_target(app::output_spec(OutputKind::pdf), o), core::InputError);
}

TEST_CASE("names are checked against the kind's extension and standard output", "[app][outputs]") {
  app::BuildOptions o;
  o.input = "r.yaml";
  auto check = [&](OutputKind kind, std::string output) {
    o.output = std::move(output);
    try {
      app::check_output_name(app::output_spec(kind), o);
    } catch (const app::UsageError& e) {
      return std::string(e.what());
    }
    return std::string();
  };
  CHECK(check(OutputKind::pdf, "r.pdf").empty());
  CHECK(check(OutputKind::pdfa, "R.PDF").empty());
  CHECK(check(OutputKind::pdf, "r.yaml") ==
        "-o r.yaml: a PDF's name should end in .pdf; nothing written (give --force to use this "
        "name anyway)");
  CHECK(check(OutputKind::png, "p{p}.svg").starts_with("-o p{p}.svg: a page file's name"));
  CHECK(check(OutputKind::png, "p.pdf").empty()); // only its stem is used: p-01.png
  CHECK(check(OutputKind::pdf, "-").empty());
  CHECK(check(OutputKind::svg, "-").empty());
  CHECK(check(OutputKind::png, "-").starts_with("--format png writes one file per page"));
  o.force = true;
  CHECK(check(OutputKind::pdf, "r.docx").empty());
}
