#include "serve/report_request.hpp"

#include <charconv>
#include <glib.h>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/c_handle.hpp"
#include "input/report_files.hpp"

namespace baocao::serve {

namespace {

using Json = nlohmann::json;

const char* const kOptions = "template, format, page, dpi, date, draft";

int whole_number(const std::string& key, const std::string& text, int low, int high) {
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n < low || n > high)
    throw BadRequest(400, "bad_option",
                     "option " + key + "=" + text + ": expected a whole number from " +
                         std::to_string(low) + " to " + std::to_string(high));
  return n;
}

/// One option, from the query or a JSON envelope's "options" (as text).
void set_option(ReportRequest& r, const std::string& key, const std::string& value) {
  if (key == "template") {
    r.template_name = value;
  } else if (key == "format") {
    if (value != "pdf" && value != "pdfa" && value != "png" && value != "svg" && value != "docx")
      throw BadRequest(400, "bad_option",
                       "option format=" + value + ": expected pdf, pdfa, png, svg or docx");
    r.format = value;
  } else if (key == "page") {
    r.page = whole_number(key, value, 1, 100000);
  } else if (key == "dpi") {
    r.dpi = whole_number(key, value, 10, 300);
  } else if (key == "date") {
    r.date = core::parse_utc_date(value);
    if (!r.date)
      throw BadRequest(400, "bad_option",
                       "option date=" + value + ": expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
  } else if (key == "draft") {
    if (value != "true" && value != "false")
      throw BadRequest(400, "bad_option", "option draft=" + value + ": expected true or false");
    r.draft = value == "true";
  } else {
    throw BadRequest(400, "unknown_option",
                     "unknown option \"" + key + "\"; the options are " + kOptions);
  }
}

std::string option_text(const std::string& key, const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  throw BadRequest(400, "bad_option",
                   "option " + key + ": expected a string, a whole number or true/false");
}

void set_options(ReportRequest& r, const Json& options) {
  if (!options.is_object())
    throw BadRequest(400, "bad_envelope", "\"options\" must be a JSON object");
  for (const auto& [key, value] : options.items()) set_option(r, key, option_text(key, value));
}

void add_file(ReportRequest& r, const std::string& name, std::string bytes) {
  if (!input::plain_file_name(name))
    throw BadRequest(400, "bad_file_name",
                     "a file sent with the report is named \"" + name +
                         "\"; a file's name must be a plain name such as logo.png (no folder)");
  if (r.files.size() >= kMaxFiles)
    throw BadRequest(400, "too_many_files",
                     "more than " + std::to_string(kMaxFiles) + " files came with the report");
  if (!r.files.emplace(name, std::move(bytes)).second)
    throw BadRequest(400, "duplicate_file", "two files are named \"" + name + "\"");
}

using GBytes = core::CHandle<guchar, g_free>;

/// Strict base64 (RFC 4648, padding optional): a stray character is an error
/// rather than skipped, which g_base64_decode alone would do.
std::string base64_bytes(const std::string& name, const std::string& text) {
  std::string clean;
  clean.reserve(text.size());
  for (char c : text) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              c == '+' || c == '/' || c == '=';
    if (c == '\n' || c == '\r') continue;
    if (!ok) throw BadRequest(400, "bad_base64", "files." + name + " is not base64");
    clean += c;
  }
  while (clean.size() % 4) clean += '=';
  gsize length = 0;
  GBytes data(g_base64_decode(clean.c_str(), &length));
  return std::string(reinterpret_cast<const char*>(data.get()), length);
}

/// {"report": ..., "options": {...}, "files": {"logo.png": "<base64>"}}
void read_envelope(ReportRequest& r, const Json& j) {
  for (const auto& [key, value] : j.items()) {
    if (key == "report") {
      // A report given as JSON is built as its own text: its errors' lines
      // and columns are those of this pretty-printed form; the key path is exact.
      r.text = value.is_string() ? value.get<std::string>()
                                 : value.dump(2, ' ', false, Json::error_handler_t::replace);
      if (!value.is_string()) r.name = "report.json";
    } else if (key == "options") {
      set_options(r, value);
    } else if (key == "files") {
      if (!value.is_object())
        throw BadRequest(400, "bad_envelope",
                         "\"files\" must be an object of file names and base64 contents");
      for (const auto& [name, data] : value.items()) {
        if (!data.is_string())
          throw BadRequest(400, "bad_base64", "files." + name + " must be a base64 string");
        add_file(r, name, base64_bytes(name, data.get<std::string>()));
      }
    } else {
      throw BadRequest(400, "bad_envelope",
                       "unknown key \"" + key +
                           "\" in the request; a JSON request holds report, options and files");
    }
  }
}

bool is_yaml_type(const std::string& t) {
  return t.empty() || t == "application/yaml" || t == "application/x-yaml" || t == "text/yaml" ||
         t == "text/x-yaml" || t == "text/plain" || t == "application/octet-stream";
}

} // namespace

ReportRequest read_report_request(const HttpRequest& request) {
  ReportRequest r;
  if (request.multipart) {
    bool have_report = false;
    for (const auto& part : request.parts) {
      if (part.name == "report") {
        r.text = part.content;
        have_report = true;
        if (input::plain_file_name(part.filename)) r.name = part.filename;
      } else if (part.name == "options") {
        Json j = Json::parse(part.content, nullptr, false);
        if (j.is_discarded())
          throw BadRequest(400, "bad_options", "the \"options\" part is not valid JSON");
        set_options(r, j);
      } else {
        add_file(r, part.filename.empty() ? part.name : part.filename, part.content);
      }
    }
    if (!have_report)
      throw BadRequest(400, "no_report", "the form has no part named \"report\" with the report");
  } else if (request.content_type == "application/json") {
    Json j = Json::parse(request.body, nullptr, false);
    if (!j.is_discarded() && j.is_object() && j.contains("report")) {
      read_envelope(r, j);
    } else {
      // The report itself, in JSON: read as YAML, so its errors keep line and column.
      r.text = request.body;
      r.name = "report.json";
    }
  } else if (is_yaml_type(request.content_type)) {
    r.text = request.body;
  } else {
    throw BadRequest(415, "unsupported_media_type",
                     "a report is sent as application/yaml, application/json or "
                     "multipart/form-data, not " +
                         request.content_type);
  }
  // The query's options come last: they override the body's.
  for (const auto& [key, value] : request.query) set_option(r, key, value);
  return r;
}

} // namespace baocao::serve
