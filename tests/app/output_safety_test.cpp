// Output safety: whatever stops a build (a signal, a full disk, a folder that
// cannot be written), the target is left as it was and no temporary file remains.
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <optional>
#include <set>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kOld = "the previous report, which must survive\n";

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

/// A tmpfs mounted over `dir` for the test's life, where this machine allows
/// mounting (root in CI); `ok()` is false elsewhere.
class Mount {
public:
  Mount(const fs::path& dir, const std::string& options) : dir_(dir) {
    std::string cmd = "mount -t tmpfs -o " + options + " tmpfs " + test::q(dir) + " 2>/dev/null";
    ok_ = std::system(cmd.c_str()) == 0;
  }
  ~Mount() {
    if (ok_) std::system(("umount " + test::q(dir_)).c_str());
  }
  Mount(const Mount&) = delete;
  Mount& operator=(const Mount&) = delete;
  bool ok() const { return ok_; }

private:
  fs::path dir_;
  bool ok_ = false;
};

/// Starts the built CLI with these arguments; returns its process id.
pid_t spawn(const std::vector<std::string>& args) {
  pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv{const_cast<char*>(BAOCAO_EXE)};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, 2);
    ::execv(BAOCAO_EXE, argv.data());
    ::_exit(127);
  }
  return pid;
}

/// The same words from either painter, and from the check that a finished
/// file ends like a PDF (where the last buffered write was lost unnoticed).
std::string disk_full(const fs::path& pdf) {
  return "baocao: cannot write " + pdf.string() +
         ": the system refused to write it (is the disk full?)\n";
}

bool has_temp(const fs::path& dir) {
  for (const auto& name : names_in(dir))
    if (name.ends_with(".tmp")) return true;
  return false;
}

} // namespace

TEST_CASE("a signal mid-build leaves the target as it was and no temporary file", "[app][safety]") {
  test::TempDir dir;
  fs::path yaml = dir / "big.yaml", pdf = dir / "big.pdf";
  // 20,000 awards take seconds to lay out: long enough to be interrupted.
  std::string gen = "bash " + test::q(test::repo_dir() / "examples/large-awards.sh") + " 20000 > " +
                    test::q(yaml);
  REQUIRE(std::system(gen.c_str()) == 0);
  test::write_file(pdf, kOld);

  auto [sig, backend] =
      GENERATE(std::pair{SIGINT, "cairo"}, std::pair{SIGTERM, "cairo"}, std::pair{SIGTERM, "haru"});
  INFO("signal " << sig << ", backend " << backend);
  pid_t pid = spawn({"build", yaml.string(), "-o", pdf.string(), "--backend", backend});
  REQUIRE(pid > 0);
  // Wait until the temporary file exists (the PDF is being made), then a bit more.
  auto start = Clock::now();
  while (!has_temp(dir.path()) && Clock::now() - start < std::chrono::seconds(60))
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  REQUIRE(has_temp(dir.path()));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  REQUIRE(::kill(pid, sig) == 0);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  auto took = Clock::now() - start;
  // It died of the signal (as a shell expects), promptly, not after finishing.
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == sig);
  CHECK(took < std::chrono::seconds(30));
  CHECK(names_in(dir.path()) == std::set<std::string>{"big.pdf", "big.yaml"});
  CHECK(test::read_file(pdf) == kOld);
}

TEST_CASE("an output path that is a folder is an error naming it, exit 1", "[app][safety]") {
  test::TempDir dir;
  fs::create_directory(dir / "out.pdf");
  auto backend = GENERATE("cairo", "haru");
  auto r = test::run_baocao("build " + test::q(test::example_path()) + " -o " +
                            test::q(dir / "out.pdf") + " --backend " + backend);
  CHECK(r.status == 1);
  CHECK(r.output == "baocao: cannot write " + (dir / "out.pdf").string() + ": it is a folder\n");
  CHECK(names_in(dir.path()) == std::set<std::string>{"out.pdf"});
  CHECK(fs::is_empty(dir / "out.pdf"));
}

TEST_CASE("an output folder that does not exist is an error naming it, exit 1", "[app][safety]") {
  test::TempDir dir;
  auto r = test::run_baocao("build " + test::q(test::example_path()) + " -o " +
                            test::q(dir / "no/out.pdf"));
  CHECK(r.status == 1);
  CHECK(r.output == "baocao: cannot write " + (dir / "no/out.pdf").string() + ": no folder " +
                        (dir / "no").string() + "\n");
  CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("an unwritable output folder is an error naming the target, exit 1", "[app][safety]") {
  test::TempDir dir;
  fs::path ro = dir / "ro";
  fs::create_directory(ro);
  // Root writes anywhere a permission allows nothing: a read-only mount stops it.
  std::optional<Mount> mount;
  std::string reason = "Permission denied";
  if (::geteuid() == 0) {
    mount.emplace(ro, "ro,size=64k");
    if (!mount->ok()) {
      WARN("cannot mount a read-only tmpfs here; not tested");
      return;
    }
    reason = "Read-only file system";
  } else {
    fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
  }
  auto backend = GENERATE("cairo", "haru");
  auto start = Clock::now();
  auto r = test::run_baocao("build " + test::q(test::example_path()) + " -o " +
                            test::q(ro / "out.pdf") + " --backend " + backend);
  CHECK(r.status == 1);
  CHECK(r.output == "baocao: cannot write " + (ro / "out.pdf").string() + ": " + reason + "\n");
  CHECK(fs::is_empty(ro));
  CHECK(Clock::now() - start < std::chrono::seconds(10));
  if (!mount) fs::permissions(ro, fs::perms::owner_all);
}

TEST_CASE("a full disk (injected: every write gets ENOSPC) is an error, target kept, exit 1",
          "[app][safety]") {
  test::TempDir dir;
  fs::path pdf = dir / "out.pdf";
  test::write_file(pdf, kOld);
  auto backend = GENERATE("cairo", "haru");
  auto r = test::run_baocao("build " + test::q(test::example_path()) + " -o " + test::q(pdf) +
                                " --backend " + backend,
                            "BAOCAO_TEST_FAIL_WRITE=1 ");
  INFO(r.output);
  CHECK(r.status == 1);
  // One line naming the target, never the temporary file.
  CHECK(r.output == disk_full(pdf));
  CHECK(names_in(dir.path()) == std::set<std::string>{"out.pdf"});
  CHECK(test::read_file(pdf) == kOld);
}

TEST_CASE("a full disk (a 64 KiB tmpfs) is an error, target kept, exit 1", "[app][safety]") {
  test::TempDir dir;
  fs::path small = dir / "small";
  fs::create_directory(small);
  Mount mount(small, "size=64k");
  if (!mount.ok()) {
    WARN("cannot mount a tmpfs here; the injected failure above stands in");
    return;
  }
  fs::path pdf = small / "out.pdf";
  test::write_file(pdf, kOld);
  auto backend = GENERATE("cairo", "haru");
  auto r = test::run_baocao("build " + test::q(test::example_path()) + " -o " + test::q(pdf) +
                            " --backend " + backend);
  INFO(r.output);
  CHECK(r.status == 1);
  CHECK(r.output == disk_full(pdf));
  CHECK(names_in(small) == std::set<std::string>{"out.pdf"});
  CHECK(test::read_file(pdf) == kOld);
}
