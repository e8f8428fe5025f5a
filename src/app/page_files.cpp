#include "app/page_files.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
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
  if (temp_dir_.empty()) return;
  if (!committed_) remove_page_folder(temp_dir_.c_str(), static_cast<int>(temps_.size()));
  cleanup_.disarm(); // after removing: a signal in between finds nothing left to remove
}

fs::path PageFiles::temp_for(int page) {
  fs::path target = page_file(pattern_, page);
  if (temp_dir_.empty()) {
    fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::error_code ec;
    if (!fs::is_directory(dir, ec))
      throw core::RuntimeError("cannot write " + target.string() + ": no folder " + dir.string());
    std::string name = fs::path(pattern_).filename().string();
    for (size_t at = name.find("{p}"); at != std::string::npos; at = name.find("{p}", at))
      name.replace(at, 3, "NN");
    fs::path temp = dir / ("." + name + "." + std::to_string(::getpid()) + ".tmp");
    fs::remove_all(temp, ec); // left by an earlier process of the same id, killed outright
    if (::mkdir(temp.c_str(), 0777) != 0)
      throw core::RuntimeError("cannot write " + target.string() + ": " + std::strerror(errno));
    temp_dir_ = temp;
    cleanup_.arm(temp_dir_, SignalCleanup::Kind::page_folder);
  }
  targets_.push_back(target);
  temps_.push_back(temp_dir_ / std::to_string(temps_.size() + 1));
  cleanup_.set_pages(static_cast<int>(temps_.size()));
  return temps_.back();
}

void PageFiles::commit() {
  for (size_t i = 0; i < temps_.size(); ++i) {
    if (::rename(temps_[i].c_str(), targets_[i].c_str()) != 0)
      throw core::RuntimeError("cannot write " + targets_[i].string() + ": " +
                               std::strerror(errno));
  }
  ::rmdir(temp_dir_.c_str());
  committed_ = true;
  cleanup_.disarm();
}

std::string PageFiles::explain(const std::string& message) const {
  std::string out = message;
  for (size_t i = temps_.size(); i-- > 0;) { // ".tmp/12" before ".tmp/1"
    const std::string& temp = temps_[i].native();
    for (size_t at = out.find(temp); at != std::string::npos; at = out.find(temp, at + 1))
      out.replace(at, temp.size(), targets_[i].string());
  }
  return out;
}

} // namespace baocao::app
