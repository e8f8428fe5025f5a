#include "serve/http_server.hpp"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <httplib.h>
#include <memory>
#include <pthread.h>
#include <thread>

#include "core/error.hpp"

namespace baocao::serve {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

HttpRequest from_httplib(const httplib::Request& req) {
  HttpRequest r;
  r.method = req.method;
  r.path = req.path;
  for (const auto& [k, v] : req.params) r.query.emplace(k, v);
  std::string type = req.get_header_value("Content-Type");
  r.content_type = lower(type.substr(0, type.find(';')));
  while (!r.content_type.empty() && r.content_type.back() == ' ') r.content_type.pop_back();
  r.authorization = req.get_header_value("Authorization");
  r.multipart = req.is_multipart_form_data();
  if (r.multipart) {
    for (const auto& [name, file] : req.files)
      r.parts.push_back({file.name, file.filename, file.content_type, file.content});
  } else {
    r.body = req.body;
  }
  return r;
}

void to_httplib(const Answer& a, httplib::Response& res) {
  res.status = a.status;
  for (const auto& [k, v] : a.headers) res.set_header(k, v);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_content(a.body, a.content_type);
}

/// The signals that stop the service are taken by one thread with sigwait,
/// never by a handler: blocked in every thread (threads inherit the mask).
class StopSignals {
public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGINT);
    pthread_sigmask(SIG_BLOCK, &set_, &old_);
  }
  ~StopSignals() {
    finish();
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  /// Stops waiting (before what `stop` uses is destroyed).
  void finish() {
    done_ = true;
    if (waiter_.joinable()) waiter_.join();
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  /// Calls `stop` from a thread of its own when SIGTERM or SIGINT arrives.
  template <class F> void on_signal(F stop) {
    waiter_ = std::thread([this, stop] {
      const timespec tick{0, 200'000'000};
      while (!done_) {
        if (sigtimedwait(&set_, nullptr, &tick) > 0) {
          stop();
          return;
        }
      }
    });
  }

private:
  sigset_t set_{};
  sigset_t old_{};
  std::atomic<bool> done_{false};
  std::thread waiter_;
};

} // namespace

struct HttpServer::Impl {
  explicit Impl(const ServeOptions& o) : options(o), service(o) {}
  ServeOptions options;
  Service service;
  httplib::Server server;
  int port = 0;
  // stop() may come before serve() has started listening (a signal at
  // startup, a test's quick stop): each side sets its flag, then reads the other's.
  std::atomic<bool> serving{false};
  std::atomic<bool> stop_asked{false};
};

HttpServer::HttpServer(const ServeOptions& options) : impl_(std::make_unique<Impl>(options)) {
  Service& service = impl_->service;
  httplib::Server& server = impl_->server;
  // Connections beyond the builds: the queue's waiters, and room for
  // /healthz, /metrics and the editor's files while every worker builds.
  const int connections = options.workers + options.queue + 8;
  // httplib owns the pool it is handed (its API takes a raw pointer).
  server.new_task_queue = [connections] { return new httplib::ThreadPool(connections); };
  // SO_REUSEADDR only: httplib's default adds SO_REUSEPORT, with which a
  // second service on a port in use starts silently and shares its connections.
  server.set_socket_options([](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server.set_payload_max_length(options.max_body);
  server.set_read_timeout(10, 0);
  server.set_write_timeout(30, 0);
  server.set_keep_alive_timeout(5);
  server.set_keep_alive_max_count(100);
  auto handler = [&service](const httplib::Request& req, httplib::Response& res) {
    to_httplib(service.handle(from_httplib(req)), res);
  };
  server.Get(".*", handler);
  server.Post(".*", handler);
  server.Put(".*", handler);
  server.Delete(".*", handler);
  server.Patch(".*", handler);
  server.Options(".*", handler);
  // What httplib answers by itself (413 over the body limit, 400 for a
  // request it cannot parse) gets a JSON body too.
  server.set_error_handler([&service](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string code = res.status == 413 ? "body_too_large" : "bad_request";
    std::string message = res.status == 413 ? "the request's body is larger than this service's "
                                              "limit (--max-body)"
                                            : "the request could not be read as HTTP";
    service.metrics().request(Service::route_name(req.path), res.status);
    to_httplib(error_answer(res.status, code, message), res);
  });
  server.set_exception_handler(
      [](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        to_httplib(error_answer(500, "internal", "the service could not answer this request"), res);
      });

  int port = options.port;
  if (port == 0) {
    port = server.bind_to_any_port(options.host);
    if (port < 0) port = 0;
  } else if (!server.bind_to_port(options.host, port)) {
    port = 0;
  }
  if (port == 0)
    throw core::RuntimeError("cannot listen on " + options.host + ":" +
                             std::to_string(options.port) +
                             " (is the address in use, or the host not this machine's?)");
  impl_->port = port;
}

HttpServer::~HttpServer() = default;

int HttpServer::port() const {
  return impl_->port;
}
Service& HttpServer::service() {
  return impl_->service;
}

bool HttpServer::serve() {
  impl_->serving = true;
  bool ok = true;
  if (!impl_->stop_asked)
    ok = impl_->server.listen_after_bind(); // returns once stopped and every connection is done
  impl_->serving = false;
  impl_->service.stop();
  return ok;
}

void HttpServer::stop() {
  impl_->stop_asked = true;
  impl_->service.stop();       // /healthz says 503 at once, so a balancer stops sending
  if (!impl_->serving) return; // serve() will not start listening
  while (!impl_->server.is_running() && impl_->serving)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  impl_->server.stop();
}

int run_server(const ServeOptions& options, std::ostream& out, std::ostream& err) {
  StopSignals signals; // before any thread starts, so every thread has them blocked
  HttpServer server(options);
  out << "baocao serve: listening on http://" << options.host << ":" << server.port() << "/"
      << std::endl;
  signals.on_signal([&server] { server.stop(); });
  bool ok = server.serve();
  signals.finish();
  if (!ok) {
    err << "baocao serve: the listening socket failed\n";
    return 1;
  }
  err << "baocao serve: stopped\n";
  return 0;
}

} // namespace baocao::serve
