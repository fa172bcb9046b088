// BucketQueue pops exactly what a binary heap of (distance, node) pairs pops, ties by node, as searches
// use it, whatever largest step it is told (right, far too small, far too large).
#include "analysis/network/bucket_queue.h"

#include <gtest/gtest.h>

#include <functional>
#include <limits>
#include <queue>
#include <random>
#include <string>
#include <utility>
#include <vector>

namespace circatlas::analysis::network {
namespace {

using Entry = std::pair<double, std::uint32_t>;
using Reference = std::priority_queue<Entry, std::vector<Entry>, std::greater<>>;

// A search-shaped sequence: a few starting entries, then after each pop up to four pushes at or above the
// key popped (equal to it, a whole step above it, or anywhere up to a step above it).
void expectBinaryHeapOrder(BucketQueue& queue, double step, double toldStep, std::uint64_t seed, double startSpread) {
  std::mt19937_64 rng(seed);
  std::uniform_int_distribution<std::uint32_t> node(0, 50);
  std::uniform_int_distribution<int> fanOut(0, 4);
  std::uniform_int_distribution<int> kind(0, 9);
  std::uniform_real_distribution<double> within(0.0, step);
  std::uniform_real_distribution<double> start(0.0, startSpread);
  const std::string what = "step " + std::to_string(step) + ", told " + std::to_string(toldStep);
  Reference reference;
  queue.clear(toldStep);
  for (int i = 0; i < 3; ++i) {
    const Entry e{kind(rng) == 0 ? 0.0 : start(rng), node(rng)};
    queue.push(e.first, e.second);
    reference.push(e);
  }
  for (std::size_t p = 0; p < 20000 && !reference.empty(); ++p) {
    ASSERT_EQ(queue.size(), reference.size()) << what;
    const Entry expected = reference.top();
    reference.pop();
    const Entry got = queue.pop();
    ASSERT_EQ(got, expected) << what << ", pop " << p;
    for (int k = fanOut(rng); k > 0; --k) {
      const int how = kind(rng);
      const Entry next{how < 2 ? got.first : how < 4 ? got.first + step : got.first + within(rng), node(rng)};
      queue.push(next.first, next.second);
      reference.push(next);
    }
  }
  EXPECT_EQ(queue.empty(), reference.empty()) << what;
}

TEST(BucketQueue, PopsInTheOrderOfABinaryHeapOfDistanceAndNode) {
  BucketQueue queue;
  std::uint64_t seed = 45;
  for (const double step : {1e-9, 1.0, 1e6}) {
    expectBinaryHeapOrder(queue, step, step, ++seed, step);
  }
}

TEST(BucketQueue, KeepsTheOrderWhenToldAWrongLargestStep) {
  BucketQueue queue;
  // Told too small: most pushes land beyond the ring, in the overflow. Told too large: everything lands
  // in the current bucket. Told nothing (0), infinity or NaN: buckets of width 1.
  expectBinaryHeapOrder(queue, 1.0, 1e-6, 46, 1.0);
  expectBinaryHeapOrder(queue, 1.0, 1e9, 47, 1.0);
  expectBinaryHeapOrder(queue, 1.0, 0.0, 48, 1.0);
  expectBinaryHeapOrder(queue, 1.0, std::numeric_limits<double>::infinity(), 50, 1.0);
  expectBinaryHeapOrder(queue, 1.0, std::numeric_limits<double>::quiet_NaN(), 51, 1.0);
}

TEST(BucketQueue, StartsFarApartLeaveThroughTheOverflowInOrder) {
  BucketQueue queue;
  // Starting keys (anchors' offsets) spread a million steps apart.
  expectBinaryHeapOrder(queue, 1.0, 1.0, 49, 1e6);
  queue.clear(1.0);
  queue.push(5e6, 3);
  queue.push(2e3, 1);
  queue.push(5e6, 2);
  EXPECT_EQ(queue.pop(), Entry(2e3, 1));
  queue.push(2e3 + 0.5, 7);
  EXPECT_EQ(queue.pop(), Entry(2e3 + 0.5, 7));
  EXPECT_EQ(queue.pop(), Entry(5e6, 2));
  EXPECT_EQ(queue.pop(), Entry(5e6, 3));
  EXPECT_TRUE(queue.empty());
}

TEST(BucketQueue, ClearedQueueStartsAgainBelowTheLastKey) {
  BucketQueue queue;
  queue.clear(1.0);
  queue.push(5.0, 1);
  queue.push(7.0, 2);
  queue.push(900.0, 8);
  EXPECT_EQ(queue.pop(), Entry(5.0, 1));
  queue.clear(1.0);
  EXPECT_TRUE(queue.empty());
  queue.push(0.5, 3);
  queue.push(0.0, 4);
  queue.push(0.0, 2);
  EXPECT_EQ(queue.pop(), Entry(0.0, 2));
  EXPECT_EQ(queue.pop(), Entry(0.0, 4));
  EXPECT_EQ(queue.pop(), Entry(0.5, 3));
  EXPECT_TRUE(queue.empty());
}

TEST(BucketQueue, NegativeZeroIsZero) {
  BucketQueue queue;
  queue.clear(1.0);
  queue.push(1.0, 0);
  queue.push(-0.0, 9);
  EXPECT_EQ(queue.pop(), Entry(0.0, 9));
  EXPECT_EQ(queue.pop(), Entry(1.0, 0));
}

}  // namespace
}  // namespace circatlas::analysis::network
