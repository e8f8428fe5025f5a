#include "serve/serve_support.hpp"

namespace baocao::test {

serve::HttpRequest post(const std::string& path, const std::string& body,
                        const std::string& content_type,
                        std::multimap<std::string, std::string> query) {
  serve::HttpRequest r;
  r.method = "POST";
  r.path = path;
  r.body = body;
  r.content_type = content_type;
  r.query = std::move(query);
  return r;
}

serve::HttpRequest get(const std::string& path, std::multimap<std::string, std::string> query) {
  serve::HttpRequest r;
  r.method = "GET";
  r.path = path;
  r.query = std::move(query);
  return r;
}

nlohmann::json json_of(const serve::Answer& a) {
  return nlohmann::json::parse(a.body);
}

std::string header(const serve::Answer& a, const std::string& name) {
  for (const auto& [k, v] : a.headers)
    if (k == name) return v;
  return "";
}

serve::ServeOptions test_options() {
  serve::ServeOptions o;
  o.host = "127.0.0.1";
  o.port = 0;
  o.workers = 2;
  o.queue = 8;
  return o;
}

LoopbackServer::LoopbackServer(serve::ServeOptions options)
    : server_(std::make_unique<serve::HttpServer>(options)), thread_([this] { server_->serve(); }) {
}

LoopbackServer::~LoopbackServer() {
  server_->stop();
  thread_.join();
}

} // namespace baocao::test
