#include "app/batch.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <unistd.h>

#include "app/build_cache.hpp"
#include "app/usage_error.hpp"
#include "core/error.hpp"
#include "input/template_files.hpp"
#include "input/template_loader.hpp"
#include "style/style.hpp"
#include "text/font_system.hpp"

namespace baocao::app {
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kMaxJobs = 256;

int parse_jobs(const std::string& text) {
  int n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || n < 1 ||
      n > kMaxJobs)
    throw UsageError("--jobs " + text + ": expected a whole number from 1 to " +
                     std::to_string(kMaxJobs));
  return n;
}

enum class Outcome { built, bad_input, failed };

/// Progress and messages on stderr, one whole message at a time.
class Progress {
public:
  Progress(std::ostream& err, size_t total, bool terminal, bool quiet)
      : err_(err), total_(total), terminal_(terminal && !quiet), quiet_(quiet) {}

  /// The empty bar, so a terminal shows at once that work has started.
  void begin() {
    std::lock_guard lock(mutex_);
    if (!terminal_) return;
    draw();
    err_.flush();
  }

  void finished(Outcome outcome, const std::string& message) {
    std::lock_guard lock(mutex_);
    ++done_;
    if (outcome != Outcome::built) ++failed_;
    if (outcome == Outcome::bad_input) ++bad_input_;
    bool show = !message.empty() && (outcome != Outcome::built || (!quiet_ && !terminal_));
    if (terminal_) err_ << "\r\033[K";
    if (show) err_ << message << "\n";
    if (terminal_) draw();
    err_.flush();
  }

  void summary() {
    std::lock_guard lock(mutex_);
    if (terminal_) err_ << "\r\033[K";
    if (!quiet_ || failed_ > 0) {
      char secs[32];
      std::snprintf(secs, sizeof secs, "%.1f", seconds());
      err_ << "built " << done_ - failed_ << ", failed " << failed_ << " in " << secs << " s";
      if (duplicates_)
        err_ << " (" << duplicates_ << " duplicate input" << (duplicates_ == 1 ? "" : "s")
             << " skipped)";
      err_ << "\n";
    }
    err_.flush();
  }

  void set_duplicates(size_t n) { duplicates_ = n; }
  size_t failed() const { return failed_; }
  size_t bad_input() const { return bad_input_; }

private:
  double seconds() const { return std::chrono::duration<double>(Clock::now() - start_).count(); }

  void draw() {
    constexpr size_t kWidth = 30;
    size_t filled = total_ ? done_ * kWidth / total_ : kWidth;
    std::string bar(kWidth, ' ');
    for (size_t i = 0; i < filled; ++i) bar[i] = '=';
    if (filled > 0 && filled < kWidth) bar[filled - 1] = '>';
    char secs[32];
    std::snprintf(secs, sizeof secs, "%.1f", seconds());
    err_ << "[" << bar << "] " << done_ << "/" << total_;
    if (failed_) err_ << "  " << failed_ << " failed";
    err_ << "  " << secs << " s";
  }

  std::ostream& err_;
  std::mutex mutex_;
  size_t total_;
  bool terminal_;
  bool quiet_;
  size_t done_ = 0, failed_ = 0, bad_input_ = 0, duplicates_ = 0;
  Clock::time_point start_ = Clock::now();
};

/// One report, told as a single build tells it.
void build_one(const BuildOptions& options, std::ostream& out, BuildCache& cache,
               Progress& progress) {
  try {
    BuildResult r = build(options, out, &cache);
    std::string message;
    for (const auto& w : r.warnings) message += "warning: " + w + "\n";
    message += "wrote " + r.output.string() + " (" + pages_text(r.pages) + ")";
    progress.finished(Outcome::built, message);
  } catch (const core::InputError& e) {
    progress.finished(Outcome::bad_input, e.what());
  } catch (const UsageError& e) { // an output over a file this report reads
    progress.finished(Outcome::bad_input, std::string("baocao: ") + e.what());
  } catch (const std::exception& e) {
    progress.finished(Outcome::failed, std::string("baocao: ") + e.what());
  }
}

} // namespace

