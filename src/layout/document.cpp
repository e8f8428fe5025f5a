#include "layout/document.hpp"

#include "layout/compose.hpp"
#include "layout/flow.hpp"

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

/// When the elements after `i` form a chain (each kept with the next) that
/// ends in one needing company, the height that chain takes, plus the gap
/// before it: element i must leave lines of its own to go with it.
double company_needed_after(const ElementList& elements, size_t i, Flow& flow) {
  if (elements[i]->keep_with_next()) return 0;
  double need = elements[i]->space_after();
  for (size_t j = i + 1; j < elements.size(); ++j) {
    const auto& e = elements[j];
    need += e->space_before() + e->first_piece(flow);
    if (e->needs_company()) return need;
    if (!e->keep_with_next()) return 0;
    need += e->space_after();
  }
  return 0;
}

} // namespace

void lay_out(const model::Report& report, const style::Style& style, const text::FontSystem& fonts,
             display::Sink& sink) {
  sink.begin(document_info(report));
  const auto& d = report.document;
  Flow flow(style, fonts, sink,
            FooterFields{d.issuer, d.kind, d.title, std::to_string(d.date.year)});
  ElementList elements = compose(report, style, flow.width());
  for (size_t i = 0; i < elements.size(); ++i) {
    Element& e = *elements[i];
    flow.space(e.space_before());
    if (e.keep_with_next() && !flow.at_page_top()) {
      // The element, every following one it keeps with, and the first piece of
      // the one after them must share this page.
      double need = 0;
      for (size_t j = i;; ++j) {
        Element& cur = *elements[j];
        need += cur.first_piece(flow);
        if (!cur.keep_with_next() || j + 1 == elements.size()) break;
        need += cur.space_after() + elements[j + 1]->space_before();
      }
      if (need > flow.room()) flow.next_page();
    }
    e.place(flow, company_needed_after(elements, i, flow));
    flow.space(e.space_after());
  }
  flow.finish();
  sink.end();
}

} // namespace baocao::layout
