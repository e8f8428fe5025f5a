#include "support/completion.hpp"

#include <sstream>
#include <stdexcept>

#include "support/test_support.hpp"

namespace baocao::test {

std::filesystem::path completion_script() {
  return repo_dir() / "completions" / "baocao.bash";
}

std::vector<std::string> complete(const std::vector<std::string>& words,
                                  const std::filesystem::path& cwd) {
  std::string array;
  for (const auto& w : words) array += " " + q(w);
  std::string script = "source " + q(completion_script()) + "; COMP_WORDS=(" + array +
                       "); COMP_CWORD=" + std::to_string(words.size() - 1) +
                       "; _baocao; printf '%s\\n' \"${COMPREPLY[@]}\"";
  // The script goes through a file: no second level of shell quoting.
  TempDir dir;
  write_file(dir / "complete.sh", script);
  CommandResult r = run_command("cd " + q(cwd) + " && bash " + q(dir / "complete.sh"));
  if (r.status != 0) throw std::runtime_error("completion failed: " + r.output);
  std::vector<std::string> out;
  std::istringstream lines(r.output);
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) out.push_back(line);
  return out;
}

} // namespace baocao::test
