#include "text/justified.hpp"

#include <algorithm>
#include <cmath>

#include "text/glyph_runs.hpp"
#include "text/total_fit.hpp"

namespace baocao::text {
namespace {

constexpr double kScale = PANGO_SCALE;
constexpr double kNoSpaceBreak = 50; // after '-' or '/': allowed, not liked
constexpr double kAvoided = 3000;    // inside a document number: only to save a line past max_space

/// The paragraph on one line, measured by byte: where each cluster starts.
struct Measured {
  std::vector<size_t> char_byte; ///< byte offset of each character, and the end
  std::vector<double> x;         ///< advance before each byte that starts a cluster
  std::vector<bool> cluster_start;
  std::vector<bool> white_byte; ///< a space character starts at this byte
};

bool inside(const std::vector<ByteRange>& keep, size_t byte) {
  return std::any_of(keep.begin(), keep.end(),
                     [byte](const ByteRange& r) { return r.begin < byte && byte < r.end; });
}

} // namespace

std::optional<ShapedParagraph> break_justified(PangoLayout* layout, const ParagraphSpec& spec,
                                               const std::vector<ByteRange>& bound,
                                               const std::vector<ByteRange>& avoided) {
  if (pango_layout_get_line_count(layout) != 1) return std::nullopt;
  PangoLayoutLine* line = pango_layout_get_line_readonly(layout, 0);
  const char* chars = pango_layout_get_text(layout);
  const size_t bytes = std::char_traits<char>::length(chars);
  int n_attrs = 0;
  const PangoLogAttr* attrs = pango_layout_get_log_attrs_readonly(layout, &n_attrs);
  if (n_attrs < 1) return std::nullopt;
  const size_t n_chars = static_cast<size_t>(n_attrs) - 1;

  Measured m;
  m.char_byte.reserve(n_chars + 1);
  for (const char* p = chars; static_cast<size_t>(p - chars) < bytes; p = g_utf8_next_char(p))
    m.char_byte.push_back(static_cast<size_t>(p - chars));
  m.char_byte.push_back(bytes);
  if (m.char_byte.size() != n_chars + 1) return std::nullopt;
  m.x.assign(bytes + 1, 0);
  m.cluster_start.assign(bytes + 1, false);
  m.white_byte.assign(bytes + 1, false);
  double pen = 0;
  for (GSList* r = line->runs; r; r = r->next) {
    const auto* run = static_cast<const PangoGlyphItem*>(r->data);
    if (run->item->analysis.level % 2 != 0) return std::nullopt; // right to left
    const PangoGlyphString* g = run->glyphs;
    for (int i = 0; i < g->num_glyphs; ++i) {
      auto b = static_cast<size_t>(run->item->offset + g->log_clusters[i]);
      if (i == 0 || g->log_clusters[i] != g->log_clusters[i - 1]) {
        m.x[b] = pen;
        m.cluster_start[b] = true;
      }
      pen += g->glyphs[i].geometry.width / kScale;
    }
  }
  m.x[bytes] = pen;
  m.cluster_start[bytes] = true;
  for (size_t c = 0; c < n_chars; ++c) m.white_byte[m.char_byte[c]] = attrs[c].is_white;

  // Running totals of space width and count, by character.
  std::vector<double> space_width(n_chars + 1, 0);
  std::vector<int> space_count(n_chars + 1, 0);
  for (size_t c = 0; c < n_chars; ++c) {
    size_t b = m.char_byte[c], next = m.char_byte[c + 1];
    bool measurable = attrs[c].is_white && m.cluster_start[b] && m.cluster_start[next];
    space_width[c + 1] = space_width[c] + (measurable ? m.x[next] - m.x[b] : 0);
    space_count[c + 1] = space_count[c] + (measurable ? 1 : 0);
  }
  auto option_at = [&](size_t start_char, size_t end_char, double penalty) {
    size_t s = m.char_byte[start_char], e = m.char_byte[end_char];
    return BreakOption{m.x[e],
                       m.x[s],
                       space_width[end_char],
                       space_width[start_char],
                       space_count[end_char],
                       space_count[start_char],
                       penalty};
  };
  // Each option: the character a line would end before and the next start at.
  std::vector<BreakOption> options;
  std::vector<std::pair<size_t, size_t>> at; // (end char, start char)
  options.push_back(option_at(0, 0, 0));
  at.emplace_back(0, 0);
  for (size_t c = 1; c < n_chars; ++c) {
    if (!attrs[c].is_line_break || !m.cluster_start[m.char_byte[c]] ||
        inside(bound, m.char_byte[c]))
      continue;
    size_t e = c;
    while (e > 0 && attrs[e - 1].is_white) --e;
    if (e == 0 || !m.cluster_start[m.char_byte[e]]) continue;
    double penalty = inside(avoided, m.char_byte[c]) ? kAvoided : e == c ? kNoSpaceBreak : 0;
    options.push_back(option_at(c, e, penalty));
    at.emplace_back(e, c);
  }
  size_t e = n_chars;
  while (e > 0 && attrs[e - 1].is_white) --e;
  options.push_back(option_at(n_chars, e, 0));
  at.emplace_back(e, n_chars);

  const double measure = std::floor(spec.width * kScale) / kScale;
  const double indent = spec.first_line_indent;
  TotalFitParams params;
  params.first_width = measure - std::max(indent, 0.0);
  params.width = measure - std::max(-indent, 0.0);
  params.stretch = spec.justify.stretch;
  params.shrink = spec.justify.shrink;
  params.max_space = spec.justify.max_space;
  if (spec.break_words) {
    for (size_t k = 1; k < options.size(); ++k) {
      if (options[k].end_x - options[k - 1].start_x > std::min(params.first_width, params.width))
        return std::nullopt; // a word must break between letters: Pango does it
    }
  }

  ShapedParagraph out;
  for (const BrokenLine& bl : break_total_fit(options, params)) {
    size_t begin = m.char_byte[at[bl.from].second], end = m.char_byte[at[bl.to].first];
    double extra = bl.ratio > 0 ? bl.ratio * params.stretch : bl.ratio * params.shrink;
    Line l;
    l.x = bl.from == 0 ? std::max(indent, 0.0) : std::max(-indent, 0.0);
    double x = l.x;
    for (GSList* r = line->runs; r; r = r->next) {
      const auto* run = static_cast<const PangoGlyphItem*>(r->data);
      PangoGlyphString* g = run->glyphs;
      auto offset = static_cast<size_t>(run->item->offset);
      RunSlice slice{g->num_glyphs, g->num_glyphs, extra, &m.white_byte};
      for (int i = 0; i < g->num_glyphs; ++i) {
        size_t b = offset + static_cast<size_t>(g->log_clusters[i]);
        if (b >= begin && b < end) {
          slice.first = std::min(slice.first, i);
          slice.end = i + 1;
        }
      }
      if (slice.first >= slice.end) continue;
      // The slice ends at a cluster's end: take the rest of its glyphs.
      while (slice.end < g->num_glyphs &&
             g->log_clusters[slice.end] == g->log_clusters[slice.end - 1])
        ++slice.end;
      PangoRectangle logical;
      pango_glyph_string_extents_range(g, slice.first, slice.end, run->item->analysis.font, nullptr,
                                       &logical);
      l.ascent = std::max(l.ascent, -logical.y / kScale);
      l.descent = std::max(l.descent, (logical.y + logical.height) / kScale);
      display::GlyphRun gr = convert_run(run, chars, x, spec.color, slice);
      x = gr.x_end;
      l.runs.push_back(std::move(gr));
    }
    for (auto& gr : l.runs) {
      gr.ascent = l.ascent;
      gr.descent = l.descent;
    }
    l.width = x - l.x;
    out.max_line_width = std::max(out.max_line_width, l.x + l.width);
    out.lines.push_back(std::move(l));
  }
  return out;
}

} // namespace baocao::text
