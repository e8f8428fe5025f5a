#include "input/image_probe.hpp"

#include <librsvg/rsvg.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <stdexcept>

#include "core/c_handle.hpp"

namespace baocao::input {
namespace {

std::uint32_t be16(const unsigned char* p) {
  return (std::uint32_t(p[0]) << 8) | p[1];
}
std::uint32_t be32(const unsigned char* p) {
  return (be16(p) << 16) | be16(p + 2);
}

ImageHeader png_header(std::istream& in, const unsigned char* first) {
  std::array<unsigned char, 24> head{};
  std::memcpy(head.data(), first, 2);
  in.read(reinterpret_cast<char*>(head.data() + 2), head.size() - 2);
  static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  if (in.gcount() < 22 || std::memcmp(head.data(), sig, 8) != 0 ||
      std::memcmp(head.data() + 12, "IHDR", 4) != 0)
    throw std::runtime_error("is not a PNG or JPEG file");
  return {core::ImageFormat::png, be32(head.data() + 16), be32(head.data() + 20)};
}

/// Walks the marker segments up to the frame header (SOFn). Only the frame
/// kinds PDF's DCTDecode and libharu both take are accepted: baseline,
/// extended sequential and progressive, Huffman-coded, 8-bit, grey or colour.
ImageHeader jpeg_header(std::istream& in) {
  // A marker segment is at most 65,535 bytes, and a sane file reaches its
  // frame header within a few of them; the count bounds a hostile file.
  for (int segments = 0; segments < 1000; ++segments) {
    int c = in.get();
    if (c != 0xFF) throw std::runtime_error("is a damaged JPEG file (no frame header)");
    while (c == 0xFF) c = in.get(); // fill bytes
    if (c == EOF) break;
    if (c == 0xD8 || c == 0x01 || (c >= 0xD0 && c <= 0xD7)) continue; // no length
    if (c == 0xD9 || c == 0xDA) break; // end of image or scan data before any frame
    unsigned char len_bytes[2];
    if (!in.read(reinterpret_cast<char*>(len_bytes), 2)) break;
    std::uint32_t len = be16(len_bytes);
    if (len < 2) break;
    bool sof = c >= 0xC0 && c <= 0xCF && c != 0xC4 && c != 0xC8 && c != 0xCC;
    if (!sof) {
      in.seekg(len - 2, std::ios::cur);
      continue;
    }
    if (c != 0xC0 && c != 0xC1 && c != 0xC2)
      throw std::runtime_error("is a lossless, hierarchical or arithmetic-coded JPEG");
    unsigned char frame[6];
    if (len < 8 || !in.read(reinterpret_cast<char*>(frame), 6)) break;
    if (frame[0] != 8) throw std::runtime_error("is a 12-bit JPEG");
    if (frame[5] == 4) throw std::runtime_error("is a CMYK JPEG");
    if (frame[5] != 1 && frame[5] != 3)
      throw std::runtime_error("is a JPEG with " + std::to_string(frame[5]) + " colour channels");
    return {core::ImageFormat::jpeg, be16(frame + 3), be16(frame + 1)};
  }
  throw std::runtime_error("is a damaged JPEG file (no frame header)");
}

using RsvgHandlePtr = core::CHandle<RsvgHandle, g_object_unref>;
using GErrorPtr = core::CHandle<GError, g_error_free>;

/// A side in CSS pixels as a whole number, 1 at least; refused past the bound
/// the caller checks (a huge number stays huge rather than wrapping).
std::uint32_t whole_pixels(double v) {
  if (!(v > 0)) throw std::runtime_error("has a width or height of zero");
  return v > 1e9 ? 1000000000u : static_cast<std::uint32_t>(std::max(1.0, std::ceil(v - 1e-6)));
}

} // namespace

bool looks_like_svg(const std::string& bytes) {
  std::size_t i = bytes.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  while (i < bytes.size() && std::strchr(" \t\r\n", bytes[i]) && bytes[i] != '\0') ++i;
  return i < bytes.size() && bytes[i] == '<';
}

ImageHeader probe_svg(const std::string& bytes) {
  GError* raw_error = nullptr;
  RsvgHandlePtr handle(rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()),
                                                 bytes.size(), &raw_error));
  GErrorPtr error(raw_error);
  if (!handle) {
    // libxml2's messages end in a newline: the error stays on one line.
    std::string why = error ? error->message : "unknown error";
    std::replace(why.begin(), why.end(), '\n', ' ');
    while (!why.empty() && why.back() == ' ') why.pop_back();
    throw std::runtime_error("is not an SVG file librsvg can read (" + why + ")");
  }
  rsvg_handle_set_dpi(handle.get(), 96);
  gdouble w = 0, h = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle.get(), &w, &h)) {
    // Percentages or no width/height: the viewBox gives the proportions.
    gboolean has_w = FALSE, has_h = FALSE, has_box = FALSE;
    RsvgLength lw{}, lh{};
    RsvgRectangle box{};
    rsvg_handle_get_intrinsic_dimensions(handle.get(), &has_w, &lw, &has_h, &lh, &has_box, &box);
    if (!has_box) {
      throw std::runtime_error("has no size: neither a width and height in absolute units nor "
                               "a viewBox");
    }
    w = box.width;
    h = box.height;
  }
  return {core::ImageFormat::svg, whole_pixels(w), whole_pixels(h)};
}

ImageHeader probe_image(std::istream& in) {
  unsigned char first[2] = {};
  in.read(reinterpret_cast<char*>(first), 2);
  if (in.gcount() == 2 && first[0] == 0xFF && first[1] == 0xD8) return jpeg_header(in);
  if (in.gcount() == 2 && first[0] == 0x89 && first[1] == 'P') return png_header(in, first);
  throw std::runtime_error("is not a PNG or JPEG file");
}

} // namespace baocao::input
