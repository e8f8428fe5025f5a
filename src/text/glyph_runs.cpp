#include "text/glyph_runs.hpp"

#include <string>

#include <pango/pangofc-font.h>

namespace baocao::text {
namespace {

constexpr double kScale = PANGO_SCALE;

struct FontFace {
  std::string file;
  int index = 0;
  double size = 0;
};

FontFace face_of(PangoFont* font) {
  FontFace f;
  if (!PANGO_IS_FC_FONT(font)) return f;
  FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
  FcChar8* file = nullptr;
  if (FcPatternGetString(pattern, FC_FILE, 0, &file) == FcResultMatch) {
    f.file = reinterpret_cast<const char*>(file);
  }
  FcPatternGetInteger(pattern, FC_INDEX, 0, &f.index);
  FcPatternGetDouble(pattern, FC_PIXEL_SIZE, 0, &f.size);
  return f;
}

} // namespace

display::GlyphRun convert_run(const PangoGlyphItem* run, const char* text, double x,
                              const core::Color& color, const RunSlice& slice) {
  const PangoItem* item = run->item;
  const PangoGlyphString* glyphs = run->glyphs;
  FontFace face = face_of(item->analysis.font);
  display::GlyphRun out;
  out.font_file = face.file;
  out.face_index = face.index;
  out.size = face.size;
  out.color = color;
  const int end = slice.end < 0 ? glyphs->num_glyphs : slice.end;
  if (slice.first >= end) {
    out.x_end = x;
    return out;
  }
  const int text_begin = glyphs->log_clusters[slice.first];
  const int text_end = end < glyphs->num_glyphs ? glyphs->log_clusters[end] : item->length;
  out.text.assign(text + item->offset + text_begin, static_cast<size_t>(text_end - text_begin));
  out.glyphs.reserve(static_cast<size_t>(end - slice.first));
  double pen = x;
  int i = slice.first;
  while (i < end) {
    // A cluster: consecutive glyphs that share a log_cluster (LTR text).
    int start = glyphs->log_clusters[i];
    bool stretches = slice.space_extra != 0 && slice.white &&
                     (*slice.white)[static_cast<size_t>(item->offset + start)];
    int j = i;
    uint32_t drawn = 0;
    while (j < end && glyphs->log_clusters[j] == start) {
      const PangoGlyphInfo& g = glyphs->glyphs[j];
      if (g.glyph != PANGO_GLYPH_EMPTY) {
        uint32_t id = (g.glyph & PANGO_GLYPH_UNKNOWN_FLAG) ? 0 : g.glyph;
        out.glyphs.push_back(
            {id, pen + g.geometry.x_offset / kScale, g.geometry.y_offset / kScale});
        ++drawn;
      }
      double width = g.geometry.width / kScale;
      pen += stretches ? width * (1 + slice.space_extra) : width;
      ++j;
    }
    int next = j < glyphs->num_glyphs ? glyphs->log_clusters[j] : item->length;
    out.clusters.push_back({static_cast<uint32_t>(next - start), drawn});
    i = j;
  }
  out.x_end = pen;
  return out;
}

} // namespace baocao::text
