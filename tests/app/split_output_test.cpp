// --split-appendices (issue 16): the report's pages to the named PDF, each
// appendix to a file beside it. Layout does not make appendices yet, so the
// splitting is driven with hand-made pages (support/page_samples).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>

#include "app/build.hpp"
#include "app/outputs.hpp"
#include "app/read_files.hpp"
#include "app/split_output.hpp"
#include "core/error.hpp"
#include "render/cairo/cairo_painter.hpp"
#include "support/page_samples.hpp"
#include "support/pdf_links.hpp"
#include "support/pdf_reader.hpp"
#include "support/pipeline.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> files_in(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

void feed(display::Sink& sink, std::vector<display::Page> pages) {
  sink.begin(test::sample_info());
  for (auto& p : pages) sink.page(std::move(p));
  sink.end();
}

/// A painter that writes a file without the end a whole PDF has.
class BrokenPainter : public display::Sink {
public:
  explicit BrokenPainter(fs::path file) : file_(std::move(file)) {}
  void begin(const display::DocumentInfo&) override {}
  void page(display::Page&&) override {}
  void end() override { std::ofstream(file_) << "%PDF-1.5\ncut short"; }

private:
  fs::path file_;
};

std::string minimal_report() {
  return "schema: 1\ndocument:\n  kind: BÁO CÁO\n  place: Phú Thọ\n  date: 2015-08-11\n"
         "  title: Tổng kết nhiệm kỳ\n  issuer: Đảng ủy Khối các cơ quan tỉnh\n"
         "term: {from: 2010, to: 2015}\nsections:\n  - title: Kết quả\n    body:\n"
         "      - \"Đảng bộ có 3.677 đảng viên.\"\n";
}

/// A build writing this kind of PDF with --split-appendices.
app::BuildOptions split_options(app::OutputKind kind) {
  app::BuildOptions options;
  options.kind = kind;
  options.haru.pdfa = kind == app::OutputKind::pdfa;
  options.split_appendices = true;
  return options;
}

} // namespace

TEST_CASE("an appendix's file is named beside the report's, numbered in Roman", "[app][split]") {
  CHECK(app::appendix_file("out/report.pdf", 0) == fs::path("out/report.pdf"));
  CHECK(app::appendix_file("out/report.pdf", 1) == fs::path("out/report-phu-luc-I.pdf"));
  CHECK(app::appendix_file("out/report.pdf", 4) == fs::path("out/report-phu-luc-IV.pdf"));
  CHECK(app::appendix_file("r.pdf", 12) == fs::path("r-phu-luc-XII.pdf"));
}

TEST_CASE("the split sink numbers each part from 1, keeps its links and drops links across",
          "[app][split]") {
  std::map<int, display::CollectingSink> parts;
  std::vector<int> closed;
  app::SplitSink split([&](int part) -> display::Sink& { return parts[part]; },
                       [&](int part) { closed.push_back(part); });
  feed(split, test::sample_pages());
  REQUIRE(parts.size() == 2);
  CHECK(closed == std::vector<int>{0, 1});
  const auto& report = parts[0].pages();
  const auto& appendix = parts[1].pages();
  REQUIRE(report.size() == 2);
  REQUIRE(appendix.size() == 2);
  CHECK(report[0].number == 1);
  CHECK(report[1].number == 2);
  CHECK(appendix[0].number == 1);
  CHECK(appendix[1].number == 2);
  CHECK(appendix[0].label.prefix == "PL I-"); // labels are what the pages print
  CHECK(appendix[0].label.number == 1);
  CHECK(parts[1].info().title == test::sample_info().title);

  auto links = [](const display::Page& p) {
    std::vector<display::Link> out;
    for (const auto& item : p.items)
      if (auto* l = std::get_if<display::Link>(&item)) out.push_back(*l);
    return out;
  };
  // Page 1's link to page 3 (appendix I's file) is gone; its link to page 2 stays.
  auto first = links(report[0]);
  REQUIRE(first.size() == 1);
  CHECK(first[0].page == 2);
  // Page 4's link to page 3 is now page 2's link to page 1 of the appendix's file.
  auto last = links(appendix[1]);
  REQUIRE(last.size() == 1);
  CHECK(last[0].page == 1);
  CHECK(last[0].y == 200);
}

