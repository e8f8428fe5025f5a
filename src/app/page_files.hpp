#pragma once
// Names and temporaries of page preview files (build --format png|svg).
#include <filesystem>
#include <string>
#include <vector>

#include "app/signal_cleanup.hpp"

namespace baocao::app {

/// Where page files go: `-o` as given when it holds {p}, else its stem (or
/// the input's, beside it) + "-{p}" + the format's extension.
std::string page_pattern(const std::string& input, const std::string& output,
                         const std::string& extension);

/// The pattern with {p} replaced by the page number, zero-padded to 2
/// digits: the page count is not known while pages stream out, and 2 digits
/// keep a report of up to 99 pages in order when names are sorted.
std::filesystem::path page_file(const std::string& pattern, int page);

/// Each page is written to a file in a hidden folder `.<name>.<pid>.tmp`
/// beside the page files; commit() renames them all into place, so a failed
/// build leaves no page file, new or half-written. Uncommitted temporaries
/// are removed on destruction, and by SIGINT, SIGTERM or SIGHUP before the
/// process dies of it.
class PageFiles {
public:
  explicit PageFiles(std::string pattern) : pattern_(std::move(pattern)) {}
  ~PageFiles();
  PageFiles(const PageFiles&) = delete;
  PageFiles& operator=(const PageFiles&) = delete;

  /// The temporary to write page `page` to. Throws core::RuntimeError when
  /// the target's folder is missing.
  std::filesystem::path temp_for(int page);
  void commit();
  const std::vector<std::filesystem::path>& targets() const { return targets_; }
  /// A painter's message about a temporary file, told about its target.
  std::string explain(const std::string& message) const;

private:
  std::string pattern_;
  std::filesystem::path temp_dir_; ///< made with the first page
  std::vector<std::filesystem::path> targets_, temps_;
  bool committed_ = false;
  SignalCleanup cleanup_; ///< the folder and its pages, on SIGINT, SIGTERM, SIGHUP
};

} // namespace baocao::app
