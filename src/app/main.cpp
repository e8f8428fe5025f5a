#include <csignal>
#include <iostream>
#include <string_view>

#include "app/cli.hpp"
#include "serve/serve_command.hpp"

int main(int argc, char** argv) {
  // A closed pipe (`baocao build r.yaml -o - | head -c 10`) is then a failed
  // write that is reported, not a silent death by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  // `serve` is a front end of its own beside the command line (src/serve).
  int status = argc > 1 && std::string_view(argv[1]) == "serve"
                   ? baocao::serve::run_serve({argv + 2, argv + argc}, std::cout, std::cerr)
                   : baocao::app::run(argc, argv, std::cout, std::cerr);
  if (!std::cout.flush()) {
    std::cerr << "baocao: cannot write to standard output (the reading program stopped early)\n";
    return status == 0 ? 1 : status;
  }
  return status;
}
