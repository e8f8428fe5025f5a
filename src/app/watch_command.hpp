#pragma once
// `baocao watch FILE [build options]`: build, then rebuild whenever the
// report (or its template file or images) is saved, until SIGINT/SIGTERM.
#include <ostream>
#include <string>
#include <vector>

namespace baocao::app {

/// Returns the exit status: 0 when stopped by SIGINT or SIGTERM, 2 for a bad
/// command line; a failing build is reported on `err` and watching goes on.
int run_watch(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace baocao::app
