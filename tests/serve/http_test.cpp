// The service over a loopback socket: routes through cpp-httplib's client,
// the body limit, a round of malformed HTTP written by hand, and the real
// program stopped by SIGTERM with a request in flight.
#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <csignal>
#include <fcntl.h>
#include <future>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <random>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "serve/serve_support.hpp"
#include "support/test_support.hpp"

using namespace baocao;
using namespace baocao::test;

namespace {

std::string minimal_yaml() {
  return read_file(data_dir() / "input/good/minimal.yaml");
}

/// Sends raw bytes on a new connection and returns what comes back before
/// the server closes it or 3 s pass. "" when it answered nothing.
std::string raw_exchange(int port, const std::string& bytes, bool half_close = true) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break; // the server may close early on a bad request
    sent += static_cast<size_t>(n);
  }
  if (half_close) ::shutdown(fd, SHUT_WR);
  std::string answer;
  char buf[4096];
  for (;;) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 3000) <= 0) break;
    ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    answer.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return answer;
}

int status_of(const std::string& answer) {
  if (answer.rfind("HTTP/1.1 ", 0) != 0) return 0;
  return std::stoi(answer.substr(9, 3));
}

} // namespace

TEST_CASE("the routes over a socket", "[serve]") {
  LoopbackServer server(test_options());
  httplib::Client c("127.0.0.1", server.port());
  auto health = c.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  auto page = c.Get("/");
  REQUIRE(page);
  CHECK(page->get_header_value("Content-Type") == "text/html; charset=utf-8");
  CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
  auto built = c.Post("/v1/build?format=pdf", minimal_yaml(), "application/yaml");
  REQUIRE(built);
  CHECK(built->status == 200);
  CHECK(built->body.rfind("%PDF-", 0) == 0);
  CHECK(built->get_header_value("X-Baocao-Pages") == "1");
  auto checked = c.Post("/v1/check", "schema: 1\n", "application/yaml");
  REQUIRE(checked);
  CHECK(checked->status == 422);
  CHECK(nlohmann::json::parse(checked->body)["errors"][0]["file"] == "report.yaml");
  httplib::MultipartFormDataItems form = {
      {"report", minimal_yaml(), "bao-cao.yaml", "application/yaml"},
      {"options", R"({"format": "png", "dpi": 20})", "", "application/json"}};
  auto multipart = c.Post("/v1/build", form);
  REQUIRE(multipart);
  CHECK(multipart->status == 200);
  CHECK(multipart->get_header_value("Content-Type") == "image/png");
  CHECK(c.Get("/v1/templates")->status == 200);
  CHECK(c.Get("/v1/schema")->status == 200);
  CHECK(c.Get("/v1/starter")->status == 200);
  CHECK(c.Delete("/v1/build")->status == 405);
  auto metrics = c.Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->get_header_value("Content-Type") == "text/plain; version=0.0.4; charset=utf-8");
  CHECK(metrics->body.find("baocao_requests_total{route=\"/v1/build\",status=\"200\"} 2") !=
        std::string::npos);
}

TEST_CASE("a second service on a port in use is refused, not sharing it", "[serve]") {
  LoopbackServer first(test_options());
  serve::ServeOptions o = test_options();
  o.port = first.port();
  CHECK_THROWS_WITH(serve::HttpServer(o), Catch::Contains("cannot listen on 127.0.0.1:"));
}

TEST_CASE("a body over the limit is 413 with a JSON reason", "[serve]") {
  serve::ServeOptions o = test_options();
  o.max_body = 4096;
  LoopbackServer server(o);
  httplib::Client c("127.0.0.1", server.port());
  auto big = c.Post("/v1/build", std::string(5000, '#'), "application/yaml");
  REQUIRE(big);
  CHECK(big->status == 413);
  CHECK(nlohmann::json::parse(big->body)["error"] == "body_too_large");
  auto small = c.Post("/v1/check", minimal_yaml(), "application/yaml");
  REQUIRE(small);
  CHECK(small->status == 200);
}

