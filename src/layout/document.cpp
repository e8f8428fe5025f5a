#include "layout/document.hpp"

#include "layout/compose.hpp"
#include "layout/marks.hpp"
#include "layout/paginator.hpp"

#include <optional>

namespace baocao::layout {

display::DocumentInfo document_info(const model::Report& report) {
  const auto& d = report.document;
  display::DocumentInfo info;
  info.title = d.title.empty() ? d.kind : d.kind + " " + d.title;
  info.author = d.metadata.author.empty() ? d.issuer : d.metadata.author;
  info.subject = d.metadata.subject;
  for (const auto& k : d.metadata.keywords)
    info.keywords += (info.keywords.empty() ? "" : ", ") + k;
  info.year = d.date.year;
  info.month = d.date.month;
  info.day = d.date.day;
  return info;
}

namespace {

/// The first pass's pages: only what the paginator learns from them is kept.
class DropPages : public display::Sink {
public:
  void begin(const display::DocumentInfo&) override {}
  void page(display::Page&&) override {}
  void end() override {}
};

bool counts_pages(const style::Style& s) {
  for (const std::string* p :
       {&s.page_number.pattern, &s.header.left, &s.header.right, &s.footer.left, &s.footer.right})
    if (p->find("{pages}") != std::string::npos) return true;
  return false;
}

} // namespace

bool needs_two_passes(const model::Report& report, const style::Style& style) {
  return report.contents.has_value() || counts_pages(style);
}

PageFacts lay_out(const model::Report& report, const style::Style& style,
                  const text::FontSystem& fonts, display::Sink& sink,
                  const LayoutOptions& options) {
  sink.begin(document_info(report));
  const auto& d = report.document;
  FooterFields fields{d.issuer, d.kind, d.title, std::to_string(d.date.year)};
  // A contents page and "page X of Y" print what only a finished layout
  // knows: a first pass learns it, dropping its pages as they come (memory
  // stays flat), and the second pass prints it. The contents' numbers sit in
  // a column of fixed width, so the second pass breaks every line and page
  // where the first did.
  std::optional<PageFacts> facts;
  if (needs_two_passes(report, style)) {
    DropPages drop;
    Paginator first(style, fonts, drop, fields, nullptr, nullptr);
    ElementList elements = compose(report, style, first.context().width, options);
    first.run(elements);
    facts = first.facts();
  }
  DraftMarks draft(report.draft, style, fonts);
  Paginator paginator(style, fonts, sink, fields, facts ? &*facts : nullptr, &draft);
  ElementList elements =
      compose(report, style, paginator.context().width, options, facts ? &*facts : nullptr);
  paginator.run(elements);
  draft.check_pages(); // before end(): the files written so far are left uncommitted
  sink.end();
  return paginator.facts();
}

} // namespace baocao::layout
