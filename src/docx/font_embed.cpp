#include "docx/font_embed.hpp"

#include <array>
#include <cstdio>

#include "core/error.hpp"

namespace baocao::docx {
namespace {

std::uint32_t be32(std::string_view s, size_t at) {
  auto b = [&](size_t i) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + i]));
  };
  return b(0) << 24 | b(1) << 16 | b(2) << 8 | b(3);
}

std::uint16_t be16(std::string_view s, size_t at) {
  auto b = [&](size_t i) {
    return static_cast<std::uint16_t>(static_cast<unsigned char>(s[at + i]));
  };
  return static_cast<std::uint16_t>(b(0) << 8 | b(1));
}

std::uint64_t fnv1a(std::string_view bytes, std::uint64_t basis) {
  std::uint64_t h = basis;
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

} // namespace

std::optional<std::uint16_t> font_fs_type(std::string_view font) {
  // The sfnt table directory: version, numTables, then 16-byte records
  // (tag, checksum, offset, length) from byte 12.
  if (font.size() < 12) return std::nullopt;
  std::uint32_t version = be32(font, 0);
  if (version != 0x00010000 && version != 0x74727565 /* true */ && version != 0x4F54544F /* OTTO */)
    return std::nullopt;
  std::uint16_t tables = be16(font, 4);
  for (size_t i = 0; i < tables; ++i) {
    size_t rec = 12 + 16 * i;
    if (rec + 16 > font.size()) return std::nullopt;
    if (font.substr(rec, 4) != "OS/2") continue;
    size_t at = be32(font, rec + 8);
    if (at + 10 > font.size()) return std::nullopt;
    return be16(font, at + 8); // version, xAvgCharWidth, weight, width, then fsType
  }
  return std::nullopt;
}

bool embedding_allowed(std::string_view font) {
  auto fs = font_fs_type(font);
  if (!fs) return false;
  if (*fs & 0x0200) return false; // bitmap embedding only
  if (*fs & 0x0008) return true;  // editable (the least restrictive bit wins)
  return (*fs & 0x000F) == 0;     // installable; restricted or preview & print refused
}

std::string font_key(std::string_view font) {
  std::uint64_t a = fnv1a(font, 0xcbf29ce484222325ULL);
  std::uint64_t b = fnv1a(font, a ^ 0x9e3779b97f4a7c15ULL);
  char buf[40];
  std::snprintf(buf, sizeof buf, "{%08X-%04X-%04X-%04X-%012llX}", static_cast<unsigned>(a >> 32),
                static_cast<unsigned>((a >> 16) & 0xFFFF), static_cast<unsigned>(a & 0xFFFF),
                static_cast<unsigned>(b >> 48),
                static_cast<unsigned long long>(b & 0xFFFFFFFFFFFFULL));
  return buf;
}

std::string obfuscate(std::string font, std::string_view key) {
  std::array<unsigned char, 16> bytes{};
  size_t n = 0;
  for (size_t i = 0; i + 1 < key.size() && n < bytes.size();) {
    int hi = hex_value(key[i]);
    if (hi < 0) {
      ++i; // braces and dashes
      continue;
    }
    int lo = hex_value(key[i + 1]);
    if (lo < 0) break;
    bytes[n++] = static_cast<unsigned char>(hi << 4 | lo);
    i += 2;
  }
  if (n != bytes.size()) throw core::RuntimeError("not a font key: " + std::string(key));
  for (size_t i = 0; i < 32 && i < font.size(); ++i)
    font[i] = static_cast<char>(static_cast<unsigned char>(font[i]) ^ bytes[15 - i % 16]);
  return font;
}

} // namespace baocao::docx
