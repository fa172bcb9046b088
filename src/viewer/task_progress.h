// TaskProgress: core::Progress for work in a worker thread, read and cancelled from the UI thread.
#pragma once

#include <atomic>

#include "core/progress.h"

namespace circatlas::viewer {

/// The worker reports into atomics; the UI polls fraction() on a timer (no queued signals, so
/// a fast tool does not flood the event loop) and calls cancel(), which the tool sees at its next
/// check and answers by throwing core::Cancelled.
class TaskProgress final : public core::Progress {
 public:
  void report(double fraction, std::string_view) override { fraction_.store(fraction, std::memory_order_relaxed); }
  [[nodiscard]] bool cancelled() const override { return cancelled_.load(std::memory_order_relaxed); }

  void cancel() noexcept { cancelled_.store(true, std::memory_order_relaxed); }
  [[nodiscard]] double fraction() const noexcept { return fraction_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> fraction_{0.0};
  std::atomic<bool> cancelled_{false};
};

}  // namespace circatlas::viewer
