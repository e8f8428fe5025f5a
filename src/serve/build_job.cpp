#include "serve/build_job.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <glib.h>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

#include "core/c_handle.hpp"
#include "core/data_dirs.hpp"
#include "core/error.hpp"

namespace baocao::serve {

namespace fs = std::filesystem;

namespace {

/// A private folder for one request (mode 0700 from mkdtemp), removed with everything in it.
class TempFolder {
public:
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "baocao-serve-XXXXXX").string();
    if (!::mkdtemp(pattern.data()))
      throw core::RuntimeError("cannot make a temporary folder for the request");
    path_ = pattern;
  }
  ~TempFolder() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  const fs::path& path() const { return path_; }

private:
  fs::path path_;
};

void write_file(const fs::path& file, const std::string& bytes) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  out.close();
  if (!out) throw core::RuntimeError("cannot store a file of the request (is the disk full?)");
}

struct Kind {
  app::OutputKind kind;
  const char* extension;
  const char* media_type;
};

Kind kind_of(const std::string& format) {
  if (format == "pdfa") return {app::OutputKind::pdfa, ".pdf", "application/pdf"};
  if (format == "png") return {app::OutputKind::png, ".png", "image/png"};
  if (format == "svg") return {app::OutputKind::svg, ".svg", "image/svg+xml"};
  if (format == "docx")
    return {app::OutputKind::docx, ".docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"};
  return {app::OutputKind::pdf, ".pdf", "application/pdf"};
}

/// Page k of a `page-{p}` pattern, as app/page_files names it (two digits at least).
fs::path page_file(const fs::path& dir, int k, const char* extension) {
  std::string n = std::to_string(k);
  if (n.size() < 2) n = "0" + n;
  return dir / ("page-" + n + extension);
}

std::string base64(const std::string& bytes) {
  core::CHandle<gchar, g_free> text(
      g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size()));
  return text.get();
}

std::string stem_of(const std::string& name) {
  std::string stem = fs::path(name).stem().string();
  return stem.empty() ? "report" : stem;
}

std::string warnings_json(const std::vector<std::string>& warnings,
                          const std::vector<std::string>& folders) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& w : warnings) list.push_back(without_paths(w, folders));
  return list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Answer run_in(JobKind kind, const ReportRequest& r, app::BuildCache& cache,
              std::chrono::steady_clock::time_point deadline, const fs::path& dir,
              const std::vector<std::string>& folders) {
  const fs::path files = dir / "files";
  fs::create_directory(files);
  for (const auto& [name, bytes] : r.files) write_file(files / name, bytes);

  app::BuildOptions o;
  o.input = r.name;
  o.input_text = r.text;
  o.request_files = files;
  o.builtin_templates_only = true;
  o.template_override = r.template_name;
  o.date = r.date;
  o.draft = r.draft;
  o.deadline = deadline;
  o.force = true;

  if (kind == JobKind::check) {
    app::BuildResult result = app::check(o, &cache);
    return {200,
            "application/json",
            "{\"ok\":true,\"pages\":" + std::to_string(result.pages) +
                ",\"warnings\":" + warnings_json(result.warnings, folders) + "}",
            {}};
  }
  Kind k = kind == JobKind::preview ? Kind{app::OutputKind::png, ".png", "image/png"}
                                    : kind_of(r.format);
  o.kind = k.kind;
  if (k.kind == app::OutputKind::pdfa) o.haru.pdfa = true;
  if (k.kind == app::OutputKind::png)
    o.dpi = r.dpi ? r.dpi : kind == JobKind::preview ? kPreviewDpi : 150;
  const bool paged = k.kind == app::OutputKind::png || k.kind == app::OutputKind::svg;
  o.output = paged ? (dir / (std::string("page-{p}") + k.extension)).string()
                   : (dir / (std::string("out") + k.extension)).string();
  std::ostringstream nowhere;
  app::BuildResult result = app::build(o, nowhere, &cache);
  const std::string warnings = warnings_json(result.warnings, folders);

  if (kind == JobKind::preview) {
    std::string json = "{\"ok\":true,\"pages\":" + std::to_string(result.pages) + ",\"images\":[";
    const int shown = std::min(result.pages, kMaxPreviewPages);
    for (int i = 1; i <= shown; ++i)
      json += (i > 1 ? ",\"" : "\"") + base64(app::read_bytes(page_file(dir, i, ".png"))) + "\"";
    json += std::string("],\"truncated\":") + (result.pages > shown ? "true" : "false") +
            ",\"warnings\":" + warnings + "}";
    return {200, "application/json", json, {}};
  }

  Answer a;
  a.content_type = k.media_type;
  if (paged) {
    if (r.page > result.pages)
      return error_answer(400, "no_such_page",
                          "page=" + std::to_string(r.page) + ": the report has " +
                              app::pages_text(result.pages));
    a.body = app::read_bytes(page_file(dir, r.page, k.extension));
  } else {
    a.body = app::read_bytes(dir / (std::string("out") + k.extension));
  }
  std::string file = stem_of(r.name);
  if (paged) file += "-" + std::to_string(r.page);
  a.headers.emplace_back("Content-Disposition",
                         "attachment; filename=\"" + file + k.extension + "\"");
  a.headers.emplace_back("X-Baocao-Pages", std::to_string(result.pages));
  if (!result.warnings.empty())
    a.headers.emplace_back("X-Baocao-Warnings", std::to_string(result.warnings.size()));
  return a;
}

} // namespace

Answer run_job(JobKind kind, const ReportRequest& request, app::BuildCache& cache,
               std::chrono::steady_clock::time_point deadline) {
  std::vector<std::string> folders;
  try {
    TempFolder dir;
    folders = {dir.path().string(), core::data_dir().string()};
    try {
      return run_in(kind, request, cache, deadline, dir.path(), folders);
    } catch (const core::InputError& e) {
      const core::SourceSpan& at = e.where();
      core::InputError clean({without_paths(at.file, folders), at.line, at.col}, e.key_path(),
                             without_paths(e.problem(), folders),
                             without_paths(e.expected(), folders));
      return input_error_answer(clean);
    }
  } catch (const std::exception& e) {
    if (std::chrono::steady_clock::now() > deadline)
      return error_answer(503, "timeout", without_paths(e.what(), folders));
    return error_answer(500, "build_failed", without_paths(e.what(), folders));
  }
}

} // namespace baocao::serve
