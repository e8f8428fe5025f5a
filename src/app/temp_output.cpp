#include "app/temp_output.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <mutex>
#include <unistd.h>

#include "core/error.hpp"

namespace baocao::app {
namespace fs = std::filesystem;

namespace {

// What the signal handler needs, set before it is armed: a handler may only
// make async-signal-safe calls, so each path is a fixed C string in a slot.
// A batch (app/batch.cpp) writes up to 256 files at once, one per thread.
constexpr size_t kSlots = 256;
enum SlotState : int { kFree, kFilling, kArmed };
struct Slot {
  std::atomic<int> state{kFree};
  char path[4096];
};
Slot g_slots[kSlots];
static_assert(std::atomic<int>::is_always_lock_free, "read in a signal handler");
constexpr std::array<int, 3> kSignals{SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[kSignals.size()];
std::mutex g_install_mutex; // guards g_installed and the handlers
int g_installed = 0;        // slots in use: the handlers are ours while > 0

extern "C" void remove_temp_and_die(int sig) {
  for (auto& slot : g_slots)
    if (slot.state.load() == kArmed) ::unlink(slot.path);
  // Die of the same signal, so the caller (a shell, make) sees what happened.
  ::signal(sig, SIG_DFL);
  ::raise(sig); // delivered when the handler returns
}

/// Takes a slot for the path; returns its index, or -1 (the file is then not
/// removed on a signal: a path too long to open, or more files than slots).
int arm(const fs::path& temp) {
  const std::string& s = temp.native();
  if (s.size() >= sizeof g_slots[0].path) return -1;
  for (size_t i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!g_slots[i].state.compare_exchange_strong(expected, kFilling)) continue;
    std::memcpy(g_slots[i].path, s.c_str(), s.size() + 1);
    {
      std::lock_guard lock(g_install_mutex);
      if (g_installed++ == 0) {
        struct sigaction sa {};
        sa.sa_handler = remove_temp_and_die;
        sigemptyset(&sa.sa_mask);
        for (int sig : kSignals) sigaddset(&sa.sa_mask, sig); // one cleanup at a time
        for (size_t k = 0; k < kSignals.size(); ++k) {
          ::sigaction(kSignals[k], nullptr, &g_previous[k]);
          // A signal the caller ignores (nohup, a background job) stays ignored.
          if (g_previous[k].sa_handler != SIG_IGN) ::sigaction(kSignals[k], &sa, nullptr);
        }
      }
    }
    g_slots[i].state.store(kArmed);
    return static_cast<int>(i);
  }
  return -1;
}

void disarm(int& slot) {
  if (slot < 0) return;
  g_slots[slot].state.store(kFree);
  slot = -1;
  std::lock_guard lock(g_install_mutex);
  if (--g_installed == 0)
    for (size_t k = 0; k < kSignals.size(); ++k) ::sigaction(kSignals[k], &g_previous[k], nullptr);
}

std::string cannot(const fs::path& target, const std::string& why) {
  return "cannot write " + target.string() + ": " + why;
}

/// True when the file's last bytes are a PDF's end marker: a painter whose
/// last buffered write was lost on closing (libharu does not check fclose)
/// leaves a file cut short.
bool ends_like_pdf(const fs::path& file) {
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) return false;
  std::streamoff size = in.tellg();
  std::streamoff n = std::min<std::streamoff>(size, 64);
  std::string tail(static_cast<size_t>(n), '\0');
  in.seekg(size - n);
  in.read(tail.data(), n);
  if (!in) return false;
  while (!tail.empty() && std::isspace(static_cast<unsigned char>(tail.back()))) tail.pop_back();
  return tail.ends_with("%%EOF");
}

} // namespace

TempOutput::TempOutput(fs::path target) : target_(std::move(target)) {
  fs::path dir = target_.parent_path().empty() ? fs::path(".") : target_.parent_path();
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw core::RuntimeError(cannot(target_, "no folder " + dir.string()));
  if (fs::is_directory(target_, ec)) throw core::RuntimeError(cannot(target_, "it is a folder"));
  temp_ = dir / ("." + target_.filename().string() + "." + std::to_string(::getpid()) + ".tmp");
  ::unlink(temp_.c_str()); // left by an earlier process of the same id, killed outright
  const char* fail = std::getenv("BAOCAO_TEST_FAIL_WRITE");
  if (fail && *fail) {
    if (::symlink("/dev/full", temp_.c_str()) != 0)
      throw core::RuntimeError(cannot(target_, std::strerror(errno)));
  } else {
    // Made here rather than by the painter, so that an unwritable folder is
    // told with the system's reason, and O_EXCL never follows a planted link.
    int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) throw core::RuntimeError(cannot(target_, std::strerror(errno)));
    ::close(fd);
  }
  slot_ = arm(temp_);
}

TempOutput::~TempOutput() {
  if (!committed_) ::unlink(temp_.c_str());
  disarm(slot_); // after the unlink: a signal in between finds nothing left to remove
}

void TempOutput::commit() {
  if (!ends_like_pdf(temp_))
    throw core::RuntimeError(cannot(target_, "the system refused to write it (is the disk full?)"));
  if (::rename(temp_.c_str(), target_.c_str()) != 0)
    throw core::RuntimeError(cannot(target_, std::strerror(errno)));
  committed_ = true;
  disarm(slot_);
}

void TempOutput::commit_text(const std::string& text) {
  {
    std::ofstream out(temp_, std::ios::binary | std::ios::trunc);
    out << text;
    out.close();
    if (!out)
      throw core::RuntimeError(
          cannot(target_, "the system refused to write it (is the disk full?)"));
  }
  if (::rename(temp_.c_str(), target_.c_str()) != 0)
    throw core::RuntimeError(cannot(target_, std::strerror(errno)));
  committed_ = true;
  disarm(slot_);
}

std::string TempOutput::explain(const std::string& message) const {
  std::string out = message;
  const std::string& temp = temp_.native();
  const std::string target = target_.string();
  for (size_t at = out.find(temp); at != std::string::npos; at = out.find(temp, at + target.size()))
    out.replace(at, temp.size(), target);
  return out;
}

} // namespace baocao::app
