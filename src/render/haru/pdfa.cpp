#include "render/haru/pdfa.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <hpdf_doc.h>
#include <hpdf_encrypt.h>
#include <hpdf_font.h>
#include <hpdf_pages.h>
#include <hpdf_pdfa.h>
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "render/haru/haru_objects.hpp"
#include "render/haru/pdfa_fonts.hpp"
#include "render/haru/xmp.hpp"

namespace baocao::render::haru {

void fail(HPDF_Doc doc, const std::string& what) {
  char code[16];
  std::snprintf(code, sizeof code, "0x%04lX", static_cast<unsigned long>(HPDF_GetError(doc)));
  throw core::RuntimeError("PDF/A: libharu could not " + what + " (libharu error " + code + ")");
}

void* raw_item(HPDF_Dict dict, const char* key) {
  for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
    auto* element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i));
    if (std::strcmp(element->key, key) == 0) return element->value;
  }
  return nullptr;
}

namespace {

bool is_dict(void* object) {
  return object_class(object) == HPDF_OCLASS_DICT;
}

// PDF/A-1 forbids encryption and transparency; a painter that slipped either
// in gets an error naming it rather than a file that fails validation later.
void refuse_forbidden(HPDF_Doc doc) {
  if (doc->encrypt_on)
    throw core::RuntimeError("PDF/A: the document is encrypted; PDF/A-1 forbids encryption");
  for (HPDF_UINT i = 0; i < doc->xref->entries->count; ++i) {
    auto* entry = static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(doc->xref->entries, i));
    if (!entry->obj || !is_dict(entry->obj)) continue;
    auto dict = static_cast<HPDF_Dict>(entry->obj);
    if (has_key(dict, "SMask"))
      throw core::RuntimeError("PDF/A: an image has a soft mask (alpha channel); PDF/A-1 forbids "
                               "transparency, so flatten the image onto white first");
  }
}

// Copies one element of a destination array (page reference, name, number).
HPDF_STATUS copy_element(HPDF_Doc doc, HPDF_Array to, void* item) {
  switch (object_class(item)) {
  case HPDF_OCLASS_PROXY:
    return HPDF_Array_Add(to, static_cast<HPDF_Proxy>(item)->obj);
  case HPDF_OCLASS_NAME:
    return HPDF_Array_AddName(to, static_cast<HPDF_Name>(item)->value);
  case HPDF_OCLASS_NUMBER:
    return HPDF_Array_AddNumber(to, static_cast<HPDF_Number>(item)->value);
  case HPDF_OCLASS_REAL:
    return HPDF_Array_AddReal(to, static_cast<HPDF_Real>(item)->value);
  case HPDF_OCLASS_NULL:
    return HPDF_Array_Add(to, HPDF_Null_New(doc->mmgr));
  default:
    fail(doc, "copy a destination (unexpected element)");
  }
}

// libharu writes each /Dest as a reference to an array object; Preflight
// (PDFBox) cannot read a destination given that way and reports a syntax
// error (1.2.3), so every /Dest becomes a direct copy of its array.
void inline_destinations(HPDF_Doc doc) {
  for (HPDF_UINT i = 0; i < doc->xref->entries->count; ++i) {
    auto* entry = static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(doc->xref->entries, i));
    if (!entry->obj || !is_dict(entry->obj)) continue;
    auto dict = static_cast<HPDF_Dict>(entry->obj);
    void* dest = raw_item(dict, "Dest");
    if (!dest || object_class(dest) != HPDF_OCLASS_PROXY) continue;
    void* target = static_cast<HPDF_Proxy>(dest)->obj;
    if (object_class(target) != HPDF_OCLASS_ARRAY) continue;
    auto source = static_cast<HPDF_Array>(target);
    auto copy = need(doc, HPDF_Array_New(doc->mmgr), "copy a destination");
    for (HPDF_UINT k = 0; k < source->list->count; ++k)
      check(doc, copy_element(doc, copy, HPDF_List_ItemAt(source->list, k)), "copy a destination");
    check(doc, HPDF_Dict_Add(dict, "Dest", copy), "set a destination");
  }
}

void add_output_intent(HPDF_Doc doc) {
  auto path = srgb_profile_path();
  if (!std::filesystem::is_regular_file(path))
    throw core::RuntimeError("PDF/A needs the sRGB colour profile " + path.string() +
                             ", which is missing: install the Debian package icc-profiles-free "
                             "(apt-get install icc-profiles-free) or point BAOCAO_SRGB_ICC at "
                             "an sRGB .icc file");
  auto icc = need(doc, HPDF_LoadIccProfileFromFile(doc, path.c_str(), 3),
                  "read the sRGB profile " + path.string());
  check(doc, HPDF_PDFA_AppendOutputIntents(doc, "sRGB IEC61966-2.1", icc), "add the output intent");
}

