#pragma once
// The service's bounded pool: a fixed number of build threads, each with its
// own font systems (app::WorkerCache), and a queue of fixed length. A full
// queue refuses at once, so the service answers 503 rather than piling work up.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "app/build_cache.hpp"

namespace baocao::serve {

class WorkerPool {
public:
  using Task = std::function<void(app::BuildCache&)>;

  /// `workers` threads; at most `queue` tasks waiting beyond those running.
  WorkerPool(int workers, int queue);
  ~WorkerPool(); ///< finishes every task taken, then joins
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Queues the task; false (and nothing queued) when the queue is full or the pool stopping.
  bool try_submit(Task task);
  /// Tasks waiting for a thread.
  size_t queued() const;
  /// Tasks running now.
  size_t running() const;
  /// Font systems built by all threads so far.
  size_t font_systems() const;
  /// Stops taking tasks; the queued ones still run. The destructor waits for them.
  void stop();

private:
  void work(size_t index);

  app::SharedTemplates templates_;
  std::vector<std::unique_ptr<app::WorkerCache>> caches_;
  size_t max_queue_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Task> tasks_;
  size_t running_ = 0;
  bool stopping_ = false;
  std::vector<std::jthread> threads_;
};

} // namespace baocao::serve
