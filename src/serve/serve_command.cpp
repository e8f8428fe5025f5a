#include "serve/serve_command.hpp"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/usage_error.hpp"
#include "core/error.hpp"
#include "serve/http_server.hpp"

namespace baocao::serve {

namespace {

constexpr const char* kUsage = R"usage(baocao serve: the report service and its browser editor

Usage:
  baocao serve [--listen HOST:PORT] [options]

Serves, over HTTP (docs/serve.md):
  GET  /               the editor: the report on the left, its pages on the right
  POST /v1/build       the report (YAML or JSON body, a JSON request with files,
                       or a multipart form) -> the PDF (or ?format=pdfa|png|svg|docx)
  POST /v1/check       the report -> its errors only, as JSON
  POST /v1/preview     the report -> its pages as PNG images in JSON
  GET  /v1/templates   the built-in templates;  GET /v1/schema  the JSON Schema
  GET  /v1/starter     a starting report (?template=NAME)
  GET  /healthz        200 while serving;       GET /metrics  Prometheus text
A report's errors are 422 with the messages `baocao check` prints. Images and
data files come in the request; the service reads no file from its disk but
its own templates and fonts. It stops on SIGTERM or SIGINT once the requests
in flight are answered.

Options:
  --listen HOST:PORT  where to listen (default 127.0.0.1:8080; port 0: any
                      free port). The first line on standard output says where
  --workers N         reports built at once (default: the number of cores, 1-64)
  --queue N           reports that may wait for a worker (default 16); one
                      more is answered 503 with Retry-After
  --max-body MB       the largest request body in MiB (default 32), else 413
  --timeout SECONDS   one report's build time (default 30), else 503
  --token-file FILE   ask every /v1 and /metrics request for this bearer
                      token (the file's first line); or BAOCAO_SERVE_TOKEN
  -h, --help          show this help

Example:
  baocao serve --listen 0.0.0.0:8080 --token-file /etc/baocao/token
  then open http://HOST:8080/ in a browser, or POST a report to
  http://HOST:8080/v1/build (docs/serve.md has curl, Python and Java examples)
)usage";

int number(const std::string& option, const std::string& text, int low, int high) {
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n < low || n > high)
    throw app::UsageError(option + " " + text + ": expected a whole number from " +
                          std::to_string(low) + " to " + std::to_string(high));
  return n;
}

std::string read_token(const std::string& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw app::UsageError("--token-file " + file + ": cannot be read");
  std::string line;
  std::getline(in, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  if (line.empty()) throw app::UsageError("--token-file " + file + ": the first line is empty");
  return line;
}

ServeOptions parse(const std::vector<std::string>& args) {
  ServeOptions o;
  o.workers = std::clamp(static_cast<int>(std::thread::hardware_concurrency()), 1, 64);
  std::string token_file;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= args.size()) throw app::UsageError(a + " needs a value");
      return args[++i];
    };
    if (a == "--listen") {
      std::string v = value();
      size_t colon = v.rfind(':');
      if (colon == std::string::npos || colon == 0)
        throw app::UsageError("--listen " + v + ": expected HOST:PORT, such as 127.0.0.1:8080");
      o.host = v.substr(0, colon);
      if (o.host.size() > 2 && o.host.front() == '[' && o.host.back() == ']')
        o.host = o.host.substr(1, o.host.size() - 2);
      o.port = number("--listen", v.substr(colon + 1), 0, 65535);
    } else if (a == "--workers") {
      o.workers = number(a, value(), 1, 64);
    } else if (a == "--queue") {
      o.queue = number(a, value(), 0, 10000);
    } else if (a == "--max-body") {
      o.max_body = static_cast<size_t>(number(a, value(), 1, 1024)) << 20;
    } else if (a == "--timeout") {
      o.timeout = std::chrono::seconds(number(a, value(), 1, 3600));
    } else if (a == "--token-file") {
      token_file = value();
    } else {
      throw app::UsageError("unknown option " + a);
    }
  }
  if (!token_file.empty()) {
    o.token = read_token(token_file);
  } else if (const char* env = std::getenv("BAOCAO_SERVE_TOKEN"); env && *env) {
    o.token = env;
  }
  return o;
}

} // namespace

int run_serve(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (app::asks_for_help(args)) {
    out << kUsage;
    return 0;
  }
  try {
    return run_server(parse(args), out, err);
  } catch (const app::UsageError& e) {
    err << "baocao serve: " << e.what() << "\n(run baocao serve --help for usage)\n";
    return 2;
  } catch (const core::RuntimeError& e) {
    err << "baocao serve: " << e.what() << "\n";
    return 1;
  }
}

} // namespace baocao::serve
