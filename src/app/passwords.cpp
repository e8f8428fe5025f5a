#include "app/passwords.hpp"

#include <cstdlib>
#include <fstream>

#include "app/usage_error.hpp"

namespace baocao::app {
namespace {

/// The first line of a password file, without its line ending.
std::string read_password_file(const std::string& flag, const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw UsageError(flag + " " + file + ": cannot read the file");
  std::string line;
  std::getline(in, line);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (line.empty()) throw UsageError(flag + " " + file + ": the first line is empty");
  return line;
}

} // namespace

std::optional<std::string> secret(const std::optional<std::string>& flag,
                                  const std::optional<std::string>& file,
                                  const std::string& flag_name, const std::string& file_flag_name,
                                  const char* env) {
  if (flag && file) throw UsageError("give " + flag_name + " or " + file_flag_name + ", not both");
  if (flag) {
    if (flag->empty()) throw UsageError(flag_name + " is empty");
    return flag;
  }
  if (file) return read_password_file(file_flag_name, *file);
  const char* value = std::getenv(env);
  if (value && *value) return std::string(value);
  return std::nullopt;
}

std::optional<std::string> password(const std::optional<std::string>& flag,
                                    const std::optional<std::string>& file, const char* name,
                                    const char* env) {
  const std::string flag_name = std::string("--") + name + "-password";
  return secret(flag, file, flag_name, flag_name + "-file", env);
}

} // namespace baocao::app
