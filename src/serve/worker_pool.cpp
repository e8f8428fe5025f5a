#include "serve/worker_pool.hpp"

namespace baocao::serve {

WorkerPool::WorkerPool(int workers, int queue) : max_queue_(static_cast<size_t>(queue)) {
  for (int i = 0; i < workers; ++i)
    caches_.push_back(std::make_unique<app::WorkerCache>(templates_));
  for (int i = 0; i < workers; ++i)
    threads_.emplace_back([this, i] { work(static_cast<size_t>(i)); });
}

WorkerPool::~WorkerPool() {
  stop();
  threads_.clear(); // jthread joins
}

void WorkerPool::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
}

bool WorkerPool::try_submit(Task task) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || tasks_.size() >= max_queue_ + (caches_.size() - running_)) return false;
    tasks_.push_back(std::move(task));
  }
  wake_.notify_one();
  return true;
}

size_t WorkerPool::queued() const {
  std::lock_guard lock(mutex_);
  return tasks_.size();
}

size_t WorkerPool::running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

size_t WorkerPool::font_systems() const {
  size_t n = 0;
  for (const auto& cache : caches_) n += cache->font_systems();
  return n;
}

void WorkerPool::work(size_t index) {
  app::WorkerCache& cache = *caches_[index];
  for (;;) {
    Task task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !tasks_.empty(); });
      if (tasks_.empty()) return; // stopping, and nothing left to do
      task = std::move(tasks_.front());
      tasks_.pop_front();
      ++running_;
    }
    task(cache); // tasks catch their own exceptions: a build's failure is an answer
    std::lock_guard lock(mutex_);
    --running_;
  }
}

} // namespace baocao::serve
