// The one parallel-for of the code base: index ranges on a few threads through oneTBB, the first
// exception rethrown on the caller's thread.
#pragma once

#include <cstddef>
#include <functional>

namespace circatlas::core {

/// The work of one call: items [begin, end) on the thread known as `worker`.
using RangeWork = std::function<void(unsigned worker, std::size_t begin, std::size_t end)>;

/// How many workers parallelFor uses when `threads` are requested (0 = every hardware thread):
/// the worker indices it passes are below this, so per-worker scratch space can be sized by it.
[[nodiscard]] unsigned workerCount(unsigned threads);

/// Calls work(worker, begin, end) for sub-ranges of [0, count) of about `grain` items (a range is
/// split while it holds more than `grain`), on up to `threads` threads (0 = all), handed out dynamically
/// so dense and sparse parts balance. No two concurrent calls share a worker index, so per-worker
/// scratch space indexed by it needs no lock. Each call must write only the outputs of its own
/// items. With one thread, or count ≤ grain, it is one call on the caller's thread. The first
/// exception thrown stops the handing out of ranges and is rethrown here once all calls are done.
void parallelFor(std::size_t count, unsigned threads, std::size_t grain, const RangeWork& work);

}  // namespace circatlas::core
