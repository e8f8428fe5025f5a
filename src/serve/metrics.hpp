#pragma once
// The service's counters, in Prometheus' text format (GET /metrics).
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace baocao::serve {

class Metrics {
public:
  /// One answered request: its route ("/v1/build", or "other") and status.
  void request(const std::string& route, int status);
  /// One build or check run by a worker, in seconds.
  void build_time(double seconds);
  /// The exposition, with the gauges read now.
  std::string text(size_t queued, size_t running, size_t workers, size_t queue_limit,
                   size_t font_systems) const;

  /// The histogram's upper bounds, in seconds.
  static constexpr std::array<double, 10> kBuckets{0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

private:
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, uint64_t> requests_;
  std::array<uint64_t, kBuckets.size()> buckets_{};
  uint64_t builds_ = 0;
  double build_seconds_ = 0;
};

} // namespace baocao::serve