TEST_CASE("the split sink refuses parts out of order and an appendix before the report",
          "[app][split]") {
  std::map<int, display::CollectingSink> parts;
  app::SplitSink split([&](int part) -> display::Sink& { return parts[part]; }, [](int) {});
  split.begin(test::sample_info());
  auto pages = test::sample_pages();
  SECTION("back to the report after an appendix") {
    split.page(std::move(pages[0]));
    split.page(std::move(pages[2]));
    CHECK_THROWS_AS(split.page(std::move(pages[1])), core::RuntimeError);
  }
  SECTION("an appendix first") {
    CHECK_THROWS_WITH(split.page(std::move(pages[2])), Catch::Contains("come first"));
  }
}

TEST_CASE("the split sink opens the report's file for a document without pages", "[app][split]") {
  std::map<int, display::CollectingSink> parts;
  app::SplitSink split([&](int part) -> display::Sink& { return parts[part]; }, [](int) {});
  split.begin(test::sample_info());
  split.end();
  CHECK(parts.size() == 1);
  CHECK(parts.count(0) == 1);
}

TEST_CASE("split appendices: a PDF per part with its own numbers, labels, bookmarks "
          "and links",
          "[app][split]") {
  auto kind = GENERATE(app::OutputKind::pdf, app::OutputKind::pdf_haru, app::OutputKind::pdfa);
  INFO(static_cast<int>(kind));
  test::TempDir dir;
  app::BuildOptions options = split_options(kind);
  app::ReadFiles reads;
  const auto& spec = app::output_spec(kind);
  {
    auto output = spec.make(options, (dir / "report.pdf").string(), reads);
    feed(*output, test::sample_pages());
    output->commit();
    CHECK(output->written() ==
          fs::path((dir / "report.pdf").string() + " and report-phu-luc-I.pdf"));
  }
  // Nothing else left beside them: the temporaries were renamed.
  CHECK(files_in(dir.path()) == std::vector<std::string>{"report-phu-luc-I.pdf", "report.pdf"});

  auto report = test::read_pdf(dir / "report.pdf");
  auto appendix = test::read_pdf(dir / "report-phu-luc-I.pdf");
  CHECK(report.pages == 2);
  CHECK(appendix.pages == 2);
  CHECK(report.title == test::sample_info().title);
  CHECK(appendix.title == test::sample_info().title);
  CHECK(report.outline == std::vector<std::string>{"MỤC LỤC", "Bảng tổng hợp"});
  CHECK(appendix.outline == std::vector<std::string>{"PHỤ LỤC I"});
  CHECK(test::page_labels(dir / "report.pdf") == std::vector<std::string>{"1", "2"});
  CHECK(test::page_labels(dir / "report-phu-luc-I.pdf") ==
        std::vector<std::string>{"PL I-1", "PL I-2"});
  auto boxes = test::page_boxes(dir / "report.pdf");
  REQUIRE(boxes.size() == 2);
  CHECK(boxes[1].width > boxes[1].height); // the landscape page stays landscape

  auto report_links = test::internal_links(dir / "report.pdf");
  REQUIRE(report_links.size() == 1); // the link into the appendix's file is left out
  CHECK(report_links[0].to == 2);
  auto appendix_links = test::internal_links(dir / "report-phu-luc-I.pdf");
  REQUIRE(appendix_links.size() == 2); // page 3's to itself and page 4's back to it
  CHECK(appendix_links[0].from == 1);
  CHECK(appendix_links[0].to == 1);
  CHECK(appendix_links[1].from == 2);
  CHECK(appendix_links[1].to == 1);
}

TEST_CASE("split appendices: renames nothing when one part's file is not whole", "[app][split]") {
  test::TempDir dir;
  test::write_file(dir / "report.pdf", "the earlier build");
  app::ReadFiles reads;
  {
    auto output = app::make_split_output(
        app::output_spec(app::OutputKind::pdf), (dir / "report.pdf").string(), reads,
        [](const fs::path& temp) -> std::unique_ptr<display::Sink> {
          if (temp.filename().string().find("phu-luc") != std::string::npos)
            return std::make_unique<BrokenPainter>(temp);
          return std::make_unique<render::cairo::CairoPdfSink>(temp); // part 0 is whole
        });
    feed(*output, test::sample_pages());
    CHECK_THROWS_AS(output->commit(), core::RuntimeError);
  }
  // The earlier report is as it was, and no temporary is left.
  CHECK(files_in(dir.path()) == std::vector<std::string>{"report.pdf"});
  CHECK(test::read_file(dir / "report.pdf") == "the earlier build");
}

