#pragma once
// One report request run by a worker: the report and its files in a private
// temporary folder, the build (or check) as the command line runs it, and
// the answer: the file, the pages as PNGs, or the errors as JSON.
#include <chrono>

#include "app/build.hpp"
#include "serve/answer.hpp"
#include "serve/report_request.hpp"

namespace baocao::serve {

enum class JobKind {
  build,   ///< the file in the format asked for
  check,   ///< the errors only (the pages are laid out, then dropped)
  preview, ///< every page as a PNG (at most kMaxPreviewPages), in JSON
};

constexpr int kMaxPreviewPages = 50;
constexpr int kPreviewDpi = 60;
constexpr int kMaxPreviewDpi = 150;

/// Runs the job; every outcome is an answer (a report's error is 422, a
/// build past `deadline` 503). No answer names a folder of the server.
Answer run_job(JobKind kind, const ReportRequest& request, app::BuildCache& cache,
               std::chrono::steady_clock::time_point deadline);

} // namespace baocao::serve
