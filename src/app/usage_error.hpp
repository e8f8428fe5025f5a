#pragma once
// A command line that cannot be run as given: exit status 2, with a pointer
// to --help. Shared by every command's parser.
#include <stdexcept>

namespace baocao::app {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

} // namespace baocao::app
