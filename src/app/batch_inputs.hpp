#pragma once
// Which reports a batch builds and where each PDF goes: folders and globs
// expanded, the stable shard slice, one target per input.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace baocao::app {

/// `--shard K/N`: the K-th (1-based) of N slices.
struct Shard {
  int k = 1;
  int n = 1;
};

/// Parses "K/N" (1 <= K <= N). Throws UsageError.
Shard parse_shard(const std::string& text);

/// FNV-1a, 64 bits: fixed by its definition, so every machine and every
/// version of baocao puts a path in the same slice.
std::uint64_t fnv1a64(const std::string& bytes);

/// Whether a report with this path (as expand_inputs gives it) is in the shard.
bool in_shard(const std::string& path, const Shard& shard);

/// The reports named by the arguments: a file as given; a folder, every
/// *.yaml / *.yml in it and below, sorted; an argument with `*`, `?` or `[`
/// that is not an existing file, its glob(3) matches. Paths are lexically
/// normalised and each file kept once: the same file named again (by another
/// spelling, a folder and a glob, or a link) is left out and listed in
/// `duplicates`. Throws UsageError when a folder or glob finds no report.
struct Inputs {
  std::vector<std::string> paths;
  struct Duplicate {
    std::string skipped, same_as;
  };
  std::vector<Duplicate> duplicates;
};
Inputs expand_inputs(const std::vector<std::string>& args);

/// Whether an argument names more than one file's worth of input (a folder or a glob).
bool names_many(const std::string& arg);

/// The file each input writes: `out_dir/<stem><extension>` (".pdf", ".docx"),
/// or beside the input when out_dir is empty. Throws UsageError naming both inputs when two would
/// write the same file (links followed), or when one's output is another input.
std::vector<std::filesystem::path> plan_targets(const std::vector<std::string>& inputs,
                                                const std::filesystem::path& out_dir,
                                                const std::string& extension = ".pdf");

} // namespace baocao::app
