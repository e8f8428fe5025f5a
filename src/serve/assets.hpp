#pragma once
// The editor's files (src/serve/assets/), built into the program so the
// service needs no folder of its own to serve them.
#include <string>
#include <string_view>

namespace baocao::serve {

struct Asset {
  const char* path;       ///< "/", "/editor.js", "/editor.css"
  const char* media_type; ///< with charset
  std::string_view bytes;
};

/// The asset served at `path`, or nullptr.
const Asset* find_asset(const std::string& path);

} // namespace baocao::serve
