#include "serve/metrics.hpp"

#include <sstream>

namespace baocao::serve {

void Metrics::request(const std::string& route, int status) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
}

void Metrics::build_time(double seconds) {
  std::lock_guard lock(mutex_);
  ++builds_;
  build_seconds_ += seconds;
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++buckets_[i];
}

std::string Metrics::text(size_t queued, size_t running, size_t workers, size_t queue_limit,
                          size_t font_systems) const {
  std::ostringstream out;
  out.imbue(std::locale::classic());
  std::lock_guard lock(mutex_);
  out << "# HELP baocao_requests_total Requests answered, by route and status.\n"
         "# TYPE baocao_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out << "baocao_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} "
        << n << "\n";
  out << "# HELP baocao_build_seconds Time a worker spent on one report (build or check).\n"
         "# TYPE baocao_build_seconds histogram\n";
  for (size_t i = 0; i < kBuckets.size(); ++i)
    out << "baocao_build_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << buckets_[i] << "\n";
  out << "baocao_build_seconds_bucket{le=\"+Inf\"} " << builds_ << "\n"
      << "baocao_build_seconds_sum " << build_seconds_ << "\n"
      << "baocao_build_seconds_count " << builds_ << "\n";
  out << "# HELP baocao_queue_length Reports waiting for a worker.\n"
         "# TYPE baocao_queue_length gauge\n"
      << "baocao_queue_length " << queued << "\n"
      << "# HELP baocao_queue_limit Reports that may wait before the service answers 503.\n"
         "# TYPE baocao_queue_limit gauge\n"
      << "baocao_queue_limit " << queue_limit << "\n"
      << "# HELP baocao_workers_busy Workers building a report now.\n"
         "# TYPE baocao_workers_busy gauge\n"
      << "baocao_workers_busy " << running << "\n"
      << "# HELP baocao_workers Worker threads.\n"
         "# TYPE baocao_workers gauge\n"
      << "baocao_workers " << workers << "\n"
      << "# HELP baocao_font_systems Font systems built and kept (one per worker and font "
         "chain; each keeps its shaping cache).\n"
         "# TYPE baocao_font_systems gauge\n"
      << "baocao_font_systems " << font_systems << "\n";
  return out.str();
}

} // namespace baocao::serve
