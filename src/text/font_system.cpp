#include "text/font_system.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <mutex>
#include <set>
#include <unordered_map>

#include <fontconfig/fontconfig.h>
#include <glib.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangoft2.h>

#include "core/c_handle.hpp"
#include "core/error.hpp"
#include "text/pango_handles.hpp"
#include "text/shaper.hpp"

namespace baocao::text {

struct FontSystem::Impl {
  FcConfigPtr config;
  GObjectPtr<PangoFontMap> font_map;
  GObjectPtr<PangoContext> context;
  std::set<std::string> families;
  std::vector<std::string> fallback;
  // Short texts repeat (a table's years, units, award names): shape each
  // distinct one once. Bounded: cleared when full.
  std::unordered_map<std::string, ShapedParagraph> cache;
};

namespace {

/// Held while Pango or fontconfig runs. Each thread of a batch has its own
/// FontSystem, yet Pango 1.50 still shares state between font maps: with two
/// threads shaping at once, a justified line of the same report came out
/// 0.26 pt wider in about one run in three (tests/app/batch_test.cpp, "two
/// jobs write the same bytes"). Shaping is a small part of a report's time;
/// reading YAML, layout and painting still run in parallel.
std::mutex& pango_mutex() {
  static std::mutex m;
  return m;
}

FcConfigPtr make_config(const std::vector<std::filesystem::path>& dirs,
                        std::set<std::string>& families) {
  // An empty configuration: no system font folders, no rules, no cache.
  FcConfigPtr config(FcConfigCreate());
  if (!config) throw core::RuntimeError("fontconfig: cannot create a configuration");
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      throw core::RuntimeError("font folder " + dir.string() + " does not exist");
    }
    // Files one by one, sorted: FcConfigAppFontAddDir would try to write a
    // cache (and complain when it cannot), and the order must not depend on
    // the file system's.
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir, ec)) {
      auto ext = entry.path().extension().string();
      for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (entry.is_regular_file() && (ext == ".ttf" || ext == ".otf" || ext == ".ttc"))
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      if (!FcConfigAppFontAddFile(config.get(), reinterpret_cast<const FcChar8*>(file.c_str()))) {
        throw core::RuntimeError("fontconfig cannot read the font " + file.string());
      }
    }
  }
  FcFontSet* set = FcConfigGetFonts(config.get(), FcSetApplication);
  if (!set || set->nfont == 0) {
    std::string names;
    for (const auto& d : dirs) names += (names.empty() ? "" : ", ") + d.string();
    throw core::RuntimeError("no fonts found in " + names);
  }
  for (int i = 0; i < set->nfont; ++i) {
    FcChar8* family = nullptr;
    for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k, &family) == FcResultMatch;
         ++k) {
      families.insert(reinterpret_cast<const char*>(family));
    }
  }
  return config;
}

} // namespace

FontSystem::FontSystem(const std::vector<std::filesystem::path>& font_dirs,
                       std::vector<std::string> fallback)
    : impl_(std::make_unique<Impl>()) {
  std::lock_guard lock(pango_mutex());
  impl_->config = make_config(font_dirs, impl_->families);
  impl_->fallback = std::move(fallback);
  // Make ours the process's default configuration too. Pango's font map
  // otherwise starts by loading the system's (FcInit: every /etc/fonts rule
  // and system font folder, a tenth of a small build's time) and nothing
  // else can reach the system's fonts through the default either.
  FcConfigSetCurrent(impl_->config.get());
  impl_->font_map.reset(pango_ft2_font_map_new());
  // 72 dpi: one device unit is one point, so sizes and positions need no scaling.
  pango_ft2_font_map_set_resolution(PANGO_FT2_FONT_MAP(impl_->font_map.get()), 72, 72);
  // The font map takes its own reference to the configuration.
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(impl_->font_map.get()), impl_->config.get());
  impl_->context.reset(pango_font_map_create_context(impl_->font_map.get()));
  // Unrounded positions: a PDF is resolution-independent.
  pango_context_set_round_glyph_positions(impl_->context.get(), FALSE);
  pango_context_set_language(impl_->context.get(), pango_language_from_string("vi"));
  pango_context_set_base_dir(impl_->context.get(), PANGO_DIRECTION_LTR);
}

