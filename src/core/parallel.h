// Splitting index ranges over a few threads, with the first exception rethrown on the caller's thread.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace circatlas::core {

/// Threads to use for `n` items when each thread should get at least `minPerThread` of them:
/// `requested` (0 = all hardware threads), never more than the items justify, at least one.
[[nodiscard]] inline unsigned threadCountFor(std::size_t n, unsigned requested, std::size_t minPerThread) {
  const unsigned wanted = requested == 0 ? std::max(1U, std::thread::hardware_concurrency()) : requested;
  return static_cast<unsigned>(std::min<std::size_t>(wanted, std::max<std::size_t>(1, n / std::max<std::size_t>(1, minPerThread))));
}

/// Calls work(thread, begin, end) for `threads` contiguous chunks of [0, n), chunk 0 on the
/// calling thread. Each call must write only its own outputs. Exceptions thrown by any call are
/// rethrown here after all threads have finished (the first thread's first).
template <typename Work>
void forEachChunk(std::size_t n, unsigned threads, const Work& work) {
  threads = std::max(1U, threads);
  std::vector<std::exception_ptr> errors(threads);
  auto run = [&](unsigned t) {
    try {
      work(t, n * t / threads, n * (t + 1) / threads);
    } catch (...) {
      errors[t] = std::current_exception();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(run, t);
  run(0);
  for (auto& th : pool) th.join();
  for (const auto& e : errors) {
    if (e) std::rethrow_exception(e);
  }
}

}  // namespace circatlas::core
