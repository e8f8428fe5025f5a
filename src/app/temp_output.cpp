#include "app/temp_output.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <unistd.h>

#include "core/error.hpp"

namespace baocao::app {
namespace fs = std::filesystem;

namespace {

std::string cannot(const fs::path& target, const std::string& why) {
  return "cannot write " + target.string() + ": " + why;
}

/// True when the file's last bytes are a PDF's end marker: a painter whose
/// last buffered write was lost on closing (libharu does not check fclose)
/// leaves a file cut short.
bool ends_with_marker(const fs::path& file, const std::string& marker) {
  std::ifstream in(file, std::ios::binary | std::ios::ate);
  if (!in) return false;
  std::streamoff size = in.tellg();
  std::streamoff n = std::min<std::streamoff>(size, 64);
  std::string tail(static_cast<size_t>(n), '\0');
  in.seekg(size - n);
  in.read(tail.data(), n);
  if (!in) return false;
  while (!tail.empty() && std::isspace(static_cast<unsigned char>(tail.back()))) tail.pop_back();
  return tail.ends_with(marker);
}

/// Copies the file to standard output; false (errno set) when a write fails,
/// as on a closed pipe (SIGPIPE is ignored: main.cpp).
bool copy_to_stdout(const fs::path& file) {
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[65536];
  bool ok = true;
  for (ssize_t n; ok && (n = ::read(fd, buf, sizeof buf)) != 0;) {
    if (n < 0) {
      if (errno == EINTR) continue;
      ok = false;
      break;
    }
    for (ssize_t done = 0; done < n;) {
      ssize_t w = ::write(STDOUT_FILENO, buf + done, static_cast<size_t>(n - done));
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) {
        ok = false;
        break;
      }
      done += w;
    }
  }
  int saved = errno;
  ::close(fd);
  errno = saved;
  return ok;
}

fs::path stdout_temp_dir() {
  const char* tmp = std::getenv("TMPDIR");
  return tmp && *tmp ? fs::path(tmp) : fs::path("/tmp");
}

} // namespace

TempOutput::TempOutput(fs::path target)
    : target_(target == "-" ? fs::path("standard output") : target), to_stdout_(target == "-") {
  fs::path dir = to_stdout_                      ? stdout_temp_dir()
                 : target_.parent_path().empty() ? fs::path(".")
                                                 : target_.parent_path();
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    throw core::RuntimeError(cannot(target_, "no folder " + dir.string()));
  if (!to_stdout_ && fs::is_directory(target_, ec))
    throw core::RuntimeError(cannot(target_, "it is a folder"));
  const char* fail = std::getenv("BAOCAO_TEST_FAIL_WRITE");
  if (to_stdout_ && !(fail && *fail)) {
    // A shared folder: a name no other process can guess or plant.
    std::string name = (dir / ".baocao-stdout.XXXXXX").string();
    int fd = ::mkstemp(name.data());
    if (fd < 0) throw core::RuntimeError(cannot(target_, std::strerror(errno)));
    ::close(fd);
    temp_ = name;
    cleanup_.arm(temp_, SignalCleanup::Kind::file);
    return;
  }
  std::string name = to_stdout_ ? "baocao-stdout" : target_.filename().string();
  temp_ = dir / ("." + name + "." + std::to_string(::getpid()) + ".tmp");
  ::unlink(temp_.c_str()); // left by an earlier process of the same id, killed outright
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
  cleanup_.arm(temp_, SignalCleanup::Kind::file);
}

TempOutput::~TempOutput() {
  if (!committed_) ::unlink(temp_.c_str());
  cleanup_.disarm(); // after the unlink: a signal in between finds nothing left to remove
}

void TempOutput::check_whole(const std::string& end_marker) const {
  if (!ends_with_marker(temp_, end_marker))
    throw core::RuntimeError(cannot(target_, "the system refused to write it (is the disk full?)"));
}

void TempOutput::commit(const std::string& end_marker) {
  check_whole(end_marker);
  if (to_stdout_) {
    bool ok = copy_to_stdout(temp_);
    std::string why = std::strerror(errno);
    ::unlink(temp_.c_str());
    committed_ = true;
    cleanup_.disarm();
    if (!ok)
      throw core::RuntimeError("cannot write to standard output: " + why +
                               (errno == EPIPE ? " (the reading program stopped early)" : ""));
    return;
  }
  if (::rename(temp_.c_str(), target_.c_str()) != 0)
    throw core::RuntimeError(cannot(target_, std::strerror(errno)));
  committed_ = true;
  cleanup_.disarm();
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
  cleanup_.disarm();
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
