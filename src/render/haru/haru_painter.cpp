#include "render/haru/haru_painter.hpp"

#include <cmath>
#include <map>
#include <numbers>
#include <optional>
#include <vector>

#include <hpdf.h>

#include "core/error.hpp"
#include "render/haru/haru_objects.hpp"
#include "render/haru/haru_support.hpp"
#include "render/haru/pdfa.hpp"
#include "render/haru/pdfa_fonts.hpp"
#include "render/haru/svg_raster.hpp"
#include "render/haru/xmp.hpp"

namespace baocao::render::haru {
namespace {

/// How far libharu's own advance may land from Pango's next glyph before a
/// cluster starts a new TextOut at its own position.
constexpr double kJoinTolerance = 0.02;

constexpr const char* kInfoKeys[] = {"Title", "Author", "Subject", "Keywords", "Creator"};

const std::string* info_field(const display::DocumentInfo& di, const std::string& key) {
  if (key == "Title") return &di.title;
  if (key == "Author") return &di.author;
  if (key == "Subject") return &di.subject;
  if (key == "Keywords") return &di.keywords;
  return &di.creator;
}

/// Before the Info dictionary is written: each hidden "_Key" text string
/// becomes "Key" (see metadata()).
HPDF_STATUS reveal_info(HPDF_Dict dict) {
  for (const char* key : kInfoKeys) {
    auto* hidden = static_cast<HPDF_Binary>(
        HPDF_Dict_GetItem(dict, (std::string("_") + key).c_str(), HPDF_OCLASS_BINARY));
    if (!hidden) continue;
    HPDF_Binary b = HPDF_Binary_New(dict->mmgr, hidden->value, hidden->len);
    if (!b) return HPDF_Error_GetCode(dict->error);
    HPDF_STATUS status = HPDF_Dict_Add(dict, key, b);
    if (status != HPDF_OK) return status;
  }
  return HPDF_OK;
}

} // namespace

struct HaruPdfSink::Impl {
  std::filesystem::path path;
  HaruOptions options;
  ErrorRecord error;
  DocPtr doc;
  display::DocumentInfo info; // kept for the PDF/A step in end()
  HPDF_Page page = nullptr;
  double height = 0; // of the current page, to turn y down into PDF's y up
  std::map<std::string, HPDF_Font> fonts;
  std::map<std::string, HPDF_Image> images;
  std::vector<HPDF_Outline> outline_parents; // the latest entry at each level
  // Each page by its Page::number, with its height: an internal link's
  // target, which may come after the link's page.
  std::map<int, std::pair<HPDF_Page, double>> pages;
  // Internal links, made into annotations in end() when every page exists.
  struct PendingLink {
    HPDF_Page page;
    HPDF_Rect rect;
    int target;
    double y;
  };
  std::vector<PendingLink> links;
  // /PageLabels ranges: a new one where the prefix changes or the number
  // does not follow on.
  struct LabelRange {
    int first; // 0-based page index
    std::string prefix;
    int start; // 0: the prefix alone
  };
  std::vector<LabelRange> labels;
  int page_count = 0; // pages added so far (Page::number need not count them)
  display::PageLabel last_label;
  bool any_outline = false;
  long text_outs = 0;

  HPDF_Doc d() const { return doc.get(); }
  void ok(const std::string& what) { check(d(), error, what); }
  double y(double y_down) const { return height - y_down; }

  /// Sets `key` of a libharu dictionary to a UTF-16 text string (written
  /// as hex, encrypted like any string when the file is protected).
  void set_text(HPDF_Dict dict, const char* key, const std::string& utf8) {
    std::string bytes = utf16be_with_bom(utf8);
    HPDF_Binary value = HPDF_Binary_New(d()->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                                        static_cast<HPDF_UINT>(bytes.size()));
    HPDF_Dict_Add(dict, key, value); // replaces an entry of that key; sets an error if null
  }

  HPDF_Font font(const display::GlyphRun& run) {
    auto it = fonts.find(run.font_file);
    if (it != fonts.end()) return it->second;
    const char* name =
        run.face_index == 0
            ? HPDF_LoadTTFontFromFile(d(), run.font_file.c_str(), HPDF_TRUE)
            : HPDF_LoadTTFontFromFile2(d(), run.font_file.c_str(),
                                       static_cast<HPDF_UINT>(run.face_index), HPDF_TRUE);
    ok("loading font " + run.font_file);
    HPDF_Font f = HPDF_GetFont(d(), name, "UTF-8");
    ok("loading font " + run.font_file);
    return fonts.emplace(run.font_file, f).first->second;
  }

