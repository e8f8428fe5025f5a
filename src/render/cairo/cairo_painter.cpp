#include "render/cairo/cairo_painter.hpp"

#include <cstdio>
#include <map>
#include <vector>

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <mutex>
#include <optional>

#include "core/c_handle.hpp"
#include "core/error.hpp"

namespace baocao::render {
namespace {

using SurfacePtr = core::CHandle<cairo_surface_t, cairo_surface_destroy>;
using ContextPtr = core::CHandle<cairo_t, cairo_destroy>;
using FontFacePtr = core::CHandle<cairo_font_face_t, cairo_font_face_destroy>;

void check(cairo_status_t status, const char* what) {
  if (status != CAIRO_STATUS_SUCCESS) {
    throw core::RuntimeError(std::string("cairo: ") + what + ": " + cairo_status_to_string(status));
  }
}

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
    // Only around FreeType: Cairo calls the face's destroy callback below
    // (which takes this lock) while holding its own font-map lock, so holding
    // this one into cairo_ft_font_face_create_for_ft_face deadlocked two
    // threads of a batch.
    std::lock_guard lock(freetype_mutex());
    if (FT_New_Face(freetype(), file.c_str(), index, &ft) != 0) {
      throw core::RuntimeError("cannot open font " + file);
    }
  }
  FontFacePtr face(cairo_ft_font_face_create_for_ft_face(ft, 0));
  // The Cairo face owns the FreeType face from here on.
  auto status = cairo_font_face_set_user_data(face.get(), &kFaceKey, ft, [](void* p) {
    std::lock_guard inner(freetype_mutex());
    FT_Done_Face(static_cast<FT_Face>(p));
  });
  if (status != CAIRO_STATUS_SUCCESS) {
    face.reset(); // before the FreeType face it was made from
    std::lock_guard lock(freetype_mutex());
    FT_Done_Face(ft);
    check(status, ("loading font " + file).c_str());
  }
  return face;
}

std::string iso_date(const display::DocumentInfo& info) {
  if (info.year <= 0) return {};
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT00:00:00", info.year, info.month, info.day);
  return buf;
}

} // namespace

struct CairoPdfSink::Impl {
  std::filesystem::path path;
  std::ostream* stream = nullptr; // when set, the PDF goes here and not to `path`
  SurfacePtr surface;
  ContextPtr cr;
  // Font faces by file and face index, made once per document.
  std::map<std::pair<std::string, int>, FontFacePtr> faces;
  // Outline ids of the latest entry at each level, to parent the next.
  std::vector<int> outline_parents;

  /// Like check(), but a refused write (any call may be the first to see
  /// it: output is streamed as pages finish) names the file.
  void check_output(cairo_status_t status, const std::string& what) {
    if (status == CAIRO_STATUS_WRITE_ERROR)
      throw core::RuntimeError("cannot write " + path.string() +
                               ": the system refused to write it (is the disk full?)");
    check(status, what.c_str());
  }

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
    cairo_show_text_glyphs(cr.get(), run.text.data(), static_cast<int>(run.text.size()),
                           glyphs.data(), static_cast<int>(glyphs.size()), clusters.data(),
                           static_cast<int>(clusters.size()),
                           static_cast<cairo_text_cluster_flags_t>(0));
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

  void draw(const display::Link& link) {
    std::string escaped;
    for (char c : link.uri) {
      if (c == '\'' || c == '\\') escaped += '\\';
      escaped += c;
    }
    char rect[128];
    std::snprintf(rect, sizeof rect, "rect=[%f %f %f %f] ", link.area.x, link.area.y,
                  link.area.width, link.area.height);
    std::string attrs = std::string(rect) + "uri='" + escaped + "'";
    cairo_tag_begin(cr.get(), CAIRO_TAG_LINK, attrs.c_str());
    cairo_tag_end(cr.get(), CAIRO_TAG_LINK);
  }

