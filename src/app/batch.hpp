#pragma once
// `baocao build` over many reports in one process (issue 7): templates loaded
// once, one font system per worker thread, progress and a summary on stderr.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "app/batch_inputs.hpp"
#include "app/build.hpp"

namespace baocao::app {

struct BatchOptions {
  std::vector<std::string> inputs; ///< as given: files, folders, globs
  std::string out_dir;             ///< empty: each PDF beside its input
  std::optional<int> jobs;         ///< empty: the machine's cores
  std::optional<Shard> shard;
  bool quiet = false;
  bool flagged = false; ///< a batch flag was given
};

/// If args[i] is a batch flag, takes it (and its value) and returns true.
/// Throws UsageError for a bad value.
bool parse_batch_flag(BatchOptions& batch, const std::vector<std::string>& args, size_t& i);

/// Whether to build as a batch: several inputs, a folder or glob, or a batch flag.
/// One file without batch flags is a plain build, exactly as before.
bool is_batch(const BatchOptions& batch);

/// Builds every input with the options of `base` (its input and output are
/// replaced per report). Returns the exit status: 0 all built, 2 some failed
/// with bad input only, 1 some failed otherwise. Throws UsageError before
/// building anything when the command line cannot work.
int run_batch(const BuildOptions& base, const BatchOptions& batch, std::ostream& out,
              std::ostream& err);

} // namespace baocao::app
