#include "core/data_dirs.hpp"

#include <cstdlib>

#include "core/error.hpp"

namespace baocao::core {
namespace {

bool has_templates(const std::filesystem::path& dir) {
  std::error_code ec;
  return std::filesystem::is_directory(dir / "templates", ec);
}

} // namespace

std::filesystem::path installed_data_dir() {
  // The running executable, not argv[0]: it is right whatever the caller's
  // PATH or working folder, and follows a prefix moved after installation.
  std::error_code ec;
  std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec || exe.empty()) return {};
  return (exe.parent_path().parent_path() / "share" / "baocao").lexically_normal();
}

std::filesystem::path data_dir() {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv("BAOCAO_DATA_DIR"); env && *env) {
    if (has_templates(env)) return env;
    throw RuntimeError(std::string("BAOCAO_DATA_DIR=") + env + " has no templates/ folder");
  }
  // An installed program (also under DESTDIR, from the .deb, or a moved
  // prefix) uses its own share/baocao and never the source tree; a build
  // runs in place from the source tree.
  fs::path installed = installed_data_dir();
  if (!installed.empty() && has_templates(installed)) return installed;
  for (const char* dir : {BAOCAO_SOURCE_DATA_DIR, BAOCAO_INSTALL_DATA_DIR}) {
    if (has_templates(dir)) return dir;
  }
  throw RuntimeError(std::string("cannot find baocao's templates/ and fonts/ (looked in ") +
                     (installed.empty() ? std::string() : installed.string() + ", ") +
                     BAOCAO_SOURCE_DATA_DIR + " and " + BAOCAO_INSTALL_DATA_DIR +
                     "); set BAOCAO_DATA_DIR to the folder that holds them");
}

} // namespace baocao::core
