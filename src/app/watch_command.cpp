#include "app/watch_command.hpp"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <map>
#include <poll.h>
#include <set>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "app/build.hpp"
#include "app/build_args.hpp"
#include "app/read_files.hpp"
#include "core/error.hpp"

namespace baocao::app {
namespace fs = std::filesystem;
namespace {

constexpr const char* kWatchUsage = R"(Usage: baocao watch FILE [build options]

Builds FILE once, then again each time it is saved (and its template, when
the report names a template file, and the images it shows), printing
"wrote OUT (N pages) in 0.12 s" or the error, as build does, and keeps
watching. Saves within 200 ms of each other make one rebuild. Stops, with
status 0, on Ctrl-C (SIGINT) or SIGTERM. Takes every build option (see
baocao --help), such as -o, --template, --format png.

Example:
  baocao watch examples/phu-tho-2010-2015.yaml -o /tmp/report.pdf
)";

constexpr int kDebounceMs = 200;

/// A file descriptor, closed on destruction.
class Fd {
public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }

private:
  int fd_;
};

fs::path normal(const fs::path& p) {
  return fs::absolute(p).lexically_normal();
}

/// Watches the folders of the files a build read: editors save by writing a
/// new file and renaming it over the old one, which a watch on the file
/// itself would lose.
class FolderWatch {
public:
  FolderWatch() : fd_(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_.get() < 0) throw core::RuntimeError("watch: cannot start inotify");
  }
  int fd() const { return fd_.get(); }

  /// Watches `files` (adding to what is watched: a build that fails reads less).
  void add(const std::vector<fs::path>& files) {
    for (const auto& f : files) {
      fs::path file = normal(f);
      files_.insert(file);
      int wd =
          ::inotify_add_watch(fd_.get(), file.parent_path().c_str(),
                              IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_MODIFY);
      if (wd >= 0) folders_[wd] = file.parent_path();
    }
  }

  /// Reads the waiting events; true when one is about a watched file.
  bool changed() {
    bool any = false;
    alignas(inotify_event) char buf[16384];
    for (;;) {
      ssize_t n = ::read(fd_.get(), buf, sizeof buf);
      if (n <= 0) return any;
      for (char* p = buf; p < buf + n;) {
        const auto* e = reinterpret_cast<const inotify_event*>(p);
        auto folder = folders_.find(e->wd);
        if (e->len > 0 && folder != folders_.end() && files_.count(folder->second / e->name))
          any = true;
        p += sizeof(inotify_event) + e->len;
      }
    }
  }

private:
  Fd fd_;
  std::map<int, fs::path> folders_;
  std::set<fs::path> files_;
};

/// SIGINT and SIGTERM, blocked and read from a descriptor, so a signal that
/// comes during a build lets it finish (and its temporary file go) first.
class StopSignals {
public:
  StopSignals() : fd_(make()) {
    if (fd_.get() < 0) throw core::RuntimeError("watch: cannot receive signals");
  }
  ~StopSignals() { ::sigprocmask(SIG_SETMASK, &old_, nullptr); }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  int fd() const { return fd_.get(); }
  /// Takes the waiting signal, so that it is not delivered once unblocked.
  void consume() {
    signalfd_siginfo info;
    [[maybe_unused]] ssize_t n = ::read(fd_.get(), &info, sizeof info);
  }

private:
  int make() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    ::sigprocmask(SIG_BLOCK, &set, &old_);
    return ::signalfd(-1, &set, SFD_CLOEXEC);
  }
  sigset_t old_{};
  Fd fd_;
};

/// One build, reported as `baocao build` reports it, with its time.
std::vector<fs::path> build_once(const BuildOptions& options, std::ostream& out, std::ostream& err,
                                 bool first) {
  auto start = std::chrono::steady_clock::now();
  try {
    BuildResult result = build(options, out);
    for (const auto& w : result.warnings) err << "warning: " << w << "\n";
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    char took[32];
    std::snprintf(took, sizeof took, "%.2f s", s);
    if (!result.output.empty())
      err << "wrote " << result.output.string() << " (" << pages_text(result.pages) << ") in "
          << took << "\n";
    err.flush();
    return result.sources;
  } catch (const OutputOverInput& e) {
    if (first) throw; // refused at start: watching would replace the file on every save
    err << "baocao: " << e.what() << "\n";
  } catch (const core::InputError& e) {
    err << e.what() << "\n";
  } catch (const std::exception& e) {
    err << "baocao: " << e.what() << "\n";
  }
  err.flush();
  return {};
}

} // namespace

int run_watch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (asks_for_help(args)) {
    out << kWatchUsage;
    return 0;
  }
  BuildOptions options = parse_build(args);
  if (options.input == "-") throw UsageError("watch needs a file, not standard input");
  if (options.output == "-")
    throw UsageError("watch writes a file on each save; -o - (standard output) is for build");
  fs::path folder = normal(options.input).parent_path();
  std::error_code ec;
  if (!fs::is_directory(folder, ec))
    throw UsageError("watch " + options.input + ": no folder " + folder.string());

  StopSignals stop;
  FolderWatch watch;
  watch.add({options.input});
  watch.add(build_once(options, out, err, true));

  bool pending = false;
  for (;;) {
    pollfd fds[2] = {{stop.fd(), POLLIN, 0}, {watch.fd(), POLLIN, 0}};
    int n = ::poll(fds, 2, pending ? kDebounceMs : -1);
    if (n < 0 && errno != EINTR) throw core::RuntimeError("watch: poll failed");
    if (fds[0].revents & POLLIN) {
      stop.consume();
      return 0;
    }
    if (n > 0 && (fds[1].revents & POLLIN)) {
      // Another save within the debounce time starts the wait again.
      if (watch.changed()) pending = true;
      continue;
    }
    if (n == 0 && pending) {
      pending = false;
      watch.add(build_once(options, out, err, false));
    }
  }
}

} // namespace baocao::app
