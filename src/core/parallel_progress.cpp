// ParallelProgress: the share of a loop done, counted across threads and reported under one lock.
#include "core/parallel_progress.h"

#include <algorithm>

namespace circatlas::core {

namespace {
constexpr std::size_t kReports = 200;
}

ParallelProgress::ParallelProgress(Progress* outer, std::size_t total, std::string_view stage)
    : outer_(outer), total_(total), stage_(stage) {
  if (outer_) {
    if (outer_->cancelled()) throw Cancelled();
    outer_->report(0.0, stage_);
  }
}

void ParallelProgress::done(std::size_t items) {
  if (!outer_) return;
  const std::lock_guard lock(mutex_);
  if (outer_->cancelled()) throw Cancelled();
  done_ = std::min(total_, done_ + items);
  if (done_ < nextReport_) return;
  // The next report after another 1/200, but at the latest with the last item, which is reported once: a
  // loop's final parts may finish short of the next step, and the bar must still reach its end.
  nextReport_ = done_ == total_ ? total_ + 1 : std::min(total_, done_ + std::max<std::size_t>(1, total_ / kReports));
  outer_->report(total_ == 0 ? 1.0 : static_cast<double>(done_) / static_cast<double>(total_), stage_);
}

}  // namespace circatlas::core
