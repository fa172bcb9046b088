// RadixHeap pops exactly what a binary heap of (distance, node) pairs pops, ties by node, as searches use it.
#include "analysis/network/radix_heap.h"

#include <gtest/gtest.h>

#include <functional>
#include <queue>
#include <random>
#include <utility>
#include <vector>

namespace circatlas::analysis::network {
namespace {

using Entry = std::pair<double, std::uint32_t>;
using Reference = std::priority_queue<Entry, std::vector<Entry>, std::greater<>>;

TEST(RadixHeap, PopsInTheOrderOfABinaryHeapOfDistanceAndNode) {
  std::mt19937_64 rng(44);
  RadixHeap heap;
  Reference reference;
  std::uniform_int_distribution<std::uint32_t> node(0, 50);
  std::uniform_int_distribution<int> fanOut(0, 4);
  std::uniform_int_distribution<int> kind(0, 9);
  for (const double scale : {1e-9, 1.0, 1e6}) {
    heap.clear();
    reference = Reference();
    std::uniform_real_distribution<double> step(0.0, scale);
    for (int i = 0; i < 3; ++i) {
      const Entry start{kind(rng) == 0 ? 0.0 : step(rng), node(rng)};
      heap.push(start.first, start.second);
      reference.push(start);
    }
    for (std::size_t p = 0; p < 20000 && !reference.empty(); ++p) {
      ASSERT_EQ(heap.size(), reference.size());
      const Entry expected = reference.top();
      reference.pop();
      const Entry got = heap.pop();
      ASSERT_EQ(got, expected) << "scale " << scale << ", pop " << p;
      for (int k = fanOut(rng); k > 0; --k) {
        // Equal to the key just popped (zero-weight arcs, ties), a whole unit above it, or anywhere above.
        const int what = kind(rng);
        const Entry next{what < 2 ? got.first : what < 4 ? got.first + scale : got.first + step(rng), node(rng)};
        heap.push(next.first, next.second);
        reference.push(next);
      }
    }
    EXPECT_EQ(heap.empty(), reference.empty());
  }
}

TEST(RadixHeap, ClearedHeapStartsAgainBelowTheLastKey) {
  RadixHeap heap;
  heap.push(5.0, 1);
  heap.push(7.0, 2);
  EXPECT_EQ(heap.pop(), Entry(5.0, 1));
  heap.clear();
  EXPECT_TRUE(heap.empty());
  heap.push(0.5, 3);
  heap.push(0.0, 4);
  heap.push(0.0, 2);
  EXPECT_EQ(heap.pop(), Entry(0.0, 2));
  EXPECT_EQ(heap.pop(), Entry(0.0, 4));
  EXPECT_EQ(heap.pop(), Entry(0.5, 3));
  EXPECT_TRUE(heap.empty());
}

TEST(RadixHeap, NegativeZeroIsZero) {
  RadixHeap heap;
  heap.push(1.0, 0);
  heap.push(-0.0, 9);
  EXPECT_EQ(heap.pop(), Entry(0.0, 9));
  EXPECT_EQ(heap.pop(), Entry(1.0, 0));
}

}  // namespace
}  // namespace circatlas::analysis::network
