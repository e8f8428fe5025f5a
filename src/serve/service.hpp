#pragma once
// The service's routes (docs/serve.md), independent of the HTTP library:
// a request in, an answer out. Builds run on the bounded worker pool.
#include <atomic>
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>

#include "serve/answer.hpp"
#include "serve/build_job.hpp"
#include "serve/metrics.hpp"
#include "serve/report_request.hpp"
#include "serve/worker_pool.hpp"

namespace baocao::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  int workers = 2;                  ///< build threads
  int queue = 16;                   ///< reports that may wait for one; beyond, 503
  size_t max_body = 32u << 20;      ///< bytes of one request's body; beyond, 413
  std::chrono::seconds timeout{30}; ///< one report's build; beyond, 503
  std::string token;                ///< empty: no token asked for
  /// Called on the worker as each job starts: tests hold a worker with it.
  std::function<void()> on_job_start;
};

class Service {
public:
  explicit Service(const ServeOptions& options);

  /// Answers one request; blocks while its report waits for and runs on a worker.
  Answer handle(const HttpRequest& request);
  /// No more builds are taken (503); /healthz says so. Those taken still finish.
  void stop();
  /// The answer's route name for the metrics ("/v1/build", "/", or "other").
  static std::string route_name(const std::string& path);
  Metrics& metrics() { return metrics_; }

private:
  Answer route(const HttpRequest& request);
  Answer run(JobKind kind, const HttpRequest& request);
  bool authorised(const HttpRequest& request) const;

  ServeOptions options_;
  std::string templates_json_;
  std::string schema_json_;
  Metrics metrics_;
  WorkerPool pool_;
  std::atomic<bool> stopping_{false};
  std::atomic<double> mean_seconds_{0.1}; ///< for Retry-After
};

} // namespace baocao::serve
