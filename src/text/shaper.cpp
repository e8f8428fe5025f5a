// Paragraph shaping and line breaking with Pango: one PangoLayout per
// paragraph, read back line by line into display glyph runs.
#include "text/shaper.hpp"

#include <algorithm>
#include <cmath>

#include "text/balance.hpp"
#include "text/glyph_runs.hpp"
#include "text/justified.hpp"
#include "text/pango_handles.hpp"
#include "text/unbreakable.hpp"

namespace baocao::text {
namespace {

constexpr double kScale = PANGO_SCALE;

PangoAlignment to_pango(style::TextAlign a) {
  switch (a) {
  case style::TextAlign::center:
    return PANGO_ALIGN_CENTER;
  case style::TextAlign::right:
    return PANGO_ALIGN_RIGHT;
  default:
    return PANGO_ALIGN_LEFT;
  }
}

/// "Own, Fallback 1, Fallback 2": Pango tries a family list in order for
/// each character, so the template's chain decides where a missing one comes from.
std::string family_list(const std::string& own, const std::vector<std::string>& fallback) {
  std::string list = own;
  for (const auto& f : fallback) {
    if (f != own) list += ", " + f;
  }
  return list;
}

FontDescPtr describe(const ParagraphSpec& spec, const std::string& families, bool bold,
                     bool italic) {
  FontDescPtr desc(pango_font_description_new());
  pango_font_description_set_family(desc.get(), families.c_str());
  pango_font_description_set_weight(desc.get(), bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(desc.get(), italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_absolute_size(desc.get(), spec.size * kScale);
  return desc;
}

/// Document numbers and abbreviations ("76-QĐ/TƯ", "125-BC/ĐUK", "HĐND/UBND")
/// must not break after their slash, as UAX #14 would allow.
std::vector<ByteRange> slashed_tokens(const std::string& text) {
  std::vector<ByteRange> out;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    auto slash = text.find('/', start);
    // Long tokens (links) keep their break opportunities: better broken than overflowing.
    if (slash != std::string::npos && slash > start && slash + 1 < end && end - start <= 32)
      out.push_back({start, end});
    start = end + 1;
  }
  return out;
}

/// Year ranges, numbers with their units, "Số 05", "… ./.", slashed tokens:
/// one Pango "no break here" attribute each.
void keep_whole(const std::vector<ByteRange>& ranges, PangoAttrList* attrs) {
  for (const auto& r : ranges) {
    PangoAttribute* attr = pango_attr_allow_breaks_new(FALSE);
    attr->start_index = static_cast<guint>(r.begin);
    attr->end_index = static_cast<guint>(r.end);
    pango_attr_list_insert(attrs, attr);
  }
}

/// The bound stretches on lines of the broken layout wider than its width
/// (a year range in a narrow table cell): what must give way.
std::vector<size_t> overflowing(PangoLayout* layout, const std::vector<ByteRange>& keep) {
  std::vector<size_t> out;
  int width = pango_layout_get_width(layout);
  for (GSList* l = pango_layout_get_lines_readonly(layout); l; l = l->next) {
    auto* line = static_cast<PangoLayoutLine*>(l->data);
    PangoRectangle logical;
    pango_layout_line_get_extents(line, nullptr, &logical);
    if (logical.width <= width) continue;
    auto begin = static_cast<size_t>(line->start_index);
    auto end = begin + static_cast<size_t>(line->length);
    for (size_t i = 0; i < keep.size(); ++i)
      if (keep[i].begin < end && keep[i].end > begin) out.push_back(i);
  }
  return out;
}

} // namespace

ShapedParagraph shape_paragraph(PangoContext* context, const ParagraphSpec& spec,
                                const std::vector<std::string>& fallback) {
  const std::string families = family_list(spec.font, fallback);
  GObjectPtr<PangoLayout> layout(pango_layout_new(context));
  std::string text;
  AttrListPtr attrs(pango_attr_list_new());
  FontDescPtr base = describe(spec, families, spec.bold, spec.italic);
  pango_layout_set_font_description(layout.get(), base.get());
  for (const auto& span : spec.spans) {
    auto begin = static_cast<guint>(text.size());
    text += span.text;
    if (span.bold == spec.bold && span.italic == spec.italic) continue;
    FontDescPtr desc = describe(spec, families, span.bold || spec.bold, span.italic || spec.italic);
    PangoAttribute* attr = pango_attr_font_desc_new(desc.get());
    attr->start_index = begin;
    attr->end_index = static_cast<guint>(text.size());
    pango_attr_list_insert(attrs.get(), attr); // the list takes ownership
  }
  // A break inside a word must not add a hyphen the author never wrote.
  pango_attr_list_insert(attrs.get(), pango_attr_insert_hyphens_new(FALSE));
  AttrListPtr breakable(pango_attr_list_copy(attrs.get()));
  const std::vector<ByteRange> bound = unbreakable_ranges(text);
  const std::vector<ByteRange> slashed = slashed_tokens(text);
  pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
  if (spec.width > 0 && spec.align == style::TextAlign::justify) {
    // Shaped once on one line; the breaks of the whole paragraph are ours,
    // and so are the rules of what stays whole.
    pango_layout_set_attributes(layout.get(), breakable.get());
    if (auto broken = break_justified(layout.get(), spec, bound, slashed))
      return std::move(*broken);
  }
  std::vector<ByteRange> keep = slashed;
  keep.insert(keep.end(), bound.begin(), bound.end());
  keep_whole(keep, attrs.get());
  pango_layout_set_attributes(layout.get(), attrs.get());
  if (spec.width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(std::floor(spec.width * kScale)));
    pango_layout_set_wrap(layout.get(), spec.break_words ? PANGO_WRAP_WORD_CHAR : PANGO_WRAP_WORD);
  }
  pango_layout_set_alignment(layout.get(), to_pango(spec.align));
  pango_layout_set_justify(layout.get(), spec.align == style::TextAlign::justify);
  pango_layout_set_indent(layout.get(), static_cast<int>(spec.first_line_indent * kScale));
  // A bound stretch wider than the measure (a year range in a narrow table
  // cell) would run out of it: better broken than overflowing.
  // Each such stretch loses its binding, the others keep theirs.
  while (spec.width > 0 && !keep.empty()) {
    auto wide = overflowing(layout.get(), keep);
    if (wide.empty()) break;
    std::sort(wide.begin(), wide.end());
    wide.erase(std::unique(wide.begin(), wide.end()), wide.end());
    for (auto i = wide.rbegin(); i != wide.rend(); ++i)
      keep.erase(keep.begin() + static_cast<long>(*i));
    AttrListPtr fewer(pango_attr_list_copy(breakable.get()));
    keep_whole(keep, fewer.get());
    pango_layout_set_attributes(layout.get(), fewer.get());
  }
  // Centred text that wraps gets lines of even length, still centred in the
  // full width: Pango centred them in the narrower one.
  double shift = 0;
  if (spec.width > 0) {
    int full = pango_layout_get_width(layout.get());
    shift = (full - balance_lines(layout.get())) / 2.0 / kScale;
  }

  ShapedParagraph out;
  const char* chars = pango_layout_get_text(layout.get());
  LayoutIterPtr iter(pango_layout_get_iter(layout.get()));
  do {
    PangoLayoutLine* line = pango_layout_iter_get_line_readonly(iter.get());
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
    int baseline = pango_layout_iter_get_baseline(iter.get());
    Line l;
    l.ascent = (baseline - logical.y) / kScale;
    l.descent = (logical.y + logical.height - baseline) / kScale;
    l.width = logical.width / kScale;
    l.x = logical.x / kScale + shift;
    double x = l.x;
    for (GSList* r = line->runs; r; r = r->next) {
      auto* run = static_cast<PangoGlyphItem*>(r->data);
      display::GlyphRun g = convert_run(run, chars, x, spec.color);
      g.ascent = l.ascent;
      g.descent = l.descent;
      x = g.x_end;
      if (!g.glyphs.empty() || !g.text.empty()) l.runs.push_back(std::move(g));
    }
    out.max_line_width = std::max(out.max_line_width, l.x + l.width);
    out.lines.push_back(std::move(l));
  } while (pango_layout_iter_next_line(iter.get()));
  return out;
}

} // namespace baocao::text
