// The service's routes in-process (serve::Service::handle): every route,
// every kind of error, the files of a request, the token, the queue and the
// time limit. tests/serve/http_test.cpp runs the same over a socket.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <glib.h>
#include <mutex>

#include "serve/serve_support.hpp"
#include "support/pdf_reader.hpp"
#include "support/test_support.hpp"

using namespace baocao;
using namespace baocao::test;
namespace fs = std::filesystem;

namespace {

std::string pdf_text(const std::string& bytes) {
  TempDir dir;
  write_file(dir / "a.pdf", bytes);
  std::string all;
  for (const auto& page : read_pdf(dir / "a.pdf").page_text) all += page + "\n";
  return squash(all);
}

const std::string& example_yaml() {
  static const std::string text = read_file(example_path());
  return text;
}

std::string minimal_yaml() {
  return read_file(data_dir() / "input/good/minimal.yaml");
}

/// The minimal report with a picture named `file` in its one section.
std::string yaml_with_image(const std::string& file) {
  std::string y = minimal_yaml();
  y += "      - image:\n          file: " + file +
       "\n          width: \"50%\"\n          caption: Ảnh hội nghị\n";
  return y;
}

std::string base64(const std::string& bytes) {
  gchar* text = g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
  std::string s(text);
  g_free(text);
  return s;
}

/// What `baocao check report.yaml` prints for this text, run where the file is.
std::string cli_check_line(const std::string& yaml) {
  TempDir dir;
  write_file(dir / "report.yaml", yaml);
  CommandResult r =
      run_command("cd " + q(dir.path()) + " && " + q(BAOCAO_EXE) + " check report.yaml 2>&1");
  REQUIRE(r.status == 2);
  return r.output.substr(0, r.output.find('\n'));
}

serve::Service& shared_service() {
  static serve::Service service(test_options());
  return service;
}

} // namespace

TEST_CASE("POST /v1/build answers the example's PDF, its pages in a header", "[serve]") {
  serve::Answer a = shared_service().handle(post("/v1/build", example_yaml()));
  REQUIRE(a.status == 200);
  CHECK(a.content_type == "application/pdf");
  CHECK(a.body.rfind("%PDF-", 0) == 0);
  CHECK(header(a, "X-Baocao-Pages") == "8");
  CHECK(header(a, "Content-Disposition") == "attachment; filename=\"report.pdf\"");
  TempDir dir;
  write_file(dir / "a.pdf", a.body);
  CHECK(read_pdf(dir / "a.pdf").pages == 8);
  CHECK(pdf_text(a.body).find("BÁO CÁO") != std::string::npos);
}

TEST_CASE("a report's error is 422 with the words baocao check prints", "[serve]") {
  std::string bad = minimal_yaml();
  bad.replace(bad.find("value: 919"), 10, "value: [1]");
  serve::Answer a = shared_service().handle(post("/v1/check", bad));
  REQUIRE(a.status == 422);
  auto j = json_of(a);
  CHECK(j["ok"] == false);
  REQUIRE(j["errors"].size() == 1);
  const auto& e = j["errors"][0];
  CHECK(e["file"] == "report.yaml");
  CHECK(e["line"] == 13);
  CHECK(e["column"].get<int>() > 1);
  CHECK(e["path"] == "figures[0].value");
  CHECK(!e["message"].get<std::string>().empty());
  CHECK(!e["expected"].get<std::string>().empty());
  CHECK(e["text"] == cli_check_line(bad));
  // /v1/build says the same
  serve::Answer b = shared_service().handle(post("/v1/build", bad));
  CHECK(b.status == 422);
  CHECK(json_of(b)["errors"][0]["text"] == e["text"]);
}

TEST_CASE("POST /v1/check says ok and the page count", "[serve]") {
  serve::Answer a = shared_service().handle(post("/v1/check", example_yaml()));
  REQUIRE(a.status == 200);
  auto j = json_of(a);
  CHECK(j["ok"] == true);
  CHECK(j["pages"] == 8);
  CHECK(j["warnings"].empty());
}

TEST_CASE("a report sent as JSON keeps its errors' line and column", "[serve]") {
  const std::string json =
      "{\n  \"schema\": 1,\n  \"document\": {\n    \"title\": [1, 2]\n  }\n}\n";
  serve::Answer a = shared_service().handle(post("/v1/check", json, "application/json"));
  REQUIRE(a.status == 422);
  auto e = json_of(a)["errors"][0];
  CHECK(e["file"] == "report.json");
  CHECK(e["line"].get<int>() >= 1);
  CHECK(e["text"].get<std::string>().rfind("report.json:", 0) == 0);
}