bool parse_batch_flag(BatchOptions& batch, const std::vector<std::string>& args, size_t& i) {
  const std::string& a = args[i];
  auto value = [&]() -> std::string {
    if (i + 1 >= args.size()) throw UsageError(a + " needs a value");
    return args[++i];
  };
  if (a == "--out-dir") {
    batch.out_dir = value();
    if (batch.out_dir.empty()) throw UsageError("--out-dir needs a folder");
  } else if (a == "--jobs" || a == "-j") {
    batch.jobs = parse_jobs(value());
  } else if (a == "--shard") {
    batch.shard = parse_shard(value());
  } else if (a == "--quiet" || a == "-q") {
    batch.quiet = true;
  } else {
    return false;
  }
  batch.flagged = true;
  return true;
}

bool is_batch(const BatchOptions& batch) {
  return batch.flagged || batch.inputs.size() > 1 ||
         (batch.inputs.size() == 1 && names_many(batch.inputs.front()));
}

int run_batch(const BuildOptions& base, const BatchOptions& batch, std::ostream& out,
              std::ostream& err) {
  Inputs expanded = expand_inputs(batch.inputs);
  std::vector<std::string> inputs = std::move(expanded.paths);
  for (const auto& in : inputs)
    if (in == "-") throw UsageError("- (standard input) cannot be built in a batch");
  if (base.dump_layout) throw UsageError("--dump-layout takes a single input and no batch flags");
  if (base.split_appendices)
    throw UsageError("--split-appendices takes a single input and no batch flags (an appendix's "
                     "file could take another input's name)");
  if (!base.output.empty() && !batch.out_dir.empty())
    throw UsageError("give -o (one output file) or --out-dir (a folder), not both");
  if (!base.output.empty() && inputs.size() > 1)
    throw UsageError("-o names one output file, but there are " + std::to_string(inputs.size()) +
                     " inputs: use --out-dir DIR");
  if (batch.shard) {
    std::vector<std::string> mine;
    for (auto& in : inputs)
      if (in_shard(in, *batch.shard)) mine.push_back(std::move(in));
    inputs = std::move(mine);
  }
  // Each input's file takes the kind's extension: a batch of --format docx writes .docx files.
  std::vector<fs::path> targets =
      plan_targets(inputs, batch.out_dir, std::string(output_spec(base.kind).extension));
  if (!base.output.empty() && !targets.empty()) targets.front() = base.output;
  if (!batch.out_dir.empty() && !inputs.empty()) {
    std::error_code ec;
    fs::create_directories(batch.out_dir, ec);
    if (ec)
      throw core::RuntimeError("cannot make the folder " + batch.out_dir + ": " + ec.message());
  }

  int jobs =
      batch.jobs.value_or(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  jobs = std::max(1, std::min<int>(jobs, static_cast<int>(inputs.size())));
  bool terminal = &err == &std::cerr && ::isatty(STDERR_FILENO);
  Progress progress(err, inputs.size(), terminal, batch.quiet);
  if (!batch.quiet)
    for (const auto& d : expanded.duplicates)
      err << "skipped " << d.skipped << ": "
          << (d.skipped == d.same_as ? "named more than once" : "the same file as " + d.same_as)
          << "\n";
  progress.set_duplicates(expanded.duplicates.size());
  progress.begin();

  SharedTemplates templates;
  // Owned here, not by the threads: a font system is destroyed only after
  // every worker has finished (its destructor touches fontconfig's global default).
  std::vector<std::unique_ptr<WorkerCache>> caches;
  for (int j = 0; j < jobs; ++j) caches.push_back(std::make_unique<WorkerCache>(templates));
  std::atomic<size_t> next{0};
  auto work = [&](WorkerCache& cache) {
    for (size_t i; (i = next.fetch_add(1)) < inputs.size();) {
      BuildOptions options = base;
      options.input = inputs[i];
      options.output = targets[i].string();
      build_one(options, out, cache, progress);
    }
  };
  if (jobs == 1 && !std::getenv("BAOCAO_THREAD")) {
    work(*caches.front()); // no thread for a single worker
  } else {
    std::vector<std::thread> threads;
    for (int j = 0; j < jobs; ++j) threads.emplace_back(work, std::ref(*caches[j]));
    for (auto& t : threads) t.join();
  }
  progress.summary();
  if (progress.failed() == 0) return 0;
  return progress.failed() == progress.bad_input() ? 2 : 1;
}

} // namespace baocao::app
