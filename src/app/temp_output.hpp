#pragma once
// The PDF is written to a temporary file beside the target and renamed over
// it only when complete, so a failed or interrupted build leaves the target
// as it was and no temporary file behind.
#include <filesystem>
#include <string>

#include "app/signal_cleanup.hpp"

namespace baocao::app {

/// `.<name>.<pid>.tmp` beside the target. While any exist (a batch writes
/// several at once), SIGINT, SIGTERM and SIGHUP remove every temporary file before the process dies
/// of the signal. Test hook: with BAOCAO_TEST_FAIL_WRITE set in the environment the temporary file
/// is a link to /dev/full, so every write fails as on a full disk (the kernel's ENOSPC, through the
/// painters' own error paths).
class TempOutput {
public:
  /// Creates the (empty) temporary file. Throws core::RuntimeError naming the
  /// target when its folder is missing or not writable, or the target is a folder.
  /// The target "-" is standard output (`-o -`): the temporary goes in $TMPDIR
  /// (or /tmp), and commit() copies it there, so a failed build writes nothing
  /// there either. (A file named "-" is `./-`.)
  explicit TempOutput(std::filesystem::path target);
  ~TempOutput();
  TempOutput(const TempOutput&) = delete;
  TempOutput& operator=(const TempOutput&) = delete;

  const std::filesystem::path& path() const { return temp_; }
  /// Renames the temporary file over the target (or copies it to standard
  /// output), once it is whole: its last bytes are `end_marker`. A closed
  /// standard output is a RuntimeError.
  void commit(const std::string& end_marker = "%%EOF");
  /// The check commit() makes first, alone: throws core::RuntimeError unless
  /// the temporary ends with `end_marker` (several files renamed together
  /// are all checked before the first is renamed).
  void check_whole(const std::string& end_marker = "%%EOF") const;
  /// Writes `text` (a YAML starter, a JSON schema) to the temporary file and
  /// renames it over the target; a failed write is a RuntimeError.
  void commit_text(const std::string& text);
  /// A painter's message about the temporary file, told about the target.
  std::string explain(const std::string& message) const;

private:
  std::filesystem::path target_;
  bool to_stdout_ = false;
  std::filesystem::path temp_;
  bool committed_ = false;
  SignalCleanup cleanup_; ///< removes the file on SIGINT, SIGTERM, SIGHUP
};

} // namespace baocao::app