TEST_CASE("/v1/preview answers every page as a PNG", "[serve]") {
  serve::Answer a = shared_service().handle(
      post("/v1/preview", example_yaml(), "application/yaml", {{"dpi", "20"}}));
  REQUIRE(a.status == 200);
  auto j = json_of(a);
  CHECK(j["pages"] == 8);
  REQUIRE(j["images"].size() == 8);
  CHECK(j["truncated"] == false);
  gsize n = 0;
  guchar* png = g_base64_decode(j["images"][0].get<std::string>().c_str(), &n);
  std::string bytes(reinterpret_cast<char*>(png), n);
  g_free(png);
  CHECK(bytes.substr(1, 3) == "PNG");
  // 20 dpi A4: 165 x 234 pixels (the width in the IHDR chunk, big-endian)
  const auto u = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
  CHECK(((u(16) << 24) | (u(17) << 16) | (u(18) << 8) | u(19)) == 165);
  serve::Answer big = shared_service().handle(
      post("/v1/preview", example_yaml(), "application/yaml", {{"dpi", "300"}}));
  CHECK(big.status == 400);
}

TEST_CASE("format, page and dpi choose the file answered", "[serve]") {
  auto build = [](std::multimap<std::string, std::string> q) {
    return shared_service().handle(post("/v1/build", example_yaml(), "application/yaml", q));
  };
  serve::Answer png = build({{"format", "png"}, {"page", "2"}, {"dpi", "30"}});
  REQUIRE(png.status == 200);
  CHECK(png.content_type == "image/png");
  CHECK(header(png, "Content-Disposition") == "attachment; filename=\"report-2.png\"");
  serve::Answer svg = build({{"format", "svg"}, {"page", "8"}});
  REQUIRE(svg.status == 200);
  CHECK(svg.body.find("<svg") != std::string::npos);
  serve::Answer pdfa = build({{"format", "pdfa"}});
  REQUIRE(pdfa.status == 200);
  CHECK(pdfa.body.find("pdfaid:part") != std::string::npos);
  serve::Answer docx = build({{"format", "docx"}});
  REQUIRE(docx.status == 200);
  CHECK(docx.body.rfind("PK", 0) == 0);
  serve::Answer past = build({{"format", "png"}, {"page", "9"}});
  CHECK(past.status == 400);
  CHECK(json_of(past)["message"] == "page=9: the report has 8 pages");
}

TEST_CASE("options the service cannot take are 400 with what it takes", "[serve]") {
  auto answer = [](std::multimap<std::string, std::string> q) {
    return shared_service().handle(post("/v1/build", minimal_yaml(), "application/yaml", q));
  };
  serve::Answer unknown = answer({{"output", "/etc/passwd"}});
  CHECK(unknown.status == 400);
  CHECK(json_of(unknown)["error"] == "unknown_option");
  CHECK(json_of(unknown)["message"].get<std::string>().find("template, format") !=
        std::string::npos);
  CHECK(answer({{"format", "exe"}}).status == 400);
  CHECK(answer({{"dpi", "5000"}}).status == 400);
  CHECK(answer({{"page", "x"}}).status == 400);
  CHECK(answer({{"date", "yesterday"}}).status == 400);
  CHECK(answer({{"date", "2020-01-02"}}).status == 200);
  serve::Answer type =
      shared_service().handle(post("/v1/build", minimal_yaml(), "application/x-msdownload"));
  CHECK(type.status == 415);
}

