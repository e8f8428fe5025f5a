#pragma once
// What SIGINT, SIGTERM or SIGHUP remove before the process dies of the signal:
// the temporary files of the outputs being written (app/temp_output) and the
// hidden folders of page previews (app/page_files). One registry for both, so
// a batch's threads may each write either at once.
#include <filesystem>

namespace baocao::app {

/// A place in the registry (256 of them; a batch has at most 256 threads).
/// The handler may only make async-signal-safe calls, so each path is copied
/// into a fixed C string when armed. Not armed (nothing removed on a signal)
/// when every place is taken or the path is longer than 4,000 bytes.
class SignalCleanup {
public:
  enum class Kind {
    file,       ///< one temporary file
    page_folder ///< a folder of files named 1, 2, … up to pages(), then the folder
  };
  SignalCleanup() = default;
  ~SignalCleanup() { disarm(); }
  SignalCleanup(const SignalCleanup&) = delete;
  SignalCleanup& operator=(const SignalCleanup&) = delete;

  void arm(const std::filesystem::path& path, Kind kind);
  /// For a page folder: how many page files it holds now.
  void set_pages(int pages);
  /// Forgets the path (it has been renamed or removed); the handlers go when
  /// no place is armed.
  void disarm();

private:
  int slot_ = -1;
};

/// Removes a page folder's files 1..pages and then the folder, with
/// async-signal-safe calls only (the same code the handler runs).
void remove_page_folder(const char* dir, int pages);

} // namespace baocao::app
