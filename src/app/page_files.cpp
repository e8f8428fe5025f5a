#include "app/page_files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

#include "core/error.hpp"

namespace baocao::app {
namespace fs = std::filesystem;

std::string page_pattern(const std::string& input, const std::string& output,
                         const std::string& extension) {
  if (output.find("{p}") != std::string::npos) return output;
  fs::path base = output.empty() ? fs::path(input) : fs::path(output);
  return (base.parent_path() / base.stem()).string() + "-{p}" + extension;
}

fs::path page_file(const std::string& pattern, int page) {
  char number[16];
  std::snprintf(number, sizeof number, "%02d", page);
  std::string out = pattern;
  for (size_t at = out.find("{p}"); at != std::string::npos; at = out.find("{p}", at))
    out.replace(at, 3, number);
  return out;
}

PageFiles::~PageFiles() {
  if (committed_) return;
  for (const auto& t : temps_) ::unlink(t.c_str());
}

fs::path PageFiles::temp_for(int page) {
  fs::path target = page_file(pattern_, page);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw core::RuntimeError("cannot write " + target.string() + ": no folder " + dir.string());
  fs::path temp =
      dir / ("." + target.filename().string() + "." + std::to_string(::getpid()) + ".tmp");
  targets_.push_back(target);
  temps_.push_back(temp);
  return temp;
}

void PageFiles::commit() {
  for (size_t i = 0; i < temps_.size(); ++i) {
    if (::rename(temps_[i].c_str(), targets_[i].c_str()) != 0)
      throw core::RuntimeError("cannot write " + targets_[i].string() + ": " +
                               std::strerror(errno));
  }
  committed_ = true;
}

std::string PageFiles::explain(const std::string& message) const {
  std::string out = message;
  for (size_t i = 0; i < temps_.size(); ++i) {
    const std::string& temp = temps_[i].native();
    for (size_t at = out.find(temp); at != std::string::npos; at = out.find(temp, at + 1))
      out.replace(at, temp.size(), targets_[i].string());
  }
  return out;
}

} // namespace baocao::app
