#include "serve/service.hpp"

#include <cmath>
#include <future>
#include <nlohmann/json.hpp>

#include "app/build.hpp"
#include "app/init_command.hpp"
#include "app/usage_error.hpp"
#include "input/json_schema.hpp"
#include "serve/assets.hpp"

namespace baocao::serve {

namespace {

using Clock = std::chrono::steady_clock;

std::string templates_json() {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& t : app::builtin_templates())
    list.push_back({{"name", t.name}, {"description", t.description}});
  return nlohmann::json{{"templates", list}}.dump();
}

Answer text_answer(std::string content_type, std::string body) {
  return {200, std::move(content_type), std::move(body), {}};
}

/// Compares in time that does not depend on where the strings differ.
bool same_secret(const std::string& a, const std::string& b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  for (size_t i = 0; i < a.size(); ++i) diff |= a[i] ^ b[i % (b.empty() ? 1 : b.size())];
  return diff == 0 && !b.empty();
}

std::string query_value(const HttpRequest& r, const std::string& key) {
  auto it = r.query.find(key);
  return it == r.query.end() ? "" : it->second;
}

} // namespace

Service::Service(const ServeOptions& options)
    : options_(options), templates_json_(templates_json()), schema_json_(input::json_schema()),
      pool_(options.workers, options.queue) {}

void Service::stop() {
  stopping_ = true;
  pool_.stop();
}

std::string Service::route_name(const std::string& path) {
  static const char* const known[] = {"/healthz",    "/metrics",      "/v1/build",  "/v1/check",
                                      "/v1/preview", "/v1/templates", "/v1/schema", "/v1/starter"};
  for (const char* k : known)
    if (path == k) return k;
  if (find_asset(path)) return path; // the editor's files, each its own route
  return "other";
}

bool Service::authorised(const HttpRequest& r) const {
  if (options_.token.empty()) return true;
  return same_secret(r.authorization, "Bearer " + options_.token);
}

Answer Service::handle(const HttpRequest& request) {
  Answer a;
  try {
    a = route(request);
  } catch (const std::exception&) {
    // What went wrong inside stays inside: no message of a library, no path.
    a = error_answer(500, "internal", "the service could not answer this request");
  }
  metrics_.request(route_name(request.path), a.status);
  return a;
}

Answer Service::route(const HttpRequest& r) {
  const std::string& p = r.path;
  const bool get = r.method == "GET" || r.method == "HEAD";
  const bool post = r.method == "POST";
  auto only = [&](const char* method) {
    Answer a =
        error_answer(405, "method_not_allowed", std::string(p) + " answers " + method + " only");
    a.headers.emplace_back("Allow", method);
    return a;
  };
  // Open to all: the editor's files and the health check.
  if (const Asset* asset = find_asset(p)) {
    if (!get) return only("GET");
    Answer a = text_answer(std::string(asset->media_type), std::string(asset->bytes));
    a.headers.emplace_back("Cache-Control", "no-cache");
    return a;
  }
  if (p == "/healthz") {
    if (!get) return only("GET");
    if (stopping_) return error_answer(503, "stopping", "the service is shutting down");
    return text_answer("application/json", "{\"status\":\"ok\"}");
  }
  const bool known = route_name(p) != "other";
  if (!known) return error_answer(404, "not_found", "no such route: " + p + " (see docs/serve.md)");
  if (!authorised(r)) {
    Answer a = error_answer(401, "unauthorized",
                            "this service needs a token: send the header "
                            "\"Authorization: Bearer <token>\"");
    a.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"baocao\"");
    return a;
  }
  if (p == "/metrics") {
    if (!get) return only("GET");
    return text_answer("text/plain; version=0.0.4; charset=utf-8",
                       metrics_.text(pool_.queued(), pool_.running(),
                                     static_cast<size_t>(options_.workers),
                                     static_cast<size_t>(options_.queue), pool_.font_systems()));
  }
  if (p == "/v1/templates") {
    if (!get) return only("GET");
    return text_answer("application/json", templates_json_);
  }
  if (p == "/v1/schema") {
    if (!get) return only("GET");
    return text_answer("application/schema+json", schema_json_);
  }
  if (p == "/v1/starter") {
    if (!get) return only("GET");
    std::string name = query_value(r, "template");
    try {
      return text_answer("text/yaml; charset=utf-8",
                         app::starter_text(name.empty() ? "dang" : name));
    } catch (const app::UsageError&) {
      return error_answer(400, "bad_option",
                          "template=" + name +
                              ": not a built-in template (GET "
                              "/v1/templates lists them)");
    }
  }
  if (!post) return only("POST");
  if (p == "/v1/build") return run(JobKind::build, r);
  if (p == "/v1/check") return run(JobKind::check, r);
  return run(JobKind::preview, r);
}

Answer Service::run(JobKind kind, const HttpRequest& r) {
  ReportRequest report;
  try {
    report = read_report_request(r);
  } catch (const BadRequest& e) {
    return error_answer(e.status(), e.code(), e.what());
  }
  // 50 pages at 300 dpi would be ~100 MB of JSON: a preview is for a screen.
  if (kind == JobKind::preview && report.dpi > kMaxPreviewDpi)
    return error_answer(400, "bad_option",
                        "option dpi=" + std::to_string(report.dpi) + ": a preview takes 10 to " +
                            std::to_string(kMaxPreviewDpi) +
                            " dpi (/v1/build?format=png for more)");
  auto busy = [&] {
    Answer a = error_answer(503, "busy", "the service has too many reports waiting; try again");
    // About the time the queue ahead takes to drain, in whole seconds.
    double wait = (static_cast<double>(pool_.queued()) + 1) * mean_seconds_.load() /
                  std::max(1, options_.workers);
    a.headers.emplace_back("Retry-After", std::to_string(std::max(1, int(std::ceil(wait)))));
    return a;
  };
  if (stopping_) return busy();
  std::promise<Answer> promise;
  std::future<Answer> answer = promise.get_future();
  const Clock::time_point deadline = Clock::now() + options_.timeout;
  bool queued = pool_.try_submit([&](app::BuildCache& cache) {
    const auto start = Clock::now();
    Answer answer;
    std::exception_ptr failure;
    try {
      if (options_.on_job_start) options_.on_job_start();
      answer = run_job(kind, report, cache, deadline);
    } catch (...) {
      failure = std::current_exception();
    }
    // Counted before the answer is handed over, so /metrics read after it includes this build.
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    metrics_.build_time(seconds);
    mean_seconds_ = 0.9 * mean_seconds_.load() + 0.1 * seconds;
    if (failure)
      promise.set_exception(failure);
    else
      promise.set_value(std::move(answer));
  });
  if (!queued) return busy();
  return answer.get();
}

} // namespace baocao::serve
