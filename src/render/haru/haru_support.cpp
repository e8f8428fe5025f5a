#include "render/haru/haru_support.hpp"

#include <cstdio>
#include <png.h>

#include "core/error.hpp"

namespace baocao::render::haru {
namespace {

std::string cause(HPDF_STATUS code, HPDF_STATUS detail) {
  switch (code) {
  case HPDF_FILE_OPEN_ERROR:
  case HPDF_FILE_IO_ERROR:
    return "the file cannot be opened, read or written (check the path and permissions)";
  case HPDF_INVALID_FONTDEF_DATA:
  case HPDF_TTF_INVALID_CMAP:
  case HPDF_TTF_INVALID_FOMAT:
  case HPDF_TTF_MISSING_TABLE:
  case HPDF_UNSUPPORTED_FONT_TYPE:
  case HPDF_INVALID_FONT:
    return "libharu cannot use this font (it takes TrueType fonts with a Unicode cmap)";
  case HPDF_TTF_CANNOT_EMBEDDING_FONT:
    return "the font's licence flags forbid embedding it";
  case HPDF_INVALID_PNG_IMAGE:
  case HPDF_LIBPNG_ERROR:
    return "the PNG file is damaged or of a kind libharu cannot read";
  case HPDF_INVALID_JPEG_DATA:
  case HPDF_UNSUPPORTED_JPEG_FORMAT:
    return "the JPEG file is damaged or of a kind libharu cannot read";
  default: {
    char buf[80];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(code),
                  static_cast<unsigned>(detail));
    return buf;
  }
  }
}

} // namespace

void record_error(HPDF_STATUS code, HPDF_STATUS detail, void* record) noexcept {
  auto* r = static_cast<ErrorRecord*>(record);
  if (r->code == 0) { // the first error is the cause; later ones follow from it
    r->code = code;
    r->detail = detail;
  }
}

void check(HPDF_Doc doc, ErrorRecord& record, const std::string& what) {
  // Some failures are only set on the document, without the callback.
  if (record.code == 0 && doc && HPDF_GetError(doc) != HPDF_OK)
    record = {HPDF_GetError(doc), HPDF_GetErrorDetail(doc)};
  if (record.code == 0) return;
  std::string message = "libharu: " + what + ": " + cause(record.code, record.detail);
  record = {};
  if (doc) HPDF_ResetError(doc);
  throw core::RuntimeError(message);
}

namespace {

struct PngReader {
  png_image image{};
  explicit PngReader(const std::string& file) {
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, file.c_str()))
      throw core::RuntimeError("cannot read image " + file + ": " + image.message);
  }
  ~PngReader() { png_image_free(&image); }
  PngReader(const PngReader&) = delete;
  PngReader& operator=(const PngReader&) = delete;
};

} // namespace

bool png_has_alpha(const std::string& file) {
  PngReader r(file);
  return (r.image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
}

FlatImage flatten_png(const std::string& file) {
  PngReader r(file);
  r.image.format = PNG_FORMAT_RGBA;
  std::vector<uint8_t> rgba(PNG_IMAGE_SIZE(r.image));
  if (!png_image_finish_read(&r.image, nullptr, rgba.data(), 0, nullptr))
    throw core::RuntimeError("cannot decode image " + file + ": " + r.image.message);
  FlatImage out;
  out.width = r.image.width;
  out.height = r.image.height;
  const size_t w = out.width, h = out.height, row_bytes = (w + 7) / 8;
  out.rgb.resize(w * h * 3);
  out.mask.assign(row_bytes * h, 0);
  for (size_t y = 0; y < h; ++y) {
    for (size_t x = 0; x < w; ++x) {
      const uint8_t* p = &rgba[(y * w + x) * 4];
      unsigned a = p[3];
      // Partly transparent edges are blended onto white, as they would show
      // on paper; the stencil then hides what is mostly transparent.
      for (int c = 0; c < 3; ++c)
        out.rgb[(y * w + x) * 3 + c] =
            static_cast<uint8_t>((p[c] * a + 255 * (255 - a) + 127) / 255);
      if (a < 128) out.mask[y * row_bytes + x / 8] |= static_cast<uint8_t>(0x80u >> (x % 8));
    }
  }
  return out;
}

} // namespace baocao::render::haru
