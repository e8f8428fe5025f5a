#include "input/image_probe.hpp"

#include <array>
#include <cstring>
#include <stdexcept>

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

} // namespace

ImageHeader probe_image(std::istream& in) {
  unsigned char first[2] = {};
  in.read(reinterpret_cast<char*>(first), 2);
  if (in.gcount() == 2 && first[0] == 0xFF && first[1] == 0xD8) return jpeg_header(in);
  if (in.gcount() == 2 && first[0] == 0x89 && first[1] == 'P') return png_header(in, first);
  throw std::runtime_error("is not a PNG or JPEG file");
}

} // namespace baocao::input
