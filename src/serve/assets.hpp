#pragma once
// The editor's files (every file in src/serve/assets/), built into the program so the
// service needs no folder of its own to serve them.
#include <string>
#include <string_view>

namespace baocao::serve {

struct Asset {
  std::string_view path;       ///< "/" (index.html), "/editor.js", …
  std::string_view media_type; ///< with charset for text
  std::string_view bytes;
};

/// The asset served at `path`, or nullptr.
const Asset* find_asset(const std::string& path);

} // namespace baocao::serve
