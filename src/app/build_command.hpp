#pragma once
// `baocao build`: one report, or a batch (app/batch).
#include <iosfwd>
#include <string>
#include <vector>

namespace baocao::app {

/// Builds as the arguments say and reports it on `err` ("wrote r.pdf (8 pages)").
/// Returns the exit status; throws UsageError and core errors for cli's run().
int run_build(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace baocao::app
