#pragma once
// The service on a socket, over cpp-httplib: each connection's request read
// into an HttpRequest, answered by Service, written back. SIGTERM and SIGINT
// stop taking connections; requests in flight finish, then run() returns.
#include <memory>
#include <ostream>

#include "serve/service.hpp"

namespace baocao::serve {

/// The service bound to its address. Tests run one in-process on port 0.
class HttpServer {
public:
  /// Binds options.host:options.port (0: a free port). Throws core::RuntimeError.
  explicit HttpServer(const ServeOptions& options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  int port() const;
  Service& service();
  /// Serves until stop(); returns once every request taken is answered.
  /// False when the socket failed.
  bool serve();
  /// From any thread: /healthz turns 503, no new connection is taken.
  void stop();

private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// Listens on options.host:options.port (0: a free port), prints
/// "baocao serve: listening on http://HOST:PORT/" on `out` once it listens,
/// and serves until SIGTERM or SIGINT. Returns the exit status (0 after a
/// graceful stop). Throws core::RuntimeError when it cannot listen.
int run_server(const ServeOptions& options, std::ostream& out, std::ostream& err);

} // namespace baocao::serve
