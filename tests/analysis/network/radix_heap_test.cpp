// RadixHeap against std::priority_queue on seeded monotone sequences: ties, zeros, -0.0, keys far apart.
#include "analysis/network/radix_heap.h"

#include <gtest/gtest.h>

#include <functional>
#include <queue>
#include <random>
#include <utility>
#include <vector>

namespace circatlas::analysis::network {
namespace {

TEST(RadixHeap, PopsTheSmallestKeyOfAMonotoneSequenceLikeABinaryHeap) {
  std::mt19937 rng(2026);
  std::uniform_real_distribution<double> step(0.0, 100.0);
  for (int round = 0; round < 20; ++round) {
    RadixHeap heap;
    std::priority_queue<double, std::vector<double>, std::greater<>> reference;
    heap.push(-0.0, 0);
    reference.push(0.0);
    double last = 0.0;
    std::uint32_t node = 1;
    for (int op = 0; op < 5000; ++op) {
      if (!reference.empty() && rng() % 2 == 0) {
        const auto [key, popped] = heap.pop();
        ASSERT_EQ(key, reference.top()) << "round " << round << " op " << op;
        reference.pop();
        last = key;
        (void)popped;
      } else {
        // Ties with the last key, small steps, and now and then a key a million times farther.
        const int kind = static_cast<int>(rng() % 4);
        const double key = kind == 0 ? last : kind == 3 ? last + step(rng) * 1e6 : last + step(rng);
        heap.push(key, node++);
        reference.push(key);
      }
      ASSERT_EQ(heap.size(), reference.size());
    }
    while (!reference.empty()) {
      ASSERT_EQ(heap.pop().first, reference.top());
      reference.pop();
    }
    EXPECT_TRUE(heap.empty());
  }
}

TEST(RadixHeap, KeepsEachNodeWithItsKeyAndStartsAfreshAfterClear) {
  RadixHeap heap;
  heap.push(3.5, 7);
  heap.push(1.25, 9);
  heap.push(1.25, 4);
  heap.push(8.0, 1);
  std::vector<std::pair<double, std::uint32_t>> popped;
  while (!heap.empty()) popped.push_back(heap.pop());
  ASSERT_EQ(popped.size(), 4u);
  EXPECT_EQ(popped[0].first, 1.25);
  EXPECT_EQ(popped[1].first, 1.25);
  EXPECT_EQ(popped[0].second + popped[1].second, 13u);  // 9 and 4, in either order
  EXPECT_EQ(popped[2], (std::pair<double, std::uint32_t>{3.5, 7}));
  EXPECT_EQ(popped[3], (std::pair<double, std::uint32_t>{8.0, 1}));
  heap.push(10.0, 2);
  heap.clear();
  EXPECT_TRUE(heap.empty());
  heap.push(0.5, 3);  // below the last key popped before clear()
  EXPECT_EQ(heap.pop(), (std::pair<double, std::uint32_t>{0.5, 3}));
}

}  // namespace
}  // namespace circatlas::analysis::network
