#include "core/data_dirs.hpp"

#include <cstdlib>

#include "core/error.hpp"

namespace baocao::core {

std::filesystem::path data_dir() {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (const char* env = std::getenv("BAOCAO_DATA_DIR"); env && *env) {
    if (fs::is_directory(fs::path(env) / "templates", ec)) return env;
    throw RuntimeError(std::string("BAOCAO_DATA_DIR=") + env + " has no templates/ folder");
  }
  for (const char* dir : {BAOCAO_SOURCE_DATA_DIR, BAOCAO_INSTALL_DATA_DIR}) {
    if (fs::is_directory(fs::path(dir) / "templates", ec)) return dir;
  }
  throw RuntimeError(std::string("cannot find baocao's templates/ and fonts/ (looked in ") +
                     BAOCAO_SOURCE_DATA_DIR + " and " + BAOCAO_INSTALL_DATA_DIR +
                     "); set BAOCAO_DATA_DIR to the folder that holds them");
}

} // namespace baocao::core
