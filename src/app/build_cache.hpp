#pragma once
// What builds in one process share (batch, serve): templates loaded once and
// read by every thread, and font systems built once per thread.
#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "app/build.hpp"

namespace baocao::app {

/// Templates by resolved file, loaded once and then read by every thread.
class SharedTemplates {
public:
  std::shared_ptr<const style::Style> get(const std::string& name,
                                          const std::filesystem::path& builtin_dir,
                                          const std::filesystem::path& base,
                                          const core::SourceSpan* asked_at);

private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const style::Style>> styles_;
};

/// One worker thread's cache: shared templates, and its own font systems
/// (FontSystem is not thread-safe). A font system's shape cache is keyed by
/// everything but the fallback chain, so each chain gets its own system.
class WorkerCache : public BuildCache {
public:
  explicit WorkerCache(SharedTemplates& templates);
  ~WorkerCache() override;

  std::shared_ptr<const style::Style> style(const std::string& name,
                                            const std::filesystem::path& builtin_dir,
                                            const std::filesystem::path& base,
                                            const core::SourceSpan* asked_at) override;
  text::FontSystem& fonts(const std::vector<std::filesystem::path>& font_dirs,
                          const std::vector<std::string>& fallback) override;
  /// How many font systems this thread has built; may be read from any thread.
  size_t font_systems() const { return built_; }

private:
  SharedTemplates& templates_;
  std::map<std::string, std::unique_ptr<text::FontSystem>> fonts_;
  std::atomic<size_t> built_{0};
};

} // namespace baocao::app