  /// Text a cluster at a time at Pango's positions; clusters are joined into
  /// one string while libharu's advance agrees with Pango's next position.
  void draw(const display::GlyphRun& run) {
    if (run.glyphs.empty()) return;
    HPDF_Font f = font(run);
    // A turned run (a draft watermark): the page's space turned about the
    // pivot (in PDF's y-up space, counter-clockwise is a positive angle),
    // then the glyphs placed as usual, as the Cairo painter does.
    bool turned = run.angle != 0;
    if (turned) {
      double a = run.angle * std::numbers::pi / 180;
      double c = std::cos(a), s = std::sin(a);
      double px = run.pivot.x, py = y(run.pivot.y);
      HPDF_Page_GSave(page);
      HPDF_Page_Concat(page, static_cast<HPDF_REAL>(c), static_cast<HPDF_REAL>(s),
                       static_cast<HPDF_REAL>(-s), static_cast<HPDF_REAL>(c),
                       static_cast<HPDF_REAL>(px - c * px + s * py),
                       static_cast<HPDF_REAL>(py - s * px - c * py));
    }
    HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(run.color.r),
                         static_cast<HPDF_REAL>(run.color.g), static_cast<HPDF_REAL>(run.color.b));
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, f, static_cast<HPDF_REAL>(run.size));
    std::string text;
    double x0 = 0, y0 = 0, advance = 0; // the pending string's origin and libharu's advance
    auto flush = [&] {
      if (text.empty()) return;
      HPDF_Page_TextOut(page, static_cast<HPDF_REAL>(x0), static_cast<HPDF_REAL>(y(y0)),
                        text.c_str());
      ++text_outs;
      text.clear();
    };
    size_t byte = 0, glyph = 0;
    for (const auto& c : run.clusters) {
      std::string piece = run.text.substr(byte, c.text_bytes);
      byte += c.text_bytes;
      if (c.glyph_count == 0 || piece.empty()) { // nothing to place: keep the text in order
        text += piece;
        glyph += c.glyph_count;
        continue;
      }
      const display::Glyph& g = run.glyphs[glyph];
      glyph += c.glyph_count;
      bool joins = !text.empty() && std::abs(g.y - y0) < 1e-6 &&
                   std::abs(x0 + advance - g.x) <= kJoinTolerance;
      if (!joins) {
        flush();
        x0 = g.x;
        y0 = g.y;
        advance = 0;
      }
      text += piece;
      HPDF_TextWidth w = HPDF_Font_TextWidth(f, reinterpret_cast<const HPDF_BYTE*>(piece.data()),
                                             static_cast<HPDF_UINT>(piece.size()));
      advance += w.width * run.size / 1000.0;
    }
    flush();
    HPDF_Page_EndText(page);
    if (turned) HPDF_Page_GRestore(page);
  }

  // Consecutive rules of one width and colour (a table's grid) are stroked
  // as one path, as the Cairo painter does: it keeps the content stream small.
  std::optional<display::Rule> pending_rule;

  void flush_rules() {
    if (!pending_rule) return;
    HPDF_Page_Stroke(page);
    pending_rule.reset();
  }

  void draw(const display::Rule& rule) {
    if (pending_rule && (pending_rule->width != rule.width || !(pending_rule->color == rule.color)))
      flush_rules();
    if (!pending_rule) { // width and colour may only change outside a path
      HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(rule.width));
      HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(rule.color.r),
                             static_cast<HPDF_REAL>(rule.color.g),
                             static_cast<HPDF_REAL>(rule.color.b));
    }
    HPDF_Page_MoveTo(page, static_cast<HPDF_REAL>(rule.from.x),
                     static_cast<HPDF_REAL>(y(rule.from.y)));
    HPDF_Page_LineTo(page, static_cast<HPDF_REAL>(rule.to.x), static_cast<HPDF_REAL>(y(rule.to.y)));
    pending_rule = rule;
  }

  void draw(const display::Box& box) {
    if (!box.fill && !box.stroke) return;
    if (box.fill)
      HPDF_Page_SetRGBFill(page, static_cast<HPDF_REAL>(box.fill_color.r),
                           static_cast<HPDF_REAL>(box.fill_color.g),
                           static_cast<HPDF_REAL>(box.fill_color.b));
    if (box.stroke) {
      HPDF_Page_SetRGBStroke(page, static_cast<HPDF_REAL>(box.stroke_color.r),
                             static_cast<HPDF_REAL>(box.stroke_color.g),
                             static_cast<HPDF_REAL>(box.stroke_color.b));
      HPDF_Page_SetLineWidth(page, static_cast<HPDF_REAL>(box.stroke_width));
    }
    HPDF_Page_Rectangle(page, static_cast<HPDF_REAL>(box.rect.x),
                        static_cast<HPDF_REAL>(y(box.rect.y + box.rect.height)),
                        static_cast<HPDF_REAL>(box.rect.width),
                        static_cast<HPDF_REAL>(box.rect.height));
    if (box.fill && box.stroke)
      HPDF_Page_FillStroke(page);
    else if (box.fill)
      HPDF_Page_Fill(page);
    else
      HPDF_Page_Stroke(page);
  }

  /// A signature field is the signing step's: nothing is drawn on the page.
  void draw(const display::SignatureField&) {}

  void draw(const display::Link& link) {
    HPDF_Rect r{static_cast<HPDF_REAL>(link.area.x),
                static_cast<HPDF_REAL>(y(link.area.y + link.area.height)),
                static_cast<HPDF_REAL>(link.area.x + link.area.width),
                static_cast<HPDF_REAL>(y(link.area.y))};
    if (link.uri.empty()) { // its target page may not exist yet
      links.push_back({page, r, link.page, link.y});
      return;
    }
    HPDF_Annotation annot = HPDF_Page_CreateURILinkAnnot(page, r, link.uri.c_str());
    ok("adding the link to " + link.uri);
    plain_link(annot);
  }

  /// No frame (a link shows as its text) and the print flag PDF/A-1 asks of
  /// every annotation (ISO 19005-1, 6.5.3).
  void plain_link(HPDF_Annotation annot) {
    HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
    HPDF_Dict_AddNumber(annot, "F", 4);
  }

  /// [target /XYZ left top null]: keeps the reader's zoom, as Cairo's do.
  HPDF_Destination destination(HPDF_Page target, double left, double top) {
    HPDF_Destination dest = HPDF_Page_CreateDestination(target);
    if (!dest) return nullptr;
    HPDF_Array_Clear(dest);
    HPDF_Array_Add(dest, target);
    HPDF_Array_AddName(dest, "XYZ");
    HPDF_Array_AddReal(dest, static_cast<HPDF_REAL>(left));
    HPDF_Array_AddReal(dest, static_cast<HPDF_REAL>(top));
    HPDF_Array_Add(dest, HPDF_Null_New(d()->mmgr));
    return dest;
  }

  void make_links() {
    for (const auto& link : links) {
      auto it = pages.find(link.target);
      if (it == pages.end())
        throw core::RuntimeError("a link points at page " + std::to_string(link.target) +
                                 ", which the document does not have");
      auto [target, target_height] = it->second;
      HPDF_Destination dest = destination(target, 0, target_height - link.y);
      ok("linking to page " + std::to_string(link.target));
      HPDF_Annotation annot = HPDF_Page_CreateLinkAnnot(link.page, link.rect, dest);
      ok("linking to page " + std::to_string(link.target));
      plain_link(annot);
      ok("linking to page " + std::to_string(link.target));
    }
    links.clear();
  }

  /// Notes page `index`'s label: unlabelled pages count on from 1 as before.
  void label(int index, const display::PageLabel& given) {
    display::PageLabel l = given;
    if (l.prefix.empty() && l.number <= 0) l.number = index + 1;
    bool follows = !labels.empty() && l.prefix == last_label.prefix &&
                   (l.number <= 0 ? last_label.number <= 0
                                  : last_label.number > 0 && l.number == last_label.number + 1);
    if (!follows) labels.push_back({index, l.prefix, std::max(0, l.number)});
    last_label = l;
  }

  void write_labels() {
    if (labels.empty()) return;
    HPDF_Dict tree = HPDF_Dict_New(d()->mmgr);
    HPDF_Array nums = HPDF_Array_New(d()->mmgr);
    if (!tree || !nums) throw core::RuntimeError("libharu: out of memory numbering the pages");
    HPDF_Dict_Add(tree, "Nums", nums);
    for (const auto& range : labels) {
      HPDF_Dict entry = HPDF_Dict_New(d()->mmgr);
      if (!entry) throw core::RuntimeError("libharu: out of memory numbering the pages");
      if (range.start > 0) {
        HPDF_Dict_AddName(entry, "S", "D");
        HPDF_Dict_AddNumber(entry, "St", range.start);
      }
      if (!range.prefix.empty()) set_text(entry, "P", range.prefix); // any script, as UTF-16
      HPDF_Array_AddNumber(nums, range.first);
      HPDF_Array_Add(nums, entry);
    }
    HPDF_Dict_Add(d()->catalog, "PageLabels", tree);
    ok("numbering the pages");
  }

  HPDF_Image image(const std::string& file, core::ImageFormat format) {
    auto it = images.find(file);
    if (it != images.end()) return it->second;
    HPDF_Image img = nullptr;
    if (format == core::ImageFormat::jpeg) {
      // Embedded as is (DCTDecode); a JPEG has no alpha to flatten.
      img = HPDF_LoadJpegImageFromFile(d(), file.c_str());
    } else if (options.pdfa && png_has_alpha(file)) {
      // PDF/A-1 allows no soft mask: the colours are blended onto white and
      // a 1-bit stencil keeps the transparent parts from hiding what lies
      // under them (a seal over the signer's title).
      FlatImage flat = flatten_png(file);
      img = HPDF_LoadRawImageFromMem(d(), flat.rgb.data(), flat.width, flat.height,
                                     HPDF_CS_DEVICE_RGB, 8);
      ok("loading image " + file);
      HPDF_Image mask = HPDF_LoadRawImageFromMem(d(), flat.mask.data(), flat.width, flat.height,
                                                 HPDF_CS_DEVICE_GRAY, 1);
      ok("loading the mask of image " + file);
      HPDF_Image_SetMaskImage(img, mask);
    } else {
      img = HPDF_LoadPngImageFromFile(d(), file.c_str());
    }
    ok("loading image " + file);
    return images.emplace(file, img).first->second;
  }

  /// An SVG at 300 dpi for the rectangle it fills (libharu draws no
  /// vectors from a file), one image per file and size.
  HPDF_Image svg_image(const display::Image& im) {
    const std::string key =
        im.file + "@" + std::to_string(im.rect.width) + "x" + std::to_string(im.rect.height);
    auto it = images.find(key);
    if (it != images.end()) return it->second;
    FlatImage flat = rasterise_svg(im.file, im.rect.width, im.rect.height);
    HPDF_Image img = HPDF_LoadRawImageFromMem(d(), flat.rgb.data(), flat.width, flat.height,
                                              HPDF_CS_DEVICE_RGB, 8);
    ok("loading image " + im.file);
    return images.emplace(key, img).first->second;
  }

  void draw(const display::Image& im) {
    HPDF_Image img =
        im.format == core::ImageFormat::svg ? svg_image(im) : image(im.file, im.format);
    HPDF_Page_DrawImage(page, img, static_cast<HPDF_REAL>(im.rect.x),
                        static_cast<HPDF_REAL>(y(im.rect.y + im.rect.height)),
                        static_cast<HPDF_REAL>(im.rect.width),
                        static_cast<HPDF_REAL>(im.rect.height));
  }

  void outline(const display::Page& p) {
    for (const auto& entry : p.outline) {
      size_t level = static_cast<size_t>(std::max(1, entry.level));
      if (outline_parents.size() > level - 1) outline_parents.resize(level - 1);
      HPDF_Outline parent = outline_parents.empty() ? nullptr : outline_parents.back();
      HPDF_Outline o = HPDF_CreateOutline(d(), parent, "", nullptr);
      ok("adding the bookmark " + entry.title);
      set_text(o, "Title", entry.title);
      ok("titling the bookmark " + entry.title);
      HPDF_Destination dest = destination(page, p.text_area.x, y(entry.y));
      ok("placing the bookmark " + entry.title);
      HPDF_Outline_SetDestination(o, dest);
      HPDF_Outline_SetOpened(o, HPDF_TRUE);
      ok("adding the bookmark " + entry.title);
      outline_parents.push_back(o);
      any_outline = true;
    }
  }

  void metadata(const display::DocumentInfo& di) {
    // Creates the Info dictionary (libharu makes it on first use).
    HPDF_SetInfoAttr(d(), HPDF_INFO_PRODUCER,
                     (std::string("libharu ") + HPDF_GetVersion()).c_str());
    ok("writing the document properties");
    HPDF_Dict dict = d()->info;
    for (const char* key : kInfoKeys) {
      const std::string& value = *info_field(di, key);
      if (value.empty()) continue;
      // Kept under a hidden name until the dictionary is written: libharu's
      // encryption reads these keys expecting its own strings, before writing.
      std::string bytes = utf16be_with_bom(value);
      HPDF_Binary b = HPDF_Binary_New(d()->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                                      static_cast<HPDF_UINT>(bytes.size()));
      if (b) b->header.obj_id |= HPDF_OTYPE_HIDDEN;
      HPDF_Dict_Add(dict, (std::string("_") + key).c_str(), b);
    }
    dict->before_write_fn = reveal_info;
    ok("writing the document properties");
    // Dates from the report, not the clock: the same input gives the same file.
    if (di.year > 0) {
      HPDF_Date date{};
      date.year = di.year;
      date.month = di.month;
      date.day = di.day;
      date.hour = di.hour;
      date.minutes = di.minute;
      date.seconds = di.second;
      date.ind = 'Z'; // UTC, as in the PDF/A metadata
      HPDF_SetInfoDateAttr(d(), HPDF_INFO_CREATION_DATE, date);
      HPDF_SetInfoDateAttr(d(), HPDF_INFO_MOD_DATE, date);
    }
    ok("writing the document properties");
  }

  void protect(const Protection& p) {
    HPDF_SetPassword(d(), p.owner.c_str(), p.user.c_str());
    HPDF_UINT perms = HPDF_ENABLE_READ;
    if (p.print) perms |= HPDF_ENABLE_PRINT;
    if (p.copy) perms |= HPDF_ENABLE_COPY;
    if (p.edit) perms |= HPDF_ENABLE_EDIT_ALL;
    if (p.annotate) perms |= HPDF_ENABLE_EDIT; // libharu's name for "add or change annotations"
    HPDF_SetPermission(d(), perms);
    // RC4 with a 128-bit key (revision 3): the strongest libharu 2.3.0 has.
    HPDF_SetEncryptionMode(d(), HPDF_ENCRYPT_R3, 16);
    ok("setting up encryption");
  }
};

