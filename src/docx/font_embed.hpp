#pragma once
// Fonts carried inside a .docx as Word embeds them (ECMA-376 Part 1, 17.8.1):
// the file, its first 32 bytes XORed with a key that fontTable.xml names, so
// the part is not a plain font file. Only fonts whose licence bits allow it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace baocao::docx {

/// The OS/2 table's fsType of a TrueType or OpenType file; nullopt when it is
/// not one (a collection, too short, no OS/2 table).
std::optional<std::uint16_t> font_fs_type(std::string_view font);

/// Whether a document may carry the font: fsType installable (0) or editable
/// (bit 3), and not bitmap-only (bit 9). Restricted (bit 1) and preview & print
/// (bit 2) fonts are refused, and so is a file with no fsType.
bool embedding_allowed(std::string_view font);

/// "{8-4-4-4-12 hex digits}", a hash of the font's bytes: the same file always
/// gets the same key, so the package's bytes do not change between builds.
std::string font_key(std::string_view font);

/// The font with its first 32 bytes XORed with the key's 16 bytes, taken from
/// the key's hex digits in reverse order. Its own inverse.
std::string obfuscate(std::string font, std::string_view key);

} // namespace baocao::docx
