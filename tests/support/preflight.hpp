#pragma once
// Runs Apache PDFBox Preflight, the PDF/A-1b validator Debian ships.
#include <filesystem>
#include <string>

namespace baocao::test {

struct PreflightResult {
  int status = -1;    ///< 0 when Preflight finds the file valid
  std::string output; ///< what it printed (stdout and stderr)
  double seconds = 0; ///< wall time of the run, Java start-up included
};

/// Validates `pdf` as PDF/A-1b. Throws std::runtime_error naming the Debian
/// packages to install when java or the PDFBox jars are missing, so a test
/// that needs Preflight fails instead of passing without it.
PreflightResult run_preflight(const std::filesystem::path& pdf);

} // namespace baocao::test