  // Decoded PNGs by file, drawn as often as pages use them.
  std::map<std::string, SurfacePtr> images;

  void draw(const display::Image& image) {
    auto it = images.find(image.file);
    if (it == images.end()) {
      SurfacePtr png(cairo_image_surface_create_from_png(image.file.c_str()));
      check(cairo_surface_status(png.get()), ("reading " + image.file).c_str());
      it = images.emplace(image.file, std::move(png)).first;
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

  void outline(const display::Page& page) {
    for (const auto& entry : page.outline) {
      size_t level = static_cast<size_t>(std::max(1, entry.level));
      if (outline_parents.size() < level - 1)
        outline_parents.resize(level - 1, CAIRO_PDF_OUTLINE_ROOT);
      int parent = level == 1 ? CAIRO_PDF_OUTLINE_ROOT : outline_parents[level - 2];
      char dest[96];
      std::snprintf(dest, sizeof dest, "page=%d pos=[%f %f]", page.number, page.text_area.x,
                    entry.y);
      int id = cairo_pdf_surface_add_outline(surface.get(), parent, entry.title.c_str(), dest,
                                             static_cast<cairo_pdf_outline_flags_t>(0));
      outline_parents.resize(level - 1);
      outline_parents.push_back(id);
    }
  }
};

CairoPdfSink::CairoPdfSink(std::filesystem::path path) : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(path);
}

CairoPdfSink::CairoPdfSink(std::ostream& out) : impl_(std::make_unique<Impl>()) {
  impl_->path = "<stream>";
  impl_->stream = &out;
}

CairoPdfSink::~CairoPdfSink() = default;

void CairoPdfSink::begin(const display::DocumentInfo& info) {
  // The real size is set per page; A4 until then.
  if (impl_->stream) {
    auto write = [](void* closure, const unsigned char* data, unsigned int length) {
      auto& out = *static_cast<std::ostream*>(closure);
      out.write(reinterpret_cast<const char*>(data), length);
      return out ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
    };
    impl_->surface.reset(cairo_pdf_surface_create_for_stream(write, impl_->stream, 595.28, 841.89));
  } else {
    impl_->surface.reset(cairo_pdf_surface_create(impl_->path.c_str(), 595.28, 841.89));
  }
  impl_->check_output(cairo_surface_status(impl_->surface.get()),
                      "creating " + impl_->path.string());
  cairo_surface_t* s = impl_->surface.get();
  cairo_pdf_surface_restrict_to_version(s, CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, info.title.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_AUTHOR, info.author.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_SUBJECT, info.subject.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_KEYWORDS, info.keywords.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, info.creator.c_str());
  // Dates from the report, not the clock: the same input gives the same file.
  std::string date = iso_date(info);
  if (!date.empty()) {
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATE_DATE, date.c_str());
    cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_MOD_DATE, date.c_str());
  }
  impl_->cr.reset(cairo_create(s));
  check(cairo_status(impl_->cr.get()), "creating a drawing context");
}

void CairoPdfSink::page(display::Page&& page) {
  cairo_pdf_surface_set_size(impl_->surface.get(), page.size.width, page.size.height);
  impl_->outline(page);
  for (const auto& item : page.items) {
    if (!std::holds_alternative<display::Rule>(item)) impl_->flush_rules();
    std::visit([this](const auto& v) { impl_->draw(v); }, item);
  }
  impl_->flush_rules();
  cairo_show_page(impl_->cr.get());
  impl_->check_output(cairo_status(impl_->cr.get()), "drawing page " + std::to_string(page.number));
}

void CairoPdfSink::end() {
  impl_->cr.reset();
  cairo_surface_finish(impl_->surface.get());
  impl_->check_output(cairo_surface_status(impl_->surface.get()),
                      "writing " + impl_->path.string());
  impl_->surface.reset();
  impl_->faces.clear();
  impl_->images.clear();
}

} // namespace baocao::render