// Text strings as UTF-16BE hex strings: libharu's own string writer knows no
// Unicode, and Preflight compares these with the XMP character by character.
void set_text(HPDF_Doc doc, const char* key, const std::string& value) {
  if (value.empty()) {
    if (has_key(doc->info, key)) check(doc, HPDF_Dict_RemoveElement(doc->info, key), "clear Info");
    return;
  }
  auto bytes = utf16be_with_bom(value);
  auto object = need(doc,
                     HPDF_Binary_New(doc->mmgr, reinterpret_cast<HPDF_BYTE*>(bytes.data()),
                                     static_cast<HPDF_UINT>(bytes.size())),
                     std::string("make the Info string ") + key);
  check(doc, HPDF_Dict_Add(doc->info, key, object), std::string("set Info ") + key);
}

void set_ascii(HPDF_Doc doc, const char* key, const std::string& value) {
  if (value.empty()) {
    if (has_key(doc->info, key)) check(doc, HPDF_Dict_RemoveElement(doc->info, key), "clear Info");
    return;
  }
  auto object = need(doc, HPDF_String_New(doc->mmgr, value.c_str(), nullptr),
                     std::string("make the Info string ") + key);
  check(doc, HPDF_Dict_Add(doc->info, key, object), std::string("set Info ") + key);
}

std::string producer() {
  return std::string("baocao with libharu ") + HPDF_GetVersion();
}

// Info and XMP come from the same fields here, so they cannot disagree.
void write_metadata(HPDF_Doc doc, const display::DocumentInfo& info) {
  // The public call creates the Info dictionary if the painter set nothing.
  check(doc, HPDF_SetInfoAttr(doc, HPDF_INFO_PRODUCER, producer().c_str()), "set the producer");
  set_text(doc, "Title", info.title);
  set_text(doc, "Author", info.author);
  set_text(doc, "Subject", info.subject);
  set_text(doc, "Keywords", info.keywords);
  set_text(doc, "Creator", info.creator);
  set_ascii(doc, "CreationDate", pdf_date(info));
  set_ascii(doc, "ModDate", pdf_date(info));

  auto packet = xmp_packet(info, producer());
  auto stream = need(doc, HPDF_DictStream_New(doc->mmgr, doc->xref), "make the XMP stream");
  stream->filter = HPDF_STREAM_FILTER_NONE; // PDF/A wants the packet readable as is
  check(doc, HPDF_Dict_AddName(stream, "Type", "Metadata"), "write the XMP stream");
  check(doc, HPDF_Dict_AddName(stream, "Subtype", "XML"), "write the XMP stream");
  check(doc,
        HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(packet.data()),
                          static_cast<HPDF_UINT>(packet.size())),
        "write the XMP packet");
  check(doc, HPDF_Dict_Add(doc->catalog, "Metadata", stream), "attach the XMP stream");
}

} // namespace

// The ID only has to be unique to the content; hashing what was drawn (not
// the clock) keeps repeated builds byte-identical.
void set_trailer_id(HPDF_Doc doc, const display::DocumentInfo& info) {
  HPDF_MD5_CTX md5;
  HPDF_MD5Init(&md5);
  auto add = [&](const std::string& s) {
    HPDF_MD5Update(&md5, reinterpret_cast<const HPDF_BYTE*>(s.c_str()),
                   static_cast<HPDF_UINT32>(s.size() + 1));
  };
  for (const auto* s : {&info.title, &info.author, &info.subject, &info.keywords, &info.creator})
    add(*s);
  add(pdf_date(info));
  add(std::to_string(doc->page_list->count));
  for (HPDF_UINT i = 0; i < doc->page_list->count; ++i) {
    auto page = static_cast<HPDF_Page>(HPDF_List_ItemAt(doc->page_list, i));
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    add(std::to_string(attr->stream ? attr->stream->size : 0));
    // The page's drawing operators, still uncompressed in memory.
    if (!attr->stream || attr->stream->type != HPDF_STREAM_MEMORY) continue;
    for (HPDF_UINT b = 0; b < HPDF_MemStream_GetBufCount(attr->stream); ++b) {
      HPDF_UINT len = 0;
      HPDF_BYTE* bytes = HPDF_MemStream_GetBufPtr(attr->stream, b, &len);
      if (bytes) HPDF_MD5Update(&md5, bytes, len);
    }
  }
  HPDF_BYTE digest[16];
  HPDF_MD5Final(digest, &md5);

  auto ids = need(doc, HPDF_Array_New(doc->mmgr), "make the trailer ID");
  for (int i = 0; i < 2; ++i)
    check(doc, HPDF_Array_Add(ids, need(doc, HPDF_Binary_New(doc->mmgr, digest, 16), "make ID")),
          "make the trailer ID");
  check(doc, HPDF_Dict_Add(doc->trailer, "ID", ids), "set the trailer ID");
}

std::filesystem::path srgb_profile_path() {
  if (const char* env = std::getenv("BAOCAO_SRGB_ICC"); env && *env) return env;
  return "/usr/share/color/icc/sRGB.icc";
}

void make_pdfa1b(HPDF_Doc doc, const display::DocumentInfo& info) {
  if (!HPDF_HasDoc(doc)) throw core::RuntimeError("PDF/A: no libharu document");
  refuse_forbidden(doc);
  complete_fonts(doc);
  inline_destinations(doc);
  add_output_intent(doc);
  write_metadata(doc, info);
  set_trailer_id(doc, info);
}

} // namespace baocao::render::haru
