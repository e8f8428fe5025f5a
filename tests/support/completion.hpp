#pragma once
// Runs the bash completion script (completions/baocao.bash) as bash would on <TAB>.
#include <filesystem>
#include <string>
#include <vector>

namespace baocao::test {

std::filesystem::path completion_script();

/// The words bash offers for this command line; the last of `words` is the one
/// being completed ("" after a space). words[0] is the program: the built
/// executable, so `--template` asks it for the template names. Runs in `cwd`.
std::vector<std::string> complete(const std::vector<std::string>& words,
                                  const std::filesystem::path& cwd);

} // namespace baocao::test
