#include "input/report_files.hpp"

#include <system_error>

namespace baocao::input {

namespace fs = std::filesystem;

ReportFiles::ReportFiles(const std::string& report_file, std::vector<fs::path> allowed_dirs,
                         std::vector<model::ExternalFile>& read)
    : base_(report_file == "<stdin>" ? fs::current_path() : fs::path(report_file).parent_path()),
      allowed_(std::move(allowed_dirs)), read_(read) {
  if (base_.empty()) base_ = fs::current_path();
}

fs::path ReportFiles::find(const Tree& node, const std::string& kind,
                           const std::string& expected) const {
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
