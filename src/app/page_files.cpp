#include "app/page_files.hpp"

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

#include "core/error.hpp"

namespace baocao::app {
namespace fs = std::filesystem;

namespace {

// The page temporaries are files "1", "2", … in one hidden folder, so that a
// signal handler (which may only make async-signal-safe calls) can remove
// them knowing only the folder and the count. Like TempOutput's, for SIGINT,
// SIGTERM and SIGHUP; the two are never armed at once.
char g_dir[4096];
volatile std::sig_atomic_t g_pages = 0;
volatile std::sig_atomic_t g_armed = 0;
constexpr std::array<int, 3> kSignals{SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[kSignals.size()];

/// dir + "/" + n into buf, with async-signal-safe code only.
void temp_name(char* buf, size_t size, const char* dir, int n) {
  size_t len = std::strlen(dir);
  char digits[16];
  int d = 0;
  do digits[d++] = static_cast<char>('0' + n % 10);
  while ((n /= 10) > 0 && d < 15);
  if (len + 2 + static_cast<size_t>(d) > size) return;
  std::memcpy(buf, dir, len);
  buf[len++] = '/';
  while (d > 0) buf[len++] = digits[--d];
  buf[len] = '\0';
}

void remove_all(const char* dir, int pages) {
  char name[sizeof g_dir + 16];
  for (int i = 1; i <= pages; ++i) {
    name[0] = '\0';
    temp_name(name, sizeof name, dir, i);
    if (name[0]) ::unlink(name);
  }
  ::rmdir(dir);
}

extern "C" void remove_pages_and_die(int sig) {
  if (g_armed) remove_all(g_dir, g_pages);
  ::signal(sig, SIG_DFL);
  ::raise(sig); // delivered when the handler returns: the caller sees the signal
}

void arm(const fs::path& dir) {
  std::memcpy(g_dir, dir.c_str(), dir.native().size() + 1);
  g_pages = 0;
  struct sigaction sa {};
  sa.sa_handler = remove_pages_and_die;
  sigemptyset(&sa.sa_mask);
  for (int sig : kSignals) sigaddset(&sa.sa_mask, sig);
  for (size_t i = 0; i < kSignals.size(); ++i) {
    ::sigaction(kSignals[i], nullptr, &g_previous[i]);
    if (g_previous[i].sa_handler != SIG_IGN) ::sigaction(kSignals[i], &sa, nullptr);
  }
  g_armed = 1;
}

void disarm() {
  if (!g_armed) return;
  g_armed = 0;
  for (size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &g_previous[i], nullptr);
}

} // namespace

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
  if (!committed_) remove_all(temp_dir_.c_str(), static_cast<int>(temps_.size()));
  disarm(); // after removing: a signal in between finds nothing left to remove
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
    if (temp.native().size() + 16 >= sizeof g_dir)
      throw core::RuntimeError("cannot write " + target.string() + ": the path is too long");
    fs::remove_all(temp, ec); // left by an earlier process of the same id, killed outright
    if (::mkdir(temp.c_str(), 0777) != 0)
      throw core::RuntimeError("cannot write " + target.string() + ": " + std::strerror(errno));
    temp_dir_ = temp;
    arm(temp_dir_);
  }
  targets_.push_back(target);
  temps_.push_back(temp_dir_ / std::to_string(temps_.size() + 1));
  g_pages = static_cast<int>(temps_.size());
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
  disarm();
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
