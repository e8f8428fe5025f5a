#pragma once
// Helpers shared by the tests: where things are, temporary folders, running the CLI.
#include <filesystem>
#include <string>

namespace baocao::test {

std::filesystem::path repo_dir();
std::filesystem::path data_dir(); ///< tests/data
std::filesystem::path example_path();

/// A fresh empty folder under the system temp dir, removed when this object dies.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
  std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, const std::string& content);

struct CommandResult {
  int status = -1;    ///< exit status
  std::string output; ///< stdout and stderr together
};
/// The path in single quotes, for a shell command line.
std::string q(const std::filesystem::path& p);

/// Runs a shell command, its stdout and stderr together.
CommandResult run_command(const std::string& command);
/// Runs the built baocao executable with these arguments (a shell-quoted
/// string), after `env` (shell variable assignments such as "A='b' ").
CommandResult run_baocao(const std::string& args, const std::string& env = "");

} // namespace baocao::test
