// A monotone priority queue of (distance, node) for Dijkstra's searches: a radix heap (Ahuja, Mehlhorn,
// Orlin and Tarjan 1990) over the bits of non-negative doubles, whose order as unsigned integers is
// their order as numbers. It pops entries in exactly the order of a binary heap of (distance, node)
// pairs, ties by node, so a search settles the same nodes in the same order whichever it uses.
#pragma once

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace circatlas::analysis::network {

/// Keys must be non-negative and never below the last key popped (true of Dijkstra's labels with
/// non-negative weights). Entries whose key equals the last popped one sit in bucket 0, sorted by node
/// downwards so that the smallest node leaves first; every other entry sits in the bucket of the highest
/// bit in which its key differs from that last key, and moves to a lower bucket only when its bucket is
/// the lowest non-empty one. Each entry moves at most 64 times and usually a few, where a binary heap
/// moves it log2(size) places at every push and pop, scattered over memory.
class RadixHeap {
 public:
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  /// Empties the heap, keeping its memory, for the next search.
  void clear() noexcept {
    for (auto& b : buckets_) b.clear();
    last_ = 0;
    size_ = 0;
  }

  void push(double key, std::uint32_t node) {
    assert(key >= 0.0);
    const std::uint64_t k = bitsOf(key);
    assert(k >= last_);
    ++size_;
    if (k != last_) {
      buckets_[bucketOf(k)].push_back({k, node});
      return;
    }
    // Key equal to the last popped one (a zero-weight arc, or the start): into bucket 0 in its place.
    auto& zero = buckets_[0];
    const Entry e{k, node};
    zero.insert(std::upper_bound(zero.begin(), zero.end(), e, byNodeDownwards), e);
  }

  /// The smallest (key, node). The heap must not be empty.
  std::pair<double, std::uint32_t> pop() {
    assert(size_ > 0);
    if (buckets_[0].empty()) refill();
    const Entry e = buckets_[0].back();
    buckets_[0].pop_back();
    --size_;
    return {std::bit_cast<double>(e.key), e.node};
  }

 private:
  struct Entry {
    std::uint64_t key;
    std::uint32_t node;
  };

  static std::uint64_t bitsOf(double key) noexcept { return std::bit_cast<std::uint64_t>(key + 0.0); }  // −0 → +0
  [[nodiscard]] std::size_t bucketOf(std::uint64_t k) const noexcept {
    return k == last_ ? 0 : static_cast<std::size_t>(64 - std::countl_zero(k ^ last_));
  }
  static bool byNodeDownwards(const Entry& a, const Entry& b) noexcept { return a.node > b.node; }

  // Bucket 0 is empty: the lowest non-empty bucket's smallest key becomes the last key, and the bucket's
  // entries go down to the buckets that key puts them in (those equal to it into bucket 0, sorted).
  void refill() {
    std::size_t i = 1;
    while (buckets_[i].empty()) ++i;
    auto& from = buckets_[i];
    std::uint64_t smallest = std::numeric_limits<std::uint64_t>::max();
    for (const Entry& e : from) smallest = std::min(smallest, e.key);
    last_ = smallest;
    for (const Entry& e : from) buckets_[bucketOf(e.key)].push_back(e);
    from.clear();
    auto& zero = buckets_[0];
    if (zero.size() > 1) std::sort(zero.begin(), zero.end(), byNodeDownwards);
  }

  std::array<std::vector<Entry>, 65> buckets_;
  std::uint64_t last_ = 0;  // the bits of the last key popped (0 before the first)
  std::size_t size_ = 0;
};

}  // namespace circatlas::analysis::network
