#include "layout/document.hpp"

#include "layout/compose.hpp"
#include "layout/marks.hpp"
#include "layout/paginator.hpp"

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

void lay_out(const model::Report& report, const style::Style& style, const text::FontSystem& fonts,
             display::Sink& sink, const LayoutOptions& options) {
  sink.begin(document_info(report));
  const auto& d = report.document;
  DraftMarks draft(report.draft, style, fonts);
  Paginator paginator(style, fonts, sink,
                      FooterFields{d.issuer, d.kind, d.title, std::to_string(d.date.year)}, &draft);
  ElementList elements = compose(report, style, paginator.context().width, options);
  paginator.run(elements);
  draft.check_pages(); // before end(): the files written so far are left uncommitted
  sink.end();
}

} // namespace baocao::layout
