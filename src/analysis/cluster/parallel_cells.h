// Per-cell work of the cluster kernels on core::parallelFor, and how many threads they use.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <thread>

#include "core/parallel.h"
#include "core/parallel_progress.h"

namespace circatlas::analysis::cluster {

/// How many threads the cluster kernels use for `pointCount` points: one for small inputs (a thread
/// costs more than it saves), otherwise every hardware thread, at most 8.
[[nodiscard]] inline unsigned kernelThreadCount(std::size_t pointCount) {
  if (pointCount < 20000) return 1;
  return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

/// Calls work(cell) for every cell in [0, cellCount) on `threads` threads, in batches of about 64
/// cells handed out as threads free up, so dense and sparse cells balance out. work must only write
/// data owned by its cell; the first exception thrown by any call is rethrown here. With a progress,
/// every batch counts its cells as done there, which throws core::Cancelled once cancelled.
template <typename Work>
void forEachCellParallel(std::size_t cellCount, unsigned threads, const Work& work,
                         core::ParallelProgress* progress = nullptr) {
  constexpr std::size_t kBatch = 64;
  core::parallelFor(cellCount, threads, kBatch, [&work, progress](unsigned, std::size_t begin, std::size_t end) {
    for (std::size_t batch = begin; batch < end; batch += kBatch) {
      const std::size_t last = std::min(end, batch + kBatch);
      for (std::size_t cell = batch; cell < last; ++cell) work(static_cast<std::uint32_t>(cell));
      if (progress) progress->done(last - batch);
    }
  });
}

}  // namespace circatlas::analysis::cluster
