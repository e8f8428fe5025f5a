#include "app/read_files.hpp"

#include <algorithm>
#include <cctype>
#include <sys/stat.h>

#include "core/data_dirs.hpp"

namespace baocao::app {
namespace fs = std::filesystem;

namespace {

bool stat_of(const fs::path& p, struct stat& st) {
  return ::stat(p.c_str(), &st) == 0;
}

} // namespace

void ReadFiles::add(const fs::path& file, std::string role) {
  struct stat st {};
  if (!stat_of(file, st)) return;
  files_.push_back({st.st_dev, st.st_ino, file.string(), std::move(role)});
}

void ReadFiles::add_fd(int fd, const std::string& name, std::string role) {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return; // a pipe or terminal is no file
  files_.push_back({st.st_dev, st.st_ino, name, std::move(role)});
}

void ReadFiles::add_folder(const fs::path& dir, std::string role) {
  folders_.push_back({dir, std::move(role)});
  walked_all_ = false;
}

const ReadFiles::File* ReadFiles::find(dev_t dev, ino_t ino) const {
  auto same = [&](const File& f) { return f.dev == dev && f.ino == ino; };
  if (auto it = std::find_if(files_.begin(), files_.end(), same); it != files_.end()) return &*it;
  if (!walked_all_) {
    // Walked only now that an output exists: most builds write a new file
    // and never pay for listing a large --font-dir.
    walked_.clear();
    for (const auto& folder : folders_) {
      std::error_code ec;
      for (fs::recursive_directory_iterator it(folder.dir, ec), end; !ec && it != end;
           it.increment(ec)) {
        struct stat st {};
        if (stat_of(it->path(), st) && S_ISREG(st.st_mode))
          walked_.push_back({st.st_dev, st.st_ino, it->path().string(), folder.role});
      }
    }
    walked_all_ = true;
  }
  auto it = std::find_if(walked_.begin(), walked_.end(), same);
  return it == walked_.end() ? nullptr : &*it;
}

void ReadFiles::check(dev_t dev, ino_t ino, const std::string& output) const {
  const File* f = find(dev, ino);
  if (!f) return;
  std::string same = fs::path(f->path).lexically_normal() == fs::path(output).lexically_normal()
                         ? ""
                         : " (" + f->path + ")";
  throw OutputOverInput("the output " + output + " is " + f->role + same +
                        "; nothing written (name another output file)");
}

void ReadFiles::refuse(const fs::path& output) const {
  struct stat st {};
  if (!stat_of(output, st)) return; // nothing there yet (or a dangling link): nothing to lose
  check(st.st_dev, st.st_ino, output.string());
}

void ReadFiles::refuse_fd(int fd, const std::string& name) const {
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) return;
  check(st.st_dev, st.st_ino, name);
}

ReadFiles data_files() {
  ReadFiles files;
  fs::path data = core::data_dir();
  files.add_folder(data / "templates", "a built-in template of baocao's");
  files.add_folder(data / "starters", "a starter report of baocao's");
  files.add_folder(data / "fonts", "a font baocao ships");
  return files;
}

bool has_extension(const std::string& name, const std::string& extension) {
  if (name.size() <= extension.size()) return false;
  return std::equal(extension.begin(), extension.end(), name.end() - extension.size(),
                    [](char a, char b) {
                      return std::tolower(static_cast<unsigned char>(a)) ==
                             std::tolower(static_cast<unsigned char>(b));
                    });
}

} // namespace baocao::app
