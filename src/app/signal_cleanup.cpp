#include "app/signal_cleanup.hpp"

#include <array>
#include <atomic>
#include <csignal>
#include <cstring>
#include <mutex>
#include <unistd.h>

namespace baocao::app {
namespace {

constexpr size_t kSlots = 256;
enum SlotState : int { kFree, kFilling, kArmed };
struct Slot {
  std::atomic<int> state{kFree};
  std::atomic<int> kind{0};
  std::atomic<int> pages{0};
  char path[4096];
};
Slot g_slots[kSlots];
static_assert(std::atomic<int>::is_always_lock_free, "read in a signal handler");
constexpr std::array<int, 3> kSignals{SIGINT, SIGTERM, SIGHUP};
struct sigaction g_previous[kSignals.size()];
std::mutex g_install_mutex; // guards g_installed and the handlers
int g_installed = 0;        // places armed: the handlers are ours while > 0

/// dir + "/" + n into buf, with async-signal-safe code only.
void page_name(char* buf, size_t size, const char* dir, int n) {
  size_t len = std::strlen(dir);
  char digits[16];
  int d = 0;
  do digits[d++] = static_cast<char>('0' + n % 10);
  while ((n /= 10) > 0 && d < 15);
  buf[0] = '\0';
  if (len + 2 + static_cast<size_t>(d) > size) return;
  std::memcpy(buf, dir, len);
  buf[len++] = '/';
  while (d > 0) buf[len++] = digits[--d];
  buf[len] = '\0';
}

extern "C" void remove_temporaries_and_die(int sig) {
  for (auto& slot : g_slots) {
    if (slot.state.load() != kArmed) continue;
    if (slot.kind.load() == static_cast<int>(SignalCleanup::Kind::file))
      ::unlink(slot.path);
    else
      remove_page_folder(slot.path, slot.pages.load());
  }
  // Die of the same signal, so the caller (a shell, make) sees what happened.
  ::signal(sig, SIG_DFL);
  ::raise(sig); // delivered when the handler returns
}

} // namespace

void remove_page_folder(const char* dir, int pages) {
  char name[sizeof g_slots[0].path + 16];
  for (int i = 1; i <= pages; ++i) {
    page_name(name, sizeof name, dir, i);
    if (name[0]) ::unlink(name);
  }
  ::rmdir(dir);
}

void SignalCleanup::arm(const std::filesystem::path& path, Kind kind) {
  disarm();
  const std::string& s = path.native();
  if (s.size() >= sizeof g_slots[0].path) return;
  for (size_t i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!g_slots[i].state.compare_exchange_strong(expected, kFilling)) continue;
    std::memcpy(g_slots[i].path, s.c_str(), s.size() + 1);
    g_slots[i].kind.store(static_cast<int>(kind));
    g_slots[i].pages.store(0);
    {
      std::lock_guard lock(g_install_mutex);
      if (g_installed++ == 0) {
        struct sigaction sa {};
        sa.sa_handler = remove_temporaries_and_die;
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
    slot_ = static_cast<int>(i);
    return;
  }
}

void SignalCleanup::set_pages(int pages) {
  if (slot_ >= 0) g_slots[slot_].pages.store(pages);
}

void SignalCleanup::disarm() {
  if (slot_ < 0) return;
  g_slots[slot_].state.store(kFree);
  slot_ = -1;
  std::lock_guard lock(g_install_mutex);
  if (--g_installed == 0)
    for (size_t k = 0; k < kSignals.size(); ++k) ::sigaction(kSignals[k], &g_previous[k], nullptr);
}

} // namespace baocao::app
