#include "style/style.hpp"

namespace baocao::style {

std::vector<std::pair<std::string, const TextStyle*>> all_text_styles(const Style& s) {
  const auto& m = s.masthead;
  const auto& g = s.signature;
  return {{"page_number.text", &s.page_number.text},
          {"header.text", &s.header.text},
          {"footer.text", &s.footer.text},
          {"contents.title_text", &s.contents.title_text},
          {"contents.level1_text", &s.contents.entry_text[0]},
          {"contents.level2_text", &s.contents.entry_text[1]},
          {"contents.level3_text", &s.contents.entry_text[2]},
          {"appendix.label_text", &s.appendix.label_text},
          {"appendix.title_text", &s.appendix.title_text},
          {"appendix.subtitle_text", &s.appendix.subtitle_text},
          {"body", &s.body},
          {"sub_label_text", &s.sub_label_text},
          {"headings[0].text", &s.headings[0].text},
          {"headings[1].text", &s.headings[1].text},
          {"headings[2].text", &s.headings[2].text},
          {"table.cell", &s.table.cell},
          {"table.header", &s.table.header},
          {"table.caption", &s.table.caption},
          {"masthead.motto_text", &m.motto_text},
          {"masthead.motto_sub_text", &m.motto_sub_text},
          {"masthead.parent_text", &m.parent_text},
          {"masthead.issuer_text", &m.issuer_text},
          {"masthead.addressee_text", &m.addressee_text},
          {"masthead.number_text", &m.number_text},
          {"masthead.date_text", &m.date_text},
          {"masthead.kind_text", &m.kind_text},
          {"masthead.title_text", &m.title_text},
          {"masthead.subtitle_text", &m.subtitle_text},
          {"signature.on_behalf_text", &g.on_behalf_text},
          {"signature.delegation_text", &g.delegation_text},
          {"signature.role_text", &g.role_text},
          {"signature.name_text", &g.name_text},
          {"signature.recipients_label_text", &g.recipients_label_text},
          {"signature.recipients_text", &g.recipients_text},
          {"signature.source_text", &g.source_text},
          {"chart.label_text", &s.chart.label_text},
          {"chart.value_text", &s.chart.value_text},
          {"chart.legend_text", &s.chart.legend_text},
          {"image.caption_text", &s.image.caption_text},
          {"key_figures.value_text", &s.key_figures.value_text},
          {"key_figures.unit_text", &s.key_figures.unit_text},
          {"key_figures.label_text", &s.key_figures.label_text},
          {"key_figures.note_text", &s.key_figures.note_text},
          {"marks.urgency_text", &s.marks.urgency_text},
          {"marks.circulation_text", &s.marks.circulation_text},
          {"marks.draft_text", &s.marks.draft_text},
          {"marks.watermark_text", &s.marks.watermark_text}};
}

void share_justify(Style& s) {
  // The styles are s's own, not const: the list is shared with read-only checks.
  for (auto& named : all_text_styles(s)) const_cast<TextStyle*>(named.second)->justify = s.justify;
}

} // namespace baocao::style
