#include "app/build_command.hpp"

#include <ostream>

#include "app/batch.hpp"
#include "app/build.hpp"
#include "app/build_args.hpp"

namespace baocao::app {

int run_build(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  BatchOptions batch;
  BuildOptions options = parse_build(args, batch);
  if (is_batch(batch)) return run_batch(options, batch, out, err);
  BuildResult result = build(options, out);
  for (const auto& w : result.warnings) err << "warning: " << w << "\n";
  if (!result.output.empty())
    err << "wrote " << result.output.string() << " (" << pages_text(result.pages) << ")\n";
  return 0;
}

} // namespace baocao::app
