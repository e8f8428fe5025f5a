// The floor baocao is measured against: the same text, font and measure,
// shaped, broken (Pango's own greedy breaking) and written to PDF by bare
// Pango and Cairo, with no model, templates, tables or checks.
//   bench_floor TEXT.txt OUT.pdf FONTS_DIR [FAMILY] [SIZE]
// Each line of TEXT.txt is a paragraph (pdftotext -raw of baocao's output).
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include <cairo-pdf.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

namespace {

template <class T, void (*F)(T*)> struct Free {
  void operator()(T* p) const { F(p); }
};
template <class T, void (*F)(T*)> using Own = std::unique_ptr<T, Free<T, F>>;
template <class T> struct GFree {
  void operator()(T* p) const { g_object_unref(p); }
};
template <class T> using GOwn = std::unique_ptr<T, GFree<T>>;

constexpr double kPt = 72.0 / 25.4; // points per mm

} // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: bench_floor TEXT.txt OUT.pdf FONTS_DIR [FAMILY] [SIZE]\n");
    return 2;
  }
  const std::string family = argc > 4 ? argv[4] : "Liberation Serif";
  const double size = argc > 5 ? std::stod(argv[5]) : 14;
  Own<FcConfig, FcConfigDestroy> config(FcConfigCreate());
  FcConfigAppFontAddDir(config.get(), reinterpret_cast<const FcChar8*>(argv[3]));
  GOwn<PangoFontMap> map(pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map.get()), config.get());
  const double width = 210 * kPt, height = 297 * kPt, left = 30 * kPt, right = 15 * kPt,
               top = 20 * kPt, bottom = 20 * kPt;
  Own<cairo_surface_t, cairo_surface_destroy> surface(
      cairo_pdf_surface_create(argv[2], width, height));
  Own<cairo_t, cairo_destroy> cr(cairo_create(surface.get()));
  GOwn<PangoContext> context(pango_font_map_create_context(map.get()));
  Own<PangoFontDescription, pango_font_description_free> desc(pango_font_description_new());
  pango_font_description_set_family(desc.get(), family.c_str());
  pango_font_description_set_absolute_size(desc.get(), size * PANGO_SCALE);
  std::ifstream in(argv[1]);
  std::string line;
  double y = top;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    GOwn<PangoLayout> layout(pango_layout_new(context.get()));
    pango_layout_set_font_description(layout.get(), desc.get());
    pango_layout_set_width(layout.get(), static_cast<int>((width - left - right) * PANGO_SCALE));
    pango_layout_set_justify(layout.get(), TRUE);
    pango_layout_set_indent(layout.get(), static_cast<int>(10 * kPt * PANGO_SCALE));
    pango_layout_set_text(layout.get(), line.c_str(), static_cast<int>(line.size()));
    Own<PangoLayoutIter, pango_layout_iter_free> iter(pango_layout_get_iter(layout.get()));
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
      double h = logical.height / double(PANGO_SCALE) * 1.3;
      if (y + h > height - bottom) {
        cairo_show_page(cr.get());
        y = top;
      }
      cairo_move_to(cr.get(), left + logical.x / double(PANGO_SCALE),
                    y + pango_layout_iter_get_baseline(iter.get()) / double(PANGO_SCALE) -
                        logical.y / double(PANGO_SCALE));
      pango_cairo_show_layout_line(cr.get(), pango_layout_iter_get_line_readonly(iter.get()));
      y += h;
    } while (pango_layout_iter_next_line(iter.get()));
    y += 6;
  }
  cairo_show_page(cr.get());
  return 0;
}
