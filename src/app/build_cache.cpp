#include "app/build_cache.hpp"

#include "core/error.hpp"
#include "input/template_files.hpp"
#include "input/template_loader.hpp"
#include "style/style.hpp"
#include "text/font_system.hpp"

namespace baocao::app {
namespace fs = std::filesystem;

std::shared_ptr<const style::Style> SharedTemplates::get(const std::string& name,
                                                         const fs::path& builtin_dir,
                                                         const fs::path& base,
                                                         const core::SourceSpan* asked_at) {
  std::string key;
  try {
    std::error_code ec;
    key = fs::weakly_canonical(input::resolve(name, builtin_dir, base, nullptr).path, ec);
  } catch (const core::InputError&) {
    key.clear(); // unknown template: load_template below says so, pointing at the report
  }
  std::lock_guard lock(mutex_);
  if (!key.empty())
    if (auto it = styles_.find(key); it != styles_.end()) return it->second;
  // Loaded under the lock: the other threads need it too, and it happens once.
  auto style =
      std::make_shared<const style::Style>(input::load_template(name, builtin_dir, base, asked_at));
  if (!key.empty()) styles_.emplace(key, style); // a template with an error is never kept
  return style;
}

WorkerCache::WorkerCache(SharedTemplates& templates) : templates_(templates) {}
WorkerCache::~WorkerCache() = default;

std::shared_ptr<const style::Style> WorkerCache::style(const std::string& name,
                                                       const fs::path& builtin_dir,
                                                       const fs::path& base,
                                                       const core::SourceSpan* asked_at) {
  return templates_.get(name, builtin_dir, base, asked_at);
}

text::FontSystem& WorkerCache::fonts(const std::vector<fs::path>& font_dirs,
                                     const std::vector<std::string>& fallback) {
  std::string key;
  for (const auto& d : font_dirs) key += d.string() + '\n';
  key += '\n';
  for (const auto& f : fallback) key += f + '\n';
  auto& slot = fonts_[key];
  if (!slot) {
    slot = std::make_unique<text::FontSystem>(font_dirs, fallback);
    ++built_;
  }
  return *slot;
}

} // namespace baocao::app
