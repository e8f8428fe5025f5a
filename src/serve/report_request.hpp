#pragma once
// A request as the service reads it (no HTTP library's types), and the
// report it carries: its text, the files it names and the build's options,
// from the query, a JSON envelope or a multipart form (docs/serve.md).
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/timestamp.hpp"

namespace baocao::serve {

struct HttpRequest {
  struct Part {
    std::string name;
    std::string filename;
    std::string content_type;
    std::string content;
  };
  std::string method;
  std::string path;
  std::multimap<std::string, std::string> query;
  std::string content_type; ///< the media type, lower-case, without parameters
  std::string authorization;
  std::string body;
  bool multipart = false;
  std::vector<Part> parts; ///< multipart/form-data, already split
};

/// What a report request asks for.
struct ReportRequest {
  std::string text;                         ///< the report, YAML or JSON
  std::string name = "report.yaml";         ///< what its errors call it
  std::map<std::string, std::string> files; ///< plain name -> bytes
  std::string template_name;                ///< empty: the report's own
  std::string format = "pdf";               ///< pdf, pdfa, png, svg, docx
  int page = 1;                             ///< png, svg: which page
  int dpi = 0;                              ///< png: 0 is the route's default
  std::optional<core::UtcTime> date;        ///< the metadata's date
  bool draft = false;
};

/// A request the service cannot read as a report request: 400, 413 or 415
/// with a message a client can act on.
class BadRequest : public std::runtime_error {
public:
  BadRequest(int status, std::string code, const std::string& message)
      : std::runtime_error(message), status_(status), code_(std::move(code)) {}
  int status() const { return status_; }
  const std::string& code() const { return code_; }

private:
  int status_;
  std::string code_;
};

/// The most files one request may carry, besides the report.
constexpr size_t kMaxFiles = 64;

/// Reads the report, its files and its options. Throws BadRequest.
ReportRequest read_report_request(const HttpRequest& request);

} // namespace baocao::serve
