#pragma once
// The files a command reads, so that no output ever lands on one of them
// (issue 19: `-o r.yaml` used to replace the report with its PDF).
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

#include "app/usage_error.hpp"

namespace baocao::app {

/// An output that would replace a file the command reads: a usage error
/// (exit 2), raised before anything is written.
struct OutputOverInput : UsageError {
  using UsageError::UsageError;
};

/// Files by device and inode (links followed), each with its role in words
/// ("the report being built"), and folders whose every file is read (fonts).
class ReadFiles {
public:
  /// A file that does not exist (yet) is skipped: no output can be it.
  void add(const std::filesystem::path& file, std::string role);
  /// The open file `fd` (standard input when it is a regular file).
  void add_fd(int fd, const std::string& name, std::string role);
  /// Every regular file below `dir`, walked only when an output already exists.
  void add_folder(const std::filesystem::path& dir, std::string role);

  /// Throws OutputOverInput when `output` (followed through links) is one of
  /// the files read, naming both roles: "the output r.yaml is the report being built".
  void refuse(const std::filesystem::path& output) const;
  /// The same for an open output (standard output redirected to a file).
  void refuse_fd(int fd, const std::string& name) const;

private:
  struct File {
    dev_t dev;
    ino_t ino;
    std::string path;
    std::string role;
  };
  struct Folder {
    std::filesystem::path dir;
    std::string role;
  };
  const File* find(dev_t dev, ino_t ino) const;
  void check(dev_t dev, ino_t ino, const std::string& output) const;

  std::vector<File> files_;
  std::vector<Folder> folders_;
  mutable std::vector<File> walked_; ///< the folders' files, once walked
  mutable bool walked_all_ = false;
};

/// The files of baocao's data folder (templates, starters, fonts): what `init`
/// and `schema -o` must never replace.
ReadFiles data_files();

/// Whether `name` ends in `extension` (".pdf"), ignoring case.
bool has_extension(const std::string& name, const std::string& extension);

} // namespace baocao::app
