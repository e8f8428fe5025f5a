#pragma once
// Where a character of the output was written in the input: layout finds the
// characters no font can draw, and this points the user back at the YAML.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_span.hpp"

namespace baocao::input {

struct TextOrigin {
  core::SourceSpan where; ///< the first text value holding the character
  std::string key_path;   ///< its key path, "sections[0].body[1]"
  int places = 0;         ///< how many text values hold it; 0: none (not found)
};

/// For each character, the first text value of the YAML document (in file
/// order) that holds it, or whose upper case does (upper-cased headings).
/// The text was parsed once already, so it is valid.
std::vector<TextOrigin> locate_characters(std::string_view yaml, const std::string& file,
                                          const std::vector<char32_t>& chars);

/// The same for a file (read again: this runs only when a build has found
/// a character to report).
std::vector<TextOrigin> locate_characters_in_file(const std::filesystem::path& file,
                                                  const std::vector<char32_t>& chars);

} // namespace baocao::input
