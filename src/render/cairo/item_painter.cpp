#include "render/cairo/item_painter.hpp"

#include <cmath>
#include <map>
#include <mutex>
#include <numbers>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "core/error.hpp"
#include "render/cairo/cairo_handles.hpp"
#include "render/cairo/jpeg_surface.hpp"
#include "render/cairo/svg_drawing.hpp"

namespace baocao::render::cairo {
namespace {

/// FreeType for the painter. Cairo keeps recently used fonts in a process-wide
/// cache past any one document, so the library that their faces belong to
/// must live as long as the process: it is made once and never freed.
FT_Library freetype() {
  static FT_Library library = [] {
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) != 0) throw core::RuntimeError("cannot start FreeType");
    return lib;
  }();
  return library;
}

std::mutex& freetype_mutex() {
  static std::mutex m;
  return m;
}

const cairo_user_data_key_t kFaceKey{};

/// Opens the font file straight with FreeType: going through a fontconfig
/// pattern would make Cairo load the system's fontconfig setup, which costs
/// time and is none of a PDF's business.
FontFacePtr open_face(const std::string& file, int index) {
  FT_Face ft = nullptr;
  {
    std::lock_guard lock(freetype_mutex());
    if (FT_New_Face(freetype(), file.c_str(), index, &ft) != 0) {
      throw core::RuntimeError("cannot open font " + file);
    }
  }
  // Not under our lock: Cairo takes its font-face lock here, and calls the
  // destroy callback below (which takes ours) under that same lock; holding
  // ours across this call orders the two locks both ways, a deadlock that two
  // threads of a batch build hit.
  FontFacePtr face(cairo_ft_font_face_create_for_ft_face(ft, 0));
  // The Cairo face owns the FreeType face from here on.
  auto status = cairo_font_face_set_user_data(face.get(), &kFaceKey, ft, [](void* p) {
    std::lock_guard inner(freetype_mutex());
    FT_Done_Face(static_cast<FT_Face>(p));
  });
  if (status != CAIRO_STATUS_SUCCESS) {
    face.reset();
    std::lock_guard lock(freetype_mutex());
    FT_Done_Face(ft);
    check(status, ("loading font " + file).c_str());
  }
  return face;
}

} // namespace

struct ItemPainter::Impl {
  ContextPtr cr;
  // Font faces by file and face index, made once per document.
  std::map<std::pair<std::string, int>, FontFacePtr> faces;

  cairo_font_face_t* face(const std::string& file, int index) {
    auto key = std::make_pair(file, index);
    auto it = faces.find(key);
    if (it != faces.end()) return it->second.get();
    FontFacePtr f = open_face(file, index);
    return faces.emplace(key, std::move(f)).first->second.get();
  }

  void draw(const display::GlyphRun& run) {
    if (run.glyphs.empty()) return;
    cairo_set_font_face(cr.get(), face(run.font_file, run.face_index));
    cairo_set_font_size(cr.get(), run.size);
    cairo_set_source_rgb(cr.get(), run.color.r, run.color.g, run.color.b);
    std::vector<cairo_glyph_t> glyphs;
    glyphs.reserve(run.glyphs.size());
    for (const auto& g : run.glyphs) glyphs.push_back({g.id, g.x, g.y});
    std::vector<cairo_text_cluster_t> clusters;
    clusters.reserve(run.clusters.size());
    for (const auto& c : run.clusters) {
      if (c.text_bytes == 0 && c.glyph_count == 0) continue;
      clusters.push_back({static_cast<int>(c.text_bytes), static_cast<int>(c.glyph_count)});
    }
    // A turned run (a draft watermark): turned about its pivot, counter-clockwise
    // as seen on the page, which in Cairo's y-down space is a negative angle.
    bool turned = run.angle != 0;
    if (turned) {
      cairo_save(cr.get());
      cairo_translate(cr.get(), run.pivot.x, run.pivot.y);
      cairo_rotate(cr.get(), -run.angle * std::numbers::pi / 180);
      cairo_translate(cr.get(), -run.pivot.x, -run.pivot.y);
    }
    cairo_show_text_glyphs(cr.get(), run.text.data(), static_cast<int>(run.text.size()),
                           glyphs.data(), static_cast<int>(glyphs.size()), clusters.data(),
                           static_cast<int>(clusters.size()),
                           static_cast<cairo_text_cluster_flags_t>(0));
    if (turned) cairo_restore(cr.get());
  }

  // Consecutive rules of one width and colour (a table's grid) are stroked
  // as one path: a stroke per rule costs Cairo's PDF analysis dearly.
  std::optional<display::Rule> pending_rule;

  void flush_rules() {
    if (!pending_rule) return;
    cairo_set_source_rgb(cr.get(), pending_rule->color.r, pending_rule->color.g,
                         pending_rule->color.b);
    cairo_set_line_width(cr.get(), pending_rule->width);
    cairo_stroke(cr.get());
    pending_rule.reset();
  }

  void draw(const display::Rule& rule) {
    if (pending_rule && (pending_rule->width != rule.width || !(pending_rule->color == rule.color)))
      flush_rules();
    cairo_move_to(cr.get(), rule.from.x, rule.from.y);
    cairo_line_to(cr.get(), rule.to.x, rule.to.y);
    pending_rule = rule;
  }

  void draw(const display::Box& box) {
    cairo_rectangle(cr.get(), box.rect.x, box.rect.y, box.rect.width, box.rect.height);
    if (box.fill) {
      cairo_set_source_rgb(cr.get(), box.fill_color.r, box.fill_color.g, box.fill_color.b);
      if (box.stroke)
        cairo_fill_preserve(cr.get());
      else
        cairo_fill(cr.get());
    }
    if (box.stroke) {
      cairo_set_source_rgb(cr.get(), box.stroke_color.r, box.stroke_color.g, box.stroke_color.b);
      cairo_set_line_width(cr.get(), box.stroke_width);
      cairo_stroke(cr.get());
    }
    cairo_new_path(cr.get());
  }

