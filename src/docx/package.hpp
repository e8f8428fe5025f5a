#pragma once
// A ZIP package (the container of a .docx) written deterministically: the
// entries in the order added, each deflated at one fixed level, dated
// 1980-01-01 00:00, with no extra fields and no archive comment, so the same
// entries give the same bytes on every machine and every day.
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace baocao::docx {

class Package {
public:
  /// An entry, e.g. "word/document.xml"; a name added twice is a RuntimeError at write().
  void add(std::string name, std::string bytes);
  /// Writes the archive at `path`, replacing what is there (libzip writes a
  /// temporary beside it and renames it). Throws core::RuntimeError naming the path.
  void write(const std::filesystem::path& path) const;

  const std::vector<std::pair<std::string, std::string>>& entries() const { return entries_; }

private:
  std::vector<std::pair<std::string, std::string>> entries_;
};

} // namespace baocao::docx