TEST_CASE("split appendices: leaves nothing when a painter fails halfway", "[app][split]") {
  test::TempDir dir;
  app::ReadFiles reads;
  {
    auto output = app::make_split_output(
        app::output_spec(app::OutputKind::pdf), (dir / "report.pdf").string(), reads,
        [](const fs::path& temp) -> std::unique_ptr<display::Sink> {
          if (temp.filename().string().find("phu-luc") != std::string::npos)
            throw core::RuntimeError("cannot write the appendix");
          return std::make_unique<display::CollectingSink>();
        });
    output->begin(test::sample_info());
    auto pages = test::sample_pages();
    output->page(std::move(pages[0]));
    CHECK_THROWS_AS(output->page(std::move(pages[2])), core::RuntimeError);
  }
  CHECK(files_in(dir.path()).empty());
}

TEST_CASE("split appendices: refused where it cannot apply, one file without appendices",
          "[app][split]") {
  test::TempDir dir;
  test::write_file(dir / "r.yaml", minimal_report());
  auto r = test::q(dir / "r.yaml");
  SECTION("standard output") {
    auto res = test::run_baocao("build " + r + " --split-appendices -o -");
    CHECK(res.status == 2);
    CHECK(res.output.find("standard output") != std::string::npos);
  }
  SECTION("page previews") {
    auto res = test::run_baocao("build " + r + " --split-appendices --format png");
    CHECK(res.status == 2);
    CHECK(res.output.find("--split-appendices applies to a PDF only") != std::string::npos);
  }
  SECTION("signing") {
    auto res = test::run_baocao("build " + r + " --split-appendices --sign-ready");
    CHECK(res.status == 2);
    CHECK(res.output.find("baocao sign") != std::string::npos);
  }
  SECTION("a batch") {
    auto res =
        test::run_baocao("build " + r + " --split-appendices --out-dir " + test::q(dir / "out"));
    CHECK(res.status == 2);
    CHECK(res.output.find("single input") != std::string::npos);
  }
  SECTION("a report without appendices") {
    auto res = test::run_baocao("build " + r + " --split-appendices -o " + test::q(dir / "o.pdf"));
    INFO(res.output);
    CHECK(res.status == 0);
    CHECK(test::read_pdf(dir / "o.pdf").pages == 1);
  }
  // Nothing but what the section wrote: no appendix file, no temporary.
  for (const auto& name : files_in(dir.path())) CHECK((name == "r.yaml" || name == "o.pdf"));
}

TEST_CASE("split appendices on laid-out pages: each file's text and fonts its own",
          "[app][split]") {
  // The example report laid out, its last three pages made appendix I and
  // its last one appendix II (as layout will mark them).
  auto laid = test::lay_out_yaml(test::read_file(test::example_path()), "example.yaml");
  std::vector<display::Page> pages = laid->sink.pages();
  REQUIRE(pages.size() >= 6);
  size_t n = pages.size();
  for (size_t i = n - 3; i < n; ++i) pages[i].part = i + 1 == n ? 2 : 1;
  std::vector<std::string> texts;
  for (const auto& p : pages) texts.push_back(test::squash(test::page_text(p)));

  auto kind = GENERATE(app::OutputKind::pdf, app::OutputKind::pdfa);
  INFO(static_cast<int>(kind));
  test::TempDir dir;
  app::BuildOptions options = split_options(kind);
  app::ReadFiles reads;
  {
    auto output = app::output_spec(kind).make(options, (dir / "r.pdf").string(), reads);
    feed(*output, pages);
    output->commit();
  }
  CHECK(files_in(dir.path()) ==
        std::vector<std::string>{"r-phu-luc-I.pdf", "r-phu-luc-II.pdf", "r.pdf"});
  auto report = test::read_pdf(dir / "r.pdf");
  auto first = test::read_pdf(dir / "r-phu-luc-I.pdf");
  auto second = test::read_pdf(dir / "r-phu-luc-II.pdf");
  REQUIRE(report.pages == static_cast<int>(n) - 3);
  REQUIRE(first.pages == 2);
  REQUIRE(second.pages == 1);
  // Each page's words extract from its own file (fonts embedded in each).
  auto words = [](const std::string& text) {
    return text.substr(0, std::min<size_t>(60, text.size()));
  };
  // (page 2: page 1's masthead columns extract in another order than they were laid out)
  CHECK(test::squash(report.page_text[1]).find(words(texts[1])) != std::string::npos);
  CHECK(test::squash(first.page_text[0]).find(words(texts[n - 3])) != std::string::npos);
  CHECK(test::squash(second.page_text[0]).find(words(texts[n - 1])) != std::string::npos);
  for (const auto* f : {&report, &first, &second})
    for (const auto& font : f->fonts) CHECK(font.embedded);
}
