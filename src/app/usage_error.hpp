#pragma once
// A command line that cannot be run as given: exit status 2, with a pointer
// to --help. Shared by every command's parser.
#include <stdexcept>
#include <string>
#include <vector>

namespace baocao::app {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// Whether a command's arguments ask for its help (-h or --help anywhere).
inline bool asks_for_help(const std::vector<std::string>& args) {
  for (const auto& a : args)
    if (a == "-h" || a == "--help") return true;
  return false;
}

} // namespace baocao::app
