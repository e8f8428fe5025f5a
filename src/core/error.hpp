#pragma once
// Errors that reach the user. main() maps InputError to exit status 2 and
// every other std::exception to 1.
#include <stdexcept>
#include <string>

#include "core/source_span.hpp"

namespace baocao::core {

/// Bad input (report or template): where it is, which key, what is wrong and
/// what was expected. what() gives "file:line:col: key.path: problem; expected".
class InputError : public std::runtime_error {
public:
  InputError(SourceSpan where, std::string key_path, std::string problem, std::string expected);

  const SourceSpan& where() const noexcept { return where_; }
  const std::string& key_path() const noexcept { return key_path_; }
  const std::string& problem() const noexcept { return problem_; }
  const std::string& expected() const noexcept { return expected_; }

private:
  SourceSpan where_;
  std::string key_path_;
  std::string problem_;
  std::string expected_;
};

/// A failure that is not the input's fault (missing font folder, unwritable file, ...).
class RuntimeError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

} // namespace baocao::core
