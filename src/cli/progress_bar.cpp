// Progress bar drawing: carriage-return redraws on a terminal, sparse lines otherwise.
#include "cli/progress_bar.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace circatlas::cli {

ProgressBar::ProgressBar() : start_(std::chrono::steady_clock::now()), terminal_(::isatty(STDERR_FILENO) == 1) {}

ProgressBar::~ProgressBar() { finish(); }

void ProgressBar::report(double fraction, std::string_view stage) {
  const std::lock_guard lock(mutex_);
  if (std::chrono::steady_clock::now() - start_ < std::chrono::milliseconds(500)) return;
  fraction = std::clamp(fraction, 0.0, 1.0);
  const int percent = static_cast<int>(std::floor(fraction * 100.0));
  if (terminal_) {
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(kWidth - filled), '-');
    std::fprintf(stderr, "\r[%s] %3d%% %-48.48s", bar.c_str(), percent, std::string(stage).c_str());
    std::fflush(stderr);
    open_ = true;
  } else if (percent / 10 != lastStep_) {
    lastStep_ = percent / 10;
    std::fprintf(stderr, "%3d%% %s\n", percent, std::string(stage).c_str());
  }
}

void ProgressBar::finish() {
  const std::lock_guard lock(mutex_);
  if (open_) std::fputc('\n', stderr);
  open_ = false;
}

}  // namespace circatlas::cli
