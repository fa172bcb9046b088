// Runs independent per-cell work on a few threads, handing out cells in small batches.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <thread>
#include <vector>

namespace circatlas::analysis::cluster {

/// How many threads the cluster kernels use for `pointCount` points: one for small inputs (a thread
/// costs more than it saves), otherwise every hardware thread, at most 8.
[[nodiscard]] inline unsigned kernelThreadCount(std::size_t pointCount) {
  if (pointCount < 20000) return 1;
  return std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
}

/// Calls work(cell) for every cell in [0, cellCount) on `threads` threads. Cells are handed out in
/// batches from a shared counter, so dense and sparse cells balance out. work must only write
/// data owned by its cell; the first exception thrown by any call is rethrown here.
template <typename Work>
void forEachCellParallel(std::size_t cellCount, unsigned threads, const Work& work) {
  constexpr std::size_t kBatch = 64;
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::atomic<bool> failed{false};
  auto drain = [&] {
    try {
      for (std::size_t begin = next.fetch_add(kBatch); begin < cellCount && !failed.load();
           begin = next.fetch_add(kBatch)) {
        const std::size_t end = std::min(begin + kBatch, cellCount);
        for (std::size_t cell = begin; cell < end; ++cell) work(static_cast<std::uint32_t>(cell));
      }
    } catch (...) {
      if (!failed.exchange(true)) failure = std::current_exception();
    }
  };
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(drain);
  drain();
  for (std::thread& helper : helpers) helper.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace circatlas::analysis::cluster
