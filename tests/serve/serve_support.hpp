#pragma once
// What the service's tests share: a request made by hand, the service run
// in-process on a loopback port, JSON answers read back.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "serve/http_server.hpp"
#include "serve/service.hpp"

namespace baocao::test {

/// A POST of `body` with this content type to `path` (query already split).
serve::HttpRequest post(const std::string& path, const std::string& body,
                        const std::string& content_type = "application/yaml",
                        std::multimap<std::string, std::string> query = {});
serve::HttpRequest get(const std::string& path, std::multimap<std::string, std::string> query = {});

nlohmann::json json_of(const serve::Answer& a);
/// An answer's header, or "".
std::string header(const serve::Answer& a, const std::string& name);

/// An HttpServer on 127.0.0.1 and a free port, serving on a thread of its
/// own; stopped (requests in flight answered) and joined when destroyed.
class LoopbackServer {
public:
  explicit LoopbackServer(serve::ServeOptions options = {});
  ~LoopbackServer();
  int port() const { return server_->port(); }
  serve::HttpServer& server() { return *server_; }

private:
  std::unique_ptr<serve::HttpServer> server_;
  std::thread thread_;
};

/// Options for tests: loopback, port 0, two workers.
serve::ServeOptions test_options();

} // namespace baocao::test
