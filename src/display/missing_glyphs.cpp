#include "display/missing_glyphs.hpp"

#include <algorithm>

namespace baocao::display {
namespace {

/// The code point starting at s[i] (valid UTF-8: input checked it), and its length.
char32_t decode(const std::string& s, size_t i, size_t& len) {
  auto b = static_cast<unsigned char>(s[i]);
  len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
  if (i + len > s.size()) len = s.size() - i;
  char32_t c = len == 1 ? b : b & (0x3F >> (len - 1));
  for (size_t k = 1; k < len; ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return c;
}

} // namespace

void MissingGlyphSink::scan(const GlyphRun& run) {
  size_t byte = 0, glyph = 0;
  for (const auto& cluster : run.clusters) {
    bool missing = false;
    for (uint32_t g = 0; g < cluster.glyph_count && glyph + g < run.glyphs.size(); ++g)
      missing = missing || run.glyphs[glyph + g].id == 0;
    glyph += cluster.glyph_count;
    size_t end = std::min(byte + cluster.text_bytes, run.text.size());
    // A cluster is one character, or a base and its marks: name each
    // visible one, since which of them the fonts lack is not recorded.
    for (size_t i = byte, len = 0; missing && i < end; i += len) {
      char32_t c = decode(run.text, i, len);
      if (c <= 0x20 || (c >= 0x7F && c <= 0xA0)) continue;
      auto [it, added] = index_.emplace(c, found_.size());
      if (added) found_.push_back({c, run.text.substr(i, len), 0});
      ++found_[it->second].count;
    }
    byte = end;
  }
}

void MissingGlyphSink::page(Page&& page) {
  for (const auto& item : page.items) {
    if (const auto* run = std::get_if<GlyphRun>(&item)) scan(*run);
  }
  next_.page(std::move(page));
}

} // namespace baocao::display
