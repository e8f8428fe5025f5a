#include "support/preflight.hpp"

#include <chrono>
#include <stdexcept>
#include <vector>

#include "support/test_support.hpp"

namespace baocao::test {
namespace {

const char* kPackages = "default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java";

std::string class_path() {
  const std::filesystem::path dir = "/usr/share/java";
  std::string cp;
  for (const char* jar : {"preflight", "pdfbox2", "fontbox2", "xmpbox", "commons-logging",
                          "javax.activation", "jaxb-api"}) {
    auto path = dir / (std::string(jar) + ".jar");
    if (!std::filesystem::exists(path))
      throw std::runtime_error("Preflight needs " + path.string() + ": apt-get install " +
                               kPackages);
    cp += (cp.empty() ? "" : ":") + path.string();
  }
  return cp;
}

} // namespace

PreflightResult run_preflight(const std::filesystem::path& pdf) {
  if (std::system("command -v java >/dev/null 2>&1") != 0)
    throw std::runtime_error(std::string("Preflight needs java: apt-get install ") + kPackages);
  auto start = std::chrono::steady_clock::now();
  CommandResult run =
      run_command("java -cp '" + class_path() + "' org.apache.pdfbox.preflight.Validator_A1b '" +
                  pdf.string() + "'");
  PreflightResult r;
  r.status = run.status;
  r.output = std::move(run.output);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return r;
}

} // namespace baocao::test
