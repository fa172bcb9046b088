// parallelFor on oneTBB: a task arena limits the threads, a blocked range with the caller's grain
// balances the work, and TBB carries the first exception back to the caller.
#include "core/parallel.h"

#include <tbb/blocked_range.h>
#include <tbb/info.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <cassert>

namespace circatlas::core {

unsigned workerCount(unsigned threads) {
  const auto all = static_cast<unsigned>(std::max(1, tbb::info::default_concurrency()));
  return threads == 0 ? all : threads;
}

void parallelFor(std::size_t count, unsigned threads, std::size_t grain, const RangeWork& work) {
  if (count == 0) return;
  grain = std::max<std::size_t>(grain, 1);
  const unsigned workers = workerCount(threads);
  if (workers == 1 || count <= grain) {
    work(0, 0, count);
    return;
  }
  tbb::task_arena arena(static_cast<int>(workers));
  arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<std::size_t>(0, count, grain), [&](const tbb::blocked_range<std::size_t>& r) {
      const int worker = tbb::this_task_arena::current_thread_index();
      assert(worker >= 0 && static_cast<unsigned>(worker) < workers);
      work(static_cast<unsigned>(worker), r.begin(), r.end());
    });
  });
}

}  // namespace circatlas::core
