#include "support/schema_check.hpp"

#include <catch2/catch.hpp>

#include "support/test_support.hpp"

namespace baocao::test {

void check_schema_verdicts(const std::filesystem::path& schema_file, const std::string& valid,
                           const std::string& invalid) {
  auto r = run_command("python3 " + q(repo_dir() / "tests" / "input" / "validate_schema.py") + " " +
                       q(schema_file) + " --valid" + valid + " --invalid" + invalid);
  INFO(r.output);
  CHECK(r.status == 0);
  CHECK_THAT(r.output, Catch::Contains(" 0 not as expected"));
}

} // namespace baocao::test
