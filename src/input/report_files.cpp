#include "input/report_files.hpp"

#include <system_error>

namespace baocao::input {

namespace fs = std::filesystem;

ReportFiles::ReportFiles(const std::string& report_file, std::vector<fs::path> allowed_dirs,
                         std::vector<model::ExternalFile>& read, fs::path request_files)
    : base_(report_file == "<stdin>" ? fs::current_path() : fs::path(report_file).parent_path()),
      allowed_(std::move(allowed_dirs)), read_(read), request_files_(std::move(request_files)) {
  if (base_.empty()) base_ = fs::current_path();
}

bool plain_file_name(const std::string& name) {
  if (name.empty() || name.size() > 255 || name[0] == '.') return false;
  return name.find_first_of(std::string_view("/\\:\0", 4)) == std::string::npos;
}

fs::path ReportFiles::find_sent(const Tree& node, const std::string& kind) const {
  const std::string name = text(node);
  const std::string expected =
      "the plain name of a file sent with the request (such as logo.png): a part of a "
      "multipart/form-data request, or a key of \"files\" in a JSON request (docs/serve.md)";
  if (!plain_file_name(name))
    fail(node,
         "\"" + name +
             "\" is a path (or a hidden name); the service reads no file from its own disk",
         expected);
  fs::path p = request_files_ / name;
  std::error_code ec;
  if (!fs::is_regular_file(fs::symlink_status(p, ec)))
    fail(node, kind + " named \"" + name + "\" did not come with the request", expected);
  return p;
}

fs::path ReportFiles::find(const Tree& node, const std::string& kind,
                           const std::string& expected) const {
  if (!request_files_.empty()) return find_sent(node, kind);
  fs::path p(text(node));
  if (p.is_relative()) p = base_ / p;
  std::error_code ec;
  if (!fs::is_regular_file(p, ec)) fail(node, "no such file " + p.string(), expected);
  // A report names files in its own folder tree; anything else (../../etc,
  // an absolute path, a symlink leading out) needs --allow-paths.
  fs::path real = fs::canonical(p, ec);
  if (ec) fail(node, "cannot resolve " + p.string() + " (" + ec.message() + ")", "a readable file");
  auto within = [&](const fs::path& dir) {
    std::error_code e;
    fs::path d = fs::canonical(dir, e);
    if (e) return false;
    fs::path rel = real.lexically_relative(d);
    return !rel.empty() && *rel.begin() != "..";
  };
  if (within(base_)) return p;
  for (const auto& dir : allowed_) {
    if (within(dir)) return p;
  }
  fail(node, real.string() + " is outside the report's folder " + fs::absolute(base_).string(),
       kind + " in the report's folder or below it (or allow its folder with --allow-paths DIR)");
}

void ReportFiles::note(const fs::path& file, const std::string& role) const {
  read_.push_back({file.lexically_normal().string(), role});
}

} // namespace baocao::input
