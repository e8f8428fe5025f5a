#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <functional>
#include <regex>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "support/pdf_reader.hpp"
#include "support/test_support.hpp"

using namespace baocao;
namespace fs = std::filesystem;

namespace {

/// Polls `done` every 50 ms for up to 20 s: a loaded machine may be slow,
/// and nothing here depends on how fast it is.
bool wait_for(const std::function<bool()>& done) {
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < until) {
    if (done()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return done();
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// Saves as editors do: a new file renamed over the old one.
void save(const fs::path& file, const std::string& text) {
  test::write_file(file.string() + ".new", text);
  fs::rename(file.string() + ".new", file);
}

/// `baocao watch ARGS…` in the background, its standard error to `log`.
pid_t spawn_watch(const fs::path& log, const std::vector<std::string>& args) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 2);
    std::vector<char*> argv{const_cast<char*>(BAOCAO_EXE), const_cast<char*>("watch")};
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    ::execv(BAOCAO_EXE, argv.data());
    ::_exit(127);
  }
  return pid;
}

} // namespace

TEST_CASE("watch rebuilds when the template file the report names is saved", "[watch]") {
  test::TempDir dir;
  fs::path log = dir / "watch.log";
  std::string text = test::read_file(test::data_dir() / "input/good/minimal.yaml");
  test::write_file(dir / "r.yaml",
                   std::regex_replace(text, std::regex("template: dang"), "template: mine.yaml"));
  std::string tmpl = test::read_file(test::data_dir() / "input/good/template_extends_dang.yaml");
  test::write_file(dir / "mine.yaml", tmpl);
  pid_t pid = spawn_watch(log, {(dir / "r.yaml").string()});
  REQUIRE(pid > 0);
  auto logged = [&] { return fs::exists(log) ? test::read_file(log) : std::string(); };
  REQUIRE(wait_for([&] { return count(logged(), "wrote ") == 1; }));
  save(dir / "mine.yaml", tmpl + "# saved again\n");
  CHECK(wait_for([&] { return count(logged(), "wrote ") == 2; }));
  ::kill(pid, SIGINT);
  int status = -1;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  INFO(logged());
}

TEST_CASE("watch rebuilds when a table's CSV data file is saved", "[watch][data]") {
  test::TempDir dir;
  fs::path log = dir / "watch.log";
  test::write_file(dir / "r.yaml", test::read_file(test::data_dir() / "input/good/minimal.yaml") +
                                       "      - table:\n"
                                       "          columns: [Đơn vị, Số]\n"
                                       "          rows_from: so-lieu.csv\n");
  test::write_file(dir / "so-lieu.csv", "Chi bộ 1;12\n");
  pid_t pid = spawn_watch(log, {(dir / "r.yaml").string()});
  REQUIRE(pid > 0);
  auto logged = [&] { return fs::exists(log) ? test::read_file(log) : std::string(); };
  REQUIRE(wait_for([&] { return count(logged(), "wrote ") == 1; }));
  save(dir / "so-lieu.csv", "Chi bộ 1;12\nChi bộ 2;30\n");
  CHECK(wait_for([&] { return count(logged(), "wrote ") == 2; }));
  std::string all;
  for (const auto& page : test::read_pdf(dir / "r.pdf").page_text) all += test::squash(page);
  CHECK(all.find("Chi bộ 2") != std::string::npos);
  ::kill(pid, SIGINT);
  int status = -1;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  INFO(logged());
}

TEST_CASE("watch rebuilds on save, reports errors and keeps going, stops on SIGTERM", "[watch]") {
  test::TempDir dir;
  fs::path report = dir / "r.yaml", pdf = dir / "r.pdf", log = dir / "watch.log";
  std::string text = test::read_file(test::data_dir() / "input/good/minimal.yaml");
  test::write_file(report, text);

  pid_t pid = spawn_watch(log, {report.string()});
  REQUIRE(pid > 0);
  auto alive = [pid] {
    int status = 0;
    return ::waitpid(pid, &status, WNOHANG) == 0;
  };
  auto logged = [&] { return fs::exists(log) ? test::read_file(log) : std::string(); };

  REQUIRE(wait_for([&] { return count(logged(), "wrote ") == 1; }));
  CHECK(std::regex_search(logged(), std::regex(R"(wrote .*r\.pdf \(1 page\) in \d+\.\d\d s)")));
  CHECK(test::squash(test::read_pdf(pdf).page_text[0]).find("59 cơ sở") != std::string::npos);

  // Broken: the error (as build gives it), and watch is still running.
  save(report, text + "sections: [\n");
  CHECK(wait_for([&] { return logged().find("r.yaml:") != std::string::npos; }));
  CHECK(alive());

  // Fixed, with new text: a new PDF holds it.
  save(report, std::regex_replace(text, std::regex("59 cơ sở"), "61 cơ sở"));
  REQUIRE(wait_for([&] { return count(logged(), "wrote ") == 2; }));
  CHECK(test::squash(test::read_pdf(pdf).page_text[0]).find("61 cơ sở") != std::string::npos);
  CHECK(alive());

  ::kill(pid, SIGTERM);
  int status = -1;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  for (const auto& e : fs::directory_iterator(dir.path())) CHECK(e.path().extension() != ".tmp");
  INFO(logged());
}

TEST_CASE("watch --help shows an example; watch needs a file", "[watch]") {
  auto r = test::run_baocao("watch --help");
  CHECK(r.status == 0);
  CHECK(r.output.find("Example:\n  baocao watch ") != std::string::npos);
  CHECK(test::run_baocao("watch").status == 2);
  CHECK(test::run_baocao("watch -").status == 2);
  CHECK(test::run_baocao("watch /no/such/folder/r.yaml").status == 2);
  CHECK(test::run_baocao("--help").output.find("watch") != std::string::npos);
}
