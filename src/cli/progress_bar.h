// A text progress bar on stderr for long CLI jobs (the atlas), adapting core::Progress.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include "core/progress.h"

namespace circatlas::cli {

/// Redraws one line on a terminal; writes a line per 10 % step when stderr is not a terminal, so
/// logs stay readable. Silent for the first half second, so quick jobs print nothing but their
/// results. Thread-safe: workers may report concurrently.
class ProgressBar final : public core::Progress {
 public:
  ProgressBar();
  ~ProgressBar() override;
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  void report(double fraction, std::string_view stage) override;
  [[nodiscard]] bool cancelled() const override { return false; }
  /// Ends the bar's line.
  void finish();

 private:
  std::mutex mutex_;
  std::chrono::steady_clock::time_point start_;
  bool terminal_;
  bool open_ = false;
  int lastStep_ = -1;
};

}  // namespace circatlas::cli