TEST_CASE("malformed HTTP is answered 4xx or closed, and the service lives on", "[serve]") {
  LoopbackServer server(test_options());
  const int port = server.port();
  const std::string ok_head =
      "POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/yaml\r\n";
  std::vector<std::string> cases = {
      "",
      "\r\n\r\n",
      "GET\r\n\r\n",
      "GET / HTTP/9.9\r\n\r\n",
      "BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /" + std::string(20000, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET / HTTP/1.1\r\n" + std::string(9000, 'X') + ": y\r\n\r\n",
      ok_head + "Content-Length: -5\r\n\r\n",
      ok_head + "Content-Length: 99999999999999999999\r\n\r\n",
      ok_head + "Content-Length: 100\r\n\r\nschema: 1",                      // truncated
      ok_head + "Transfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n", // bad chunk
      ok_head + "Transfer-Encoding: chunked\r\n\r\n5\r\nschema\r\n0\r\n\r\n",
      ok_head + "Content-Length: 4\r\n\r\n\xff\xfe\x00\x01",
      "POST /v1/build HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; "
      "boundary=zz\r\nContent-Length: 30\r\n\r\n--zz\r\nbroken part\r\n--zz--",
      "POST /v1/build HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data\r\n"
      "Content-Length: 5\r\n\r\nhello",
      "POST /v1/build HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 13\r\n\r\n{\"report\": 1}",
      "GET /v1/templates?%zz=%%%&&&= HTTP/1.1\r\nHost: x\r\n\r\n",
      "GET /%00%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
  };
  // And random bytes, and random cuts of a valid request.
  std::mt19937 rng(20261206);
  const std::string valid = ok_head + "Content-Length: " + std::to_string(minimal_yaml().size()) +
                            "\r\n\r\n" + minimal_yaml();
  for (int i = 0; i < 60; ++i) {
    std::string noise(rng() % 2000, '\0');
    for (auto& ch : noise) ch = static_cast<char>(rng());
    cases.push_back(noise);
    std::string cut = valid.substr(0, rng() % valid.size());
    if (!cut.empty()) cut[rng() % cut.size()] = static_cast<char>(rng());
    cases.push_back(cut);
  }
  for (size_t i = 0; i < cases.size(); ++i) {
    INFO("case " << i);
    std::string answer = raw_exchange(port, cases[i]);
    int status = status_of(answer);
    // Nothing (the connection closed), or an answer that is not a server error.
    CHECK((status == 0 || (status >= 200 && status < 500)));
    if (!answer.empty()) CHECK(status != 0);
    CHECK(answer.find("/tmp/") == std::string::npos);
  }
  // Still serving, and a whole request still works.
  // (Without half-closing: cpp-httplib answers nobody who has hung up.)
  const std::string whole =
      ok_head + "Connection: close\r\nContent-Length: " + std::to_string(minimal_yaml().size()) +
      "\r\n\r\n" + minimal_yaml();
  std::string answer = raw_exchange(port, whole, false);
  CHECK(status_of(answer) == 200);
  httplib::Client c("127.0.0.1", port);
  auto health = c.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
}

TEST_CASE("baocao serve stops on SIGTERM once the request in flight is answered", "[serve]") {
  TempDir dir;
  // A report of a few hundred pages: long enough to be in flight when the signal comes.
  CommandResult gen = run_command("cd " + q(dir.path()) + " && BAOCAO=" + q(BAOCAO_EXE) + " bash " +
                                  q(repo_dir() / "examples/large-awards.sh") + " 3000 > big.yaml");
  REQUIRE(gen.status == 0);
  const std::string big = read_file(dir / "big.yaml");
  REQUIRE(big.size() > 100000);

  int out[2];
  REQUIRE(::pipe(out) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::dup2(out[1], STDOUT_FILENO);
    ::close(out[0]);
    ::close(out[1]);
    ::execl(BAOCAO_EXE, BAOCAO_EXE, "serve", "--listen", "127.0.0.1:0", "--workers", "1",
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(out[1]);
  std::string line;
  char ch;
  while (::read(out[0], &ch, 1) == 1 && ch != '\n') line += ch;
  ::close(out[0]);
  const std::string prefix = "baocao serve: listening on http://127.0.0.1:";
  REQUIRE(line.rfind(prefix, 0) == 0);
  const int port = std::stoi(line.substr(prefix.size()));

  auto answer = std::async(std::launch::async, [&] {
    httplib::Client c("127.0.0.1", port);
    c.set_read_timeout(60, 0);
    return c.Post("/v1/build", big, "application/yaml");
  });
  // Wait until the worker has the report, then ask the service to stop.
  httplib::Client watch("127.0.0.1", port);
  for (int i = 0; i < 2000; ++i) {
    auto m = watch.Get("/metrics");
    if (m && m->body.find("\nbaocao_workers_busy 1") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  REQUIRE(::kill(pid, SIGTERM) == 0);
  auto res = answer.get();
  REQUIRE(res);
  CHECK(res->status == 200);
  CHECK(res->body.rfind("%PDF-", 0) == 0);
  CHECK(std::stoi(res->get_header_value("X-Baocao-Pages")) > 50);
  int status = 0;
  REQUIRE(::waitpid(pid, &status, 0) == pid);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  // Nothing listens there any more.
  httplib::Client after("127.0.0.1", port);
  CHECK(!after.Get("/healthz"));
}

TEST_CASE("baocao serve's own errors: bad options exit 2, a token file is read", "[serve]") {
  CHECK(run_baocao("serve --listen nowhere").status == 2);
  CHECK(run_baocao("serve --workers 0").status == 2);
  CHECK(run_baocao("serve --bogus").status == 2);
  CommandResult r = run_baocao("serve --token-file /nonexistent/token");
  CHECK(r.status == 2);
  CHECK(r.output.find("--token-file /nonexistent/token: cannot be read") != std::string::npos);
  CommandResult help = run_baocao("serve --help");
  CHECK(help.status == 0);
  CHECK(help.output.find("POST /v1/build") != std::string::npos);
}