FontSystem::~FontSystem() {
  std::lock_guard lock(pango_mutex());
  impl_->context.reset();
  impl_->font_map.reset();
  // Hand back the default configuration we took, so ours is freed with us.
  if (FcConfigGetCurrent() == impl_->config.get()) FcConfigSetCurrent(nullptr);
}

std::vector<std::string> FontSystem::families() const {
  return {impl_->families.begin(), impl_->families.end()};
}

bool FontSystem::has_family(const std::string& family) const {
  return impl_->families.count(family) > 0;
}

std::filesystem::path FontSystem::face_file(const std::string& family, bool bold,
                                            bool italic) const {
  std::lock_guard<std::mutex> lock(pango_mutex());
  FcPatternPtr pattern(FcPatternCreate());
  FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcPatternAddInteger(pattern.get(), FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
  FcPatternAddInteger(pattern.get(), FC_SLANT, italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN);
  FcObjectSetPtr objects(FcObjectSetBuild(FC_FILE, FC_WEIGHT, FC_SLANT, nullptr));
  FcFontSetPtr fonts(FcFontList(impl_->config.get(), pattern.get(), objects.get()));
  if (!fonts || fonts->nfont < 1) return {};
  FcChar8* file = nullptr;
  if (FcPatternGetString(fonts->fonts[0], FC_FILE, 0, &file) != FcResultMatch) return {};
  return reinterpret_cast<const char*>(file);
}

const std::vector<std::string>& FontSystem::fallback() const {
  return impl_->fallback;
}

namespace {

constexpr size_t kCacheEntries = 4096;
constexpr size_t kCacheableBytes = 160;

/// Everything that decides the shaped result, as one string.
std::string cache_key(const ParagraphSpec& spec) {
  std::string key;
  key.reserve(96);
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s|%.4f|%d%d|%.4f,%.4f,%.4f|%d|%.4f|%.4f|%d|", spec.font.c_str(),
                spec.size, spec.bold, spec.italic, spec.color.r, spec.color.g, spec.color.b,
                static_cast<int>(spec.align), spec.first_line_indent, spec.width, spec.break_words);
  key += buf;
  for (const auto& span : spec.spans) {
    key += static_cast<char>('0' + span.bold * 2 + span.italic);
    key += span.text;
    key += '\0';
  }
  return key;
}

} // namespace

ShapedParagraph FontSystem::shape(const ParagraphSpec& spec) const {
  size_t bytes = 0;
  for (const auto& span : spec.spans) bytes += span.text.size();
  auto shape_now = [&] {
    std::lock_guard lock(pango_mutex());
    return shape_paragraph(impl_->context.get(), spec, impl_->fallback);
  };
  if (bytes > kCacheableBytes) return shape_now();
  std::string key = cache_key(spec);
  if (auto it = impl_->cache.find(key); it != impl_->cache.end()) return it->second;
  if (impl_->cache.size() >= kCacheEntries) impl_->cache.clear();
  return impl_->cache.emplace(std::move(key), shape_now()).first->second;
}

double FontSystem::measure(const ParagraphSpec& spec) const {
  ParagraphSpec one = spec;
  one.width = 0;
  one.first_line_indent = 0;
  std::lock_guard lock(pango_mutex());
  return shape_paragraph(impl_->context.get(), one, impl_->fallback).max_line_width;
}

std::string to_upper(std::string_view utf8) {
  GCharPtr up(g_utf8_strup(utf8.data(), static_cast<gssize>(utf8.size())));
  return up ? std::string(up.get()) : std::string(utf8);
}

std::string pango_version() {
  return pango_version_string();
}

} // namespace baocao::text
