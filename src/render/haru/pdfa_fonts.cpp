// The font half of make_pdfa1b: what libharu 2.3.0 leaves out of an embedded
// CID TrueType font that PDF/A-1 requires.
#include "render/haru/pdfa_fonts.hpp"

#include <cstdio>
#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "render/haru/haru_objects.hpp"

namespace baocao::render::haru {
namespace {

// The CIDs whose glyphs the embedded subset holds, as a bit per CID, most
// significant bit first (the CIDSet format, PDF 32000 9.8.3.1). libharu's
// UTF-8 fonts use Identity-H with CID = Unicode code point, mapped to glyphs
// through the font's cmap; the subset keeps every glyph flagged as used
// (composite parts included).
std::vector<HPDF_BYTE> cid_bits(HPDF_FontDef fontdef) {
  auto* attr = static_cast<HPDF_TTFontDefAttr>(fontdef->attr);
  std::vector<HPDF_BYTE> bits(1, 0x80); // CID 0, .notdef, is always embedded
  for (HPDF_UINT cid = 1; cid <= 0xFFFF; ++cid) {
    HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(fontdef, static_cast<HPDF_UINT16>(cid));
    if (gid == 0 || gid >= attr->num_glyphs || !attr->glyph_tbl.flgs[gid]) continue;
    if (bits.size() <= cid / 8) bits.resize(cid / 8 + 1, 0);
    bits[cid / 8] |= static_cast<HPDF_BYTE>(0x80 >> (cid % 8));
  }
  return bits;
}

// libharu's own ToUnicode CMap uses begincidrange, which is not a ToUnicode
// operator (poppler says so on every read). Since code = CID = code point,
// the right map sends each code in the subset to itself.
std::string to_unicode_cmap(const std::vector<HPDF_BYTE>& bits) {
  std::vector<unsigned> codes;
  for (unsigned cid = 1; cid < bits.size() * 8; ++cid)
    if (bits[cid / 8] & (0x80 >> (cid % 8))) codes.push_back(cid);
  std::string s = "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                  "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                  "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                  "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (size_t at = 0; at < codes.size(); at += 100) { // at most 100 entries a block
    size_t n = std::min<size_t>(100, codes.size() - at);
    s += std::to_string(n) + " beginbfchar\n";
    for (size_t k = at; k < at + n; ++k) {
      char line[24];
      std::snprintf(line, sizeof line, "<%04X> <%04X>\n", codes[k], codes[k]);
      s += line;
    }
    s += "endbfchar\n";
  }
  s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return s;
}

void write_stream(HPDF_Doc doc, HPDF_Dict stream, const void* data, size_t size,
                  const std::string& what) {
  check(doc,
        HPDF_Stream_Write(stream->stream, static_cast<const HPDF_BYTE*>(data),
                          static_cast<HPDF_UINT>(size)),
        what);
}

void replace_to_unicode(HPDF_Doc doc, HPDF_Font font, const std::string& cmap) {
  auto* item = raw_item(font, "ToUnicode");
  HPDF_Dict stream = nullptr;
  if (item && object_class(item) == HPDF_OCLASS_PROXY)
    stream = static_cast<HPDF_Dict>(static_cast<HPDF_Proxy>(item)->obj);
  if (stream && object_class(stream) == HPDF_OCLASS_DICT && stream->stream) {
    // Rewrite libharu's stream in place, dropping its Encoding-CMap keys.
    HPDF_MemStream_FreeData(stream->stream);
    for (const char* key : {"Type", "CMapName", "CIDSystemInfo", "WMode"})
      if (has_key(stream, key)) check(doc, HPDF_Dict_RemoveElement(stream, key), "fix ToUnicode");
  } else {
    stream = need(doc, HPDF_DictStream_New(doc->mmgr, doc->xref), "make a ToUnicode CMap");
    check(doc, HPDF_Dict_Add(font, "ToUnicode", stream), "attach the ToUnicode CMap");
  }
  stream->filter = font->filter;
  write_stream(doc, stream, cmap.data(), cmap.size(), "write the ToUnicode CMap");
}

} // namespace

void complete_fonts(HPDF_Doc doc) {
  std::map<HPDF_FontDef, std::vector<HPDF_BYTE>> done;
  for (HPDF_UINT i = 0; i < doc->font_mgr->count; ++i) {
    auto font = static_cast<HPDF_Font>(HPDF_List_ItemAt(doc->font_mgr, i));
    auto* attr = static_cast<HPDF_FontAttr>(font->attr);
    HPDF_FontDef def = attr->fontdef;
    bool embedded =
        attr->type == HPDF_FONT_TYPE0_TT && static_cast<HPDF_TTFontDefAttr>(def->attr)->embedding;
    if (!embedded)
      throw core::RuntimeError(std::string("PDF/A: the font ") + def->base_font +
                               " is not an embedded TrueType font; PDF/A needs every font "
                               "embedded (load it with HPDF_LoadTTFontFromFile(..., HPDF_TRUE))");
    auto found = done.find(def);
    if (found == done.end()) {
      // libharu builds the descriptor and the subset while saving, and only
      // when the font definition has none yet. All text is drawn by now, so
      // building them here gives the same subset and lets us add to it.
      if (!def->descriptor && font->before_write_fn)
        check(doc, font->before_write_fn(font), std::string("embed the font ") + def->base_font);
      HPDF_Dict descriptor = need(doc, def->descriptor, "find the font descriptor");

      // libharu never reads CapHeight from a TrueType file; the height of
      // "H" is what the entry means.
      HPDF_INT32 cap = def->cap_height;
      if (cap == 0) cap = static_cast<HPDF_INT32>(HPDF_TTFontDef_GetCharBBox(def, 'H').top);
      check(doc, HPDF_Dict_AddNumber(descriptor, "CapHeight", cap), "set CapHeight");

      auto bits = cid_bits(def);
      auto cid_set = need(doc, HPDF_DictStream_New(doc->mmgr, doc->xref), "make the CIDSet");
      cid_set->filter = font->filter;
      write_stream(doc, cid_set, bits.data(), bits.size(), "write the CIDSet");
      check(doc, HPDF_Dict_Add(descriptor, "CIDSet", cid_set), "attach the CIDSet");
      found = done.emplace(def, std::move(bits)).first;
    }
    replace_to_unicode(doc, font, to_unicode_cmap(found->second));
  }
}

} // namespace baocao::render::haru
