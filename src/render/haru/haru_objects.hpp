#pragma once
// Small helpers over libharu's object API shared by the PDF/A code: status
// checks that turn libharu failures into core::RuntimeError, and dictionary
// look-ups libharu does not offer.
#include <hpdf.h>
#include <hpdf_objects.h>
#include <string>

namespace baocao::render::haru {

/// Throws core::RuntimeError("PDF/A: libharu could not <what> (libharu error 0x....)").
[[noreturn]] void fail(HPDF_Doc doc, const std::string& what);

inline void check(HPDF_Doc doc, HPDF_STATUS status, const std::string& what) {
  if (status != HPDF_OK) fail(doc, what);
}

template <class T> T need(HPDF_Doc doc, T object, const std::string& what) {
  if (!object) fail(doc, what);
  return object;
}

/// The object stored under `key` as written (a proxy for indirect objects), or nullptr.
void* raw_item(HPDF_Dict dict, const char* key);

inline bool has_key(HPDF_Dict dict, const char* key) {
  return raw_item(dict, key) != nullptr;
}

/// The object class (HPDF_OCLASS_*) of any libharu object.
inline unsigned object_class(const void* object) {
  return static_cast<const HPDF_Obj_Header*>(object)->obj_class & HPDF_OCLASS_ANY;
}

} // namespace baocao::render::haru
