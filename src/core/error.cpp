#include "core/error.hpp"

namespace baocao::core {
namespace {
std::string compose(const SourceSpan& where, const std::string& key_path,
                    const std::string& problem, const std::string& expected) {
  std::string s = where.to_string();
  s += ": ";
  if (!key_path.empty()) {
    s += key_path;
    s += ": ";
  }
  s += problem;
  if (!expected.empty()) {
    s += "; expected ";
    s += expected;
  }
  return s;
}
} // namespace

InputError::InputError(SourceSpan where, std::string key_path, std::string problem,
                       std::string expected)
    : std::runtime_error(compose(where, key_path, problem, expected)), where_(std::move(where)),
      key_path_(std::move(key_path)), problem_(std::move(problem)), expected_(std::move(expected)) {
}

} // namespace baocao::core
