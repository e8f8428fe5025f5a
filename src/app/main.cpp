#include <csignal>
#include <iostream>

#include "app/cli.hpp"

int main(int argc, char** argv) {
  // A closed pipe (`baocao build r.yaml -o - | head -c 10`) is then a failed
  // write that is reported, not a silent death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  int status = baocao::app::run(argc, argv, std::cout, std::cerr);
  if (!std::cout.flush()) {
    std::cerr << "baocao: cannot write to standard output (the reading program stopped early)\n";
    return status == 0 ? 1 : status;
  }
  return status;
}