  /// A signature field is the signing step's: nothing is drawn on the page.
  void draw(const display::SignatureField&) {}

  // Internal links. Cairo 1.16 writes a link's annotation when its page
  // ends, and silently drops the destination of a page=N not drawn yet; so a
  // link forward (a contents line) names a destination instead, which the
  // target page defines when it is drawn.
  int current_page = 0;
  std::map<int, std::set<long>> wanted; // page -> y in hundredths of a point

  static long centi(double y) { return std::lround(y * 100); }
  static std::string dest_name(int page, long y) {
    return "p" + std::to_string(page) + "y" + std::to_string(y);
  }

  /// Defines the destinations earlier pages' links named on this page.
  void define_destinations(int page) {
    auto it = wanted.find(page);
    if (it == wanted.end()) return;
    for (long y : it->second) {
      char attrs[96];
      std::snprintf(attrs, sizeof attrs, "name='%s' x=0 y=%f", dest_name(page, y).c_str(),
                    static_cast<double>(y) / 100);
      cairo_tag_begin(cr.get(), CAIRO_TAG_DEST, attrs);
      cairo_tag_end(cr.get(), CAIRO_TAG_DEST);
    }
    wanted.erase(it);
  }

  void draw(const display::Link& link) {
    char rect[128];
    std::snprintf(rect, sizeof rect, "rect=[%f %f %f %f] ", link.area.x, link.area.y,
                  link.area.width, link.area.height);
    std::string attrs = rect;
    if (link.uri.empty() && link.page > current_page) {
      long y = centi(link.y);
      wanted[link.page].insert(y);
      attrs += "dest='" + dest_name(link.page, y) + "'";
    } else if (link.uri.empty()) {
      // A page drawn already (or this one), at its left edge: Cairo takes pos
      // in that page's own y-down space.
      char dest[96];
      std::snprintf(dest, sizeof dest, "page=%d pos=[0 %f]", link.page, link.y);
      attrs += dest;
    } else {
      std::string escaped;
      for (char c : link.uri) {
        if (c == '\'' || c == '\\') escaped += '\\';
        escaped += c;
      }
      attrs += "uri='" + escaped + "'";
    }
    cairo_tag_begin(cr.get(), CAIRO_TAG_LINK, attrs.c_str());
    cairo_tag_end(cr.get(), CAIRO_TAG_LINK);
  }

  // Decoded pictures by file, drawn as often as pages use them.
  std::map<std::string, SurfacePtr> images;

  // Parsed SVG documents by file: drawn as vectors at each use.
  std::map<std::string, RsvgHandlePtr> svgs;

  void draw(const display::Image& image) {
    if (image.format == core::ImageFormat::svg) {
      auto svg = svgs.find(image.file);
      if (svg == svgs.end()) svg = svgs.emplace(image.file, load_svg(image.file)).first;
      draw_svg(svg->second.get(), cr.get(), image.rect.x, image.rect.y, image.rect.width,
               image.rect.height, image.file);
      return;
    }
    auto it = images.find(image.file);
    if (it == images.end()) {
      SurfacePtr surface;
      if (image.format == core::ImageFormat::jpeg) {
        surface = load_jpeg_surface(image.file);
      } else {
        surface.reset(cairo_image_surface_create_from_png(image.file.c_str()));
        check(cairo_surface_status(surface.get()), ("reading " + image.file).c_str());
      }
      it = images.emplace(image.file, std::move(surface)).first;
    }
    cairo_surface_t* png = it->second.get();
    int w = cairo_image_surface_get_width(png), h = cairo_image_surface_get_height(png);
    if (w <= 0 || h <= 0) return;
    cairo_save(cr.get());
    cairo_translate(cr.get(), image.rect.x, image.rect.y);
    cairo_scale(cr.get(), image.rect.width / w, image.rect.height / h);
    cairo_set_source_surface(cr.get(), png, 0, 0);
    cairo_paint(cr.get());
    cairo_restore(cr.get());
  }
};

ItemPainter::ItemPainter() : impl_(std::make_unique<Impl>()) {}
ItemPainter::~ItemPainter() = default;

void ItemPainter::start(cairo_surface_t* surface) {
  impl_->cr.reset(cairo_create(surface));
  check(cairo_status(impl_->cr.get()), "creating a drawing context");
}

cairo_t* ItemPainter::context() {
  return impl_->cr.get();
}

void ItemPainter::paint(const display::Page& page) {
  impl_->current_page = page.number;
  for (const auto& item : page.items) {
    if (!std::holds_alternative<display::Rule>(item)) impl_->flush_rules();
    std::visit([this](const auto& v) { impl_->draw(v); }, item);
  }
  impl_->flush_rules();
  // After the page's drawing: defined first, Cairo 1.16 left one destination
  // out of the name tree (the long example's page 3, which opens with a JPEG).
  impl_->define_destinations(page.number);
}

void ItemPainter::stop() {
  impl_->cr.reset();
}

std::optional<int> ItemPainter::missing_link_target() const {
  if (impl_->wanted.empty()) return std::nullopt;
  return impl_->wanted.begin()->first;
}

void ItemPainter::clear() {
  impl_->wanted.clear();
  impl_->current_page = 0;
  impl_->faces.clear();
  impl_->images.clear();
  impl_->svgs.clear();
}

} // namespace baocao::render::cairo
