#include "render/cairo/jpeg_surface.hpp"

#include <csetjmp>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

#include <jpeglib.h>

#include "core/error.hpp"

namespace baocao::render::cairo {
namespace {

using Bytes = std::vector<unsigned char>;

/// libjpeg's default error handler calls exit(); this one jumps back to
/// decode(), which turns the message into an exception outside libjpeg's frames.
struct ErrorManager {
  jpeg_error_mgr base;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void on_error(j_common_ptr info) {
  auto* err = reinterpret_cast<ErrorManager*>(info->err);
  err->base.format_message(info, err->message);
  std::longjmp(err->jump, 1);
}

void ignore_message(j_common_ptr) {} // warnings (e.g. extra bytes) are not worth a line

/// Decodes `data` into `surface` (CAIRO_FORMAT_RGB24). Returns false and
/// fills `message` on error. Nothing with a destructor is created after
/// setjmp, so the jump skips no cleanup.
bool decode(const Bytes& data, ImageSurfacePtr& surface, Bytes& row, std::string& message) {
  jpeg_decompress_struct info{};
  ErrorManager err{};
  info.err = jpeg_std_error(&err.base);
  err.base.error_exit = on_error;
  err.base.output_message = ignore_message;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&info);
    message = err.message;
    return false;
  }
  jpeg_create_decompress(&info);
  jpeg_mem_src(&info, data.data(), static_cast<unsigned long>(data.size()));
  jpeg_read_header(&info, TRUE);
  info.out_color_space = JCS_RGB; // greyscale is expanded too
  jpeg_start_decompress(&info);
  surface.reset(cairo_image_surface_create(CAIRO_FORMAT_RGB24, static_cast<int>(info.output_width),
                                           static_cast<int>(info.output_height)));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    jpeg_destroy_decompress(&info);
    message = "out of memory for the decoded picture";
    return false;
  }
  row.resize(static_cast<size_t>(info.output_width) * 3);
  unsigned char* pixels = cairo_image_surface_get_data(surface.get());
  int stride = cairo_image_surface_get_stride(surface.get());
  while (info.output_scanline < info.output_height) {
    JSAMPROW rows[1] = {row.data()};
    jpeg_read_scanlines(&info, rows, 1);
    auto* out = reinterpret_cast<std::uint32_t*>(pixels + (info.output_scanline - 1) * stride);
    for (JDIMENSION x = 0; x < info.output_width; ++x) {
      const unsigned char* p = &row[x * 3];
      out[x] = 0xFF000000u | (std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2];
    }
  }
  cairo_surface_mark_dirty(surface.get());
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  return true;
}

} // namespace

ImageSurfacePtr load_jpeg_surface(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw core::RuntimeError("cannot read image " + file);
  auto data =
      std::make_unique<Bytes>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  ImageSurfacePtr surface;
  Bytes row;
  std::string message;
  if (!decode(*data, surface, row, message))
    throw core::RuntimeError("cannot decode JPEG " + file + ": " + message);
  // Cairo writes a PDF's images when the document ends, so the bytes must
  // live as long as the surface: Cairo frees them through the callback.
  const unsigned char* bytes = data->data();
  unsigned long length = static_cast<unsigned long>(data->size());
  auto status = cairo_surface_set_mime_data(
      surface.get(), CAIRO_MIME_TYPE_JPEG, bytes, length,
      [](void* p) { std::unique_ptr<Bytes>(static_cast<Bytes*>(p)); }, data.get());
  if (status != CAIRO_STATUS_SUCCESS)
    throw core::RuntimeError("cannot attach JPEG " + file + ": " + cairo_status_to_string(status));
  data.release(); // owned by the surface now
  return surface;
}

} // namespace baocao::render::cairo