TEST_CASE("a report's files come with the request, and a path is refused", "[serve]") {
  const std::string png = read_file(data_dir() / "images/photo-4x3.png");
  SECTION("base64 in a JSON request") {
    nlohmann::json req = {{"report", yaml_with_image("anh.png")},
                          {"options", {{"format", "pdf"}}},
                          {"files", {{"anh.png", base64(png)}}}};
    serve::Answer a = shared_service().handle(post("/v1/build", req.dump(), "application/json"));
    REQUIRE(a.status == 200);
    CHECK(pdf_text(a.body).find("Ảnh hội nghị") != std::string::npos);
  }
  SECTION("parts of a multipart form") {
    serve::HttpRequest r = post("/v1/build", "", "multipart/form-data");
    r.multipart = true;
    r.parts.push_back({"report", "bao-cao.yaml", "application/yaml", yaml_with_image("anh.png")});
    r.parts.push_back({"file", "anh.png", "image/png", png});
    serve::Answer a = shared_service().handle(r);
    REQUIRE(a.status == 200);
    CHECK(header(a, "Content-Disposition") == "attachment; filename=\"bao-cao.pdf\"");
  }
  SECTION("a path in the report") {
    for (std::string path : {"/etc/passwd", "../../etc/passwd", "anh/anh.png", ".hidden.png"}) {
      serve::Answer a = shared_service().handle(post("/v1/check", yaml_with_image(path)));
      REQUIRE(a.status == 422);
      auto e = json_of(a)["errors"][0];
      CHECK(e["line"] == 20);
      CHECK(e["path"] == "sections[0].body[2].image.file");
      CHECK(e["message"].get<std::string>().find("reads no file from its own disk") !=
            std::string::npos);
    }
  }
  SECTION("a name that did not come") {
    serve::Answer a = shared_service().handle(post("/v1/check", yaml_with_image("khong-co.png")));
    REQUIRE(a.status == 422);
    CHECK(json_of(a)["errors"][0]["message"] ==
          "an image named \"khong-co.png\" did not come with the request");
  }
  SECTION("a template file") {
    std::string y = minimal_yaml();
    y.replace(y.find("template: dang"), 14, "template: /etc/mau.yaml");
    serve::Answer a = shared_service().handle(post("/v1/check", y));
    REQUIRE(a.status == 422);
    auto e = json_of(a)["errors"][0];
    CHECK(e["line"] == 2);
    CHECK(e["expected"] == "the name of a built-in template (dang, hien-dai, nha-nuoc)");
  }
  SECTION("files the request cannot hold") {
    nlohmann::json bad_name = {{"report", minimal_yaml()}, {"files", {{"../x.png", "AAAA"}}}};
    CHECK(shared_service().handle(post("/v1/build", bad_name.dump(), "application/json")).status ==
          400);
    nlohmann::json bad_data = {{"report", minimal_yaml()}, {"files", {{"x.png", "not base64!"}}}};
    serve::Answer a =
        shared_service().handle(post("/v1/build", bad_data.dump(), "application/json"));
    CHECK(a.status == 400);
    CHECK(json_of(a)["error"] == "bad_base64");
    nlohmann::json extra = {{"report", minimal_yaml()}, {"output", "/tmp/x"}};
    CHECK(shared_service().handle(post("/v1/build", extra.dump(), "application/json")).status ==
          400);
    serve::HttpRequest no_report = post("/v1/build", "", "multipart/form-data");
    no_report.multipart = true;
    no_report.parts.push_back({"file", "anh.png", "image/png", png});
    CHECK(shared_service().handle(no_report).status == 400);
  }
}

TEST_CASE("no answer shows a folder of the server", "[serve]") {
  // An image that is not a PNG: the reader's message names the file it read.
  nlohmann::json req = {{"report", yaml_with_image("anh.png")},
                        {"files", {{"anh.png", base64("not a picture at all")}}}};
  serve::Answer a = shared_service().handle(post("/v1/build", req.dump(), "application/json"));
  REQUIRE(a.status == 422);
  CHECK(a.body.find("/tmp") == std::string::npos);
  CHECK(a.body.find("baocao-serve-") == std::string::npos);
  CHECK(a.body.find(repo_dir().string()) == std::string::npos);
}

TEST_CASE("the routes for editors: templates, schema, starter", "[serve]") {
  serve::Answer t = shared_service().handle(get("/v1/templates"));
  REQUIRE(t.status == 200);
  auto list = json_of(t)["templates"];
  REQUIRE(list.size() == 3);
  CHECK(list[0]["name"] == "dang");
  CHECK(!list[0]["description"].get<std::string>().empty());
  serve::Answer s = shared_service().handle(get("/v1/schema"));
  REQUIRE(s.status == 200);
  CHECK(json_of(s)["$schema"] == "https://json-schema.org/draft/2020-12/schema");
  serve::Answer st = shared_service().handle(get("/v1/starter", {{"template", "nha-nuoc"}}));
  REQUIRE(st.status == 200);
  CHECK(st.body == run_baocao("init --template nha-nuoc").output);
  CHECK(shared_service().handle(get("/v1/starter", {{"template", "x"}})).status == 400);
  // the starter builds as it is
  CHECK(shared_service().handle(post("/v1/check", st.body)).status == 200);
}