HaruPdfSink::HaruPdfSink(std::filesystem::path path, HaruOptions options)
    : impl_(std::make_unique<Impl>()) {
  impl_->path = std::move(path);
  impl_->options = std::move(options);
}

HaruPdfSink::~HaruPdfSink() = default;

long HaruPdfSink::text_outs() const {
  return impl_->text_outs;
}

void HaruPdfSink::begin(const display::DocumentInfo& info) {
  Impl& m = *impl_;
  m.info = info;
  m.doc.reset(HPDF_New(record_error, &m.error));
  if (!m.doc) throw core::RuntimeError("libharu: cannot create a document (out of memory?)");
  m.ok("creating the document");
  HPDF_SetCompressionMode(m.d(), HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(m.d());
  m.ok("setting up the document");
  m.metadata(info);
  if (m.options.protection) m.protect(*m.options.protection);
}

void HaruPdfSink::page(display::Page&& p) {
  Impl& m = *impl_;
  m.page = HPDF_AddPage(m.d());
  m.ok("adding page " + std::to_string(p.number));
  HPDF_Page_SetWidth(m.page, static_cast<HPDF_REAL>(p.size.width));
  HPDF_Page_SetHeight(m.page, static_cast<HPDF_REAL>(p.size.height));
  m.height = p.size.height; // per page: a landscape page among portrait ones
  m.label(m.page_count++, p.label);
  m.pages[p.number] = {m.page, m.height};
  m.outline(p);
  for (const auto& item : p.items) {
    if (!std::holds_alternative<display::Rule>(item)) m.flush_rules();
    std::visit([&m](const auto& v) { m.draw(v); }, item);
  }
  m.flush_rules();
  m.ok("drawing page " + std::to_string(p.number));
}

void HaruPdfSink::end() {
  Impl& m = *impl_;
  m.make_links();
  m.write_labels();
  if (m.any_outline) HPDF_SetPageMode(m.d(), HPDF_PAGE_MODE_USE_OUTLINE); // bookmarks open
  m.ok("showing the bookmarks");
  // Once everything is drawn: fonts subset, XMP, output intent, ID.
  if (m.options.pdfa)
    make_pdfa1b(m.d(), m.info);
  else
    complete_fonts(m.d()); // a ToUnicode CMap readers accept, and CapHeight, here too
  if (!m.options.pdfa && !m.options.protection) set_trailer_id(m.d(), m.info);
  HPDF_SaveToFile(m.d(), m.path.c_str());
  // A refused write (a full disk) comes back as a file error, or as a zlib
  // error whose detail is one: saving compresses as it writes.
  HPDF_STATUS code = m.error.code ? m.error.code : HPDF_GetError(m.d());
  HPDF_STATUS detail = m.error.code ? m.error.detail : HPDF_GetErrorDetail(m.d());
  if (code == HPDF_FILE_IO_ERROR || (code == HPDF_ZLIB_ERROR && detail == HPDF_FILE_IO_ERROR))
    throw core::RuntimeError("cannot write " + m.path.string() +
                             ": the system refused to write it (is the disk full?)");
  m.ok("writing " + m.path.string());
  m.doc.reset();
  m.fonts.clear();
  m.images.clear();
  m.pages.clear();
}

std::string libharu_version() {
  return HPDF_GetVersion();
}

} // namespace baocao::render::haru
