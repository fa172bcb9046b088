// Progress for parts of a task: a stage's share of the whole, and a loop whose parts run on several threads.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <string_view>

#include "core/progress.h"

namespace circatlas::core {

/// One stage of a larger task: a fraction f reported here reaches `outer` as begin + f × (end − begin),
/// and cancellation passes through. A null outer makes it report nowhere and never cancel.
class ProgressSpan final : public Progress {
 public:
  ProgressSpan(Progress* outer, double begin, double end) noexcept : outer_(outer), begin_(begin), end_(end) {}
  void report(double fraction, std::string_view stage) override {
    if (outer_) outer_->report(begin_ + fraction * (end_ - begin_), stage);
  }
  [[nodiscard]] bool cancelled() const override { return outer_ && outer_->cancelled(); }

 private:
  Progress* outer_;
  double begin_;
  double end_;
};

/// The progress of one loop over `total` items whose parts run on several threads: each part calls
/// done(n) for the items it finished, from any thread. The outer progress is called under a lock (so it
/// need not be thread-safe), at most about 200 times over the loop, with the share of items done.
/// done() throws Cancelled, on the calling thread, once the outer progress asks to stop; the parallel
/// loop carries that to its caller. With a null outer it only counts.
class ParallelProgress {
 public:
  ParallelProgress(Progress* outer, std::size_t total, std::string_view stage);
  /// Counts `items` more as done, reports when another 1/200 of the total is reached, and checks for
  /// cancellation at every call.
  void done(std::size_t items);

 private:
  Progress* outer_;
  std::size_t total_;
  std::string stage_;
  std::mutex mutex_;
  std::size_t done_ = 0;
  std::size_t nextReport_ = 0;
};

}  // namespace circatlas::core