TEST_CASE("routes, methods, the editor's files and health", "[serve]") {
  serve::Service& s = shared_service();
  serve::Answer page = s.handle(get("/"));
  REQUIRE(page.status == 200);
  CHECK(page.content_type == "text/html; charset=utf-8");
  CHECK(page.body.find("<html") != std::string::npos);
  CHECK(s.handle(get("/editor.js")).content_type == "text/javascript; charset=utf-8");
  CHECK(s.handle(get("/healthz")).body == "{\"status\":\"ok\"}");
  CHECK(s.handle(get("/nothing")).status == 404);
  CHECK(s.handle(get("/../etc/passwd")).status == 404);
  serve::Answer m = s.handle(get("/v1/build"));
  CHECK(m.status == 405);
  CHECK(header(m, "Allow") == "POST");
  CHECK(s.handle(post("/v1/templates", "")).status == 405);
}

TEST_CASE("a token shuts every /v1 route and the metrics, not the page or health", "[serve]") {
  serve::ServeOptions o = test_options();
  o.token = "bi-mat-123";
  serve::Service s(o);
  serve::Answer no = s.handle(post("/v1/check", minimal_yaml()));
  CHECK(no.status == 401);
  CHECK(header(no, "WWW-Authenticate") == "Bearer realm=\"baocao\"");
  serve::HttpRequest wrong = post("/v1/check", minimal_yaml());
  wrong.authorization = "Bearer bi-mat-124";
  CHECK(s.handle(wrong).status == 401);
  serve::HttpRequest right = post("/v1/check", minimal_yaml());
  right.authorization = "Bearer bi-mat-123";
  CHECK(s.handle(right).status == 200);
  CHECK(s.handle(get("/metrics")).status == 401);
  CHECK(s.handle(get("/v1/templates")).status == 401);
  CHECK(s.handle(get("/")).status == 200);
  CHECK(s.handle(get("/healthz")).status == 200);
}

TEST_CASE("a full queue answers 503 with Retry-After; the others are built", "[serve]") {
  serve::ServeOptions o = test_options();
  o.workers = 1;
  o.queue = 1;
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  o.on_job_start = [&] {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return release; });
  };
  serve::Service s(o);
  auto metric = [&](const std::string& name) {
    std::string text = s.handle(get("/metrics")).body;
    size_t at = text.find("\n" + name + " ");
    return at == std::string::npos ? -1 : std::stoi(text.substr(at + name.size() + 2));
  };
  auto first =
      std::async(std::launch::async, [&] { return s.handle(post("/v1/check", minimal_yaml())); });
  while (metric("baocao_workers_busy") != 1)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  auto second =
      std::async(std::launch::async, [&] { return s.handle(post("/v1/check", minimal_yaml())); });
  while (metric("baocao_queue_length") != 1)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  serve::Answer third = s.handle(post("/v1/check", minimal_yaml()));
  CHECK(third.status == 503);
  CHECK(json_of(third)["error"] == "busy");
  CHECK(std::stoi(header(third, "Retry-After")) >= 1);
  {
    std::lock_guard lock(m);
    release = true;
  }
  cv.notify_all();
  CHECK(first.get().status == 200);
  CHECK(second.get().status == 200);
  std::string text = s.handle(get("/metrics")).body;
  CHECK(text.find("baocao_requests_total{route=\"/v1/check\",status=\"503\"} 1") !=
        std::string::npos);
  CHECK(text.find("baocao_requests_total{route=\"/v1/check\",status=\"200\"} 2") !=
        std::string::npos);
  CHECK(text.find("baocao_build_seconds_count 2") != std::string::npos);
  CHECK(text.find("baocao_font_systems 1") != std::string::npos);
}

TEST_CASE("a build past the time limit stops and answers 503", "[serve]") {
  serve::ServeOptions o = test_options();
  o.timeout = std::chrono::seconds(0);
  serve::Service s(o);
  serve::Answer a = s.handle(post("/v1/build", example_yaml()));
  CHECK(a.status == 503);
  CHECK(json_of(a)["error"] == "timeout");
  CHECK(json_of(a)["message"].get<std::string>().find("longer than the time allowed") !=
        std::string::npos);
}

TEST_CASE("after stop, builds are refused and health says so", "[serve]") {
  serve::Service s(test_options());
  s.stop();
  CHECK(s.handle(get("/healthz")).status == 503);
  CHECK(s.handle(post("/v1/check", minimal_yaml())).status == 503);
}
