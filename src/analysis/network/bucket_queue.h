// A monotone priority queue of (distance, node) for Dijkstra's searches: a ring of buckets of equal width
// (Dial 1969), each sorted only when the search reaches it. It pops entries in exactly the order of a
// binary heap of (distance, node) pairs, ties by node, so a search settles the same nodes in the same
// order whichever it uses.
#pragma once

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace circatlas::analysis::network {

/// Keys must be non-negative and never below the last key popped (true of Dijkstra's labels with
/// non-negative weights). A key k falls in bucket ⌊k / width⌋, a non-decreasing function of k, so every
/// key of a bucket comes before every key of a later bucket; width is the largest step a push takes
/// beyond the last key popped (the largest arc weight) over the ring's size, so Dijkstra's pushes land in
/// the ring and a bucket holds a few entries of the search front. A bucket is sorted when it becomes
/// the current one; pushes into the current bucket (arcs shorter than the width) go into its place.
/// Keys beyond the ring (anchors far apart) wait in an overflow list until the ring reaches them.
class BucketQueue {
 public:
  BucketQueue() : slots_(kSlots) {}

  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] std::size_t size() const noexcept { return size_; }

  /// Empties the queue, keeping its memory, for a search whose pushes exceed the last key popped by at
  /// most maxStep (any value is correct; a right one is fast).
  void clear(double maxStep) noexcept {
    if (inSlots_ > 0) {
      for (auto& slot : slots_) slot.clear();
    }
    run_.clear();
    overflow_.clear();
    overflowMin_ = kNever;
    current_ = 0;
    inSlots_ = 0;
    size_ = 0;
    const double perWidth = static_cast<double>(kSlots - 2) / maxStep;
    perWidth_ = std::isfinite(perWidth) && perWidth > 0.0 ? perWidth : 1.0;  // no arcs, or none but zeros
  }

  void push(double key, std::uint32_t node) {
    assert(key >= 0.0);
    const Entry e{key + 0.0, node};  // −0 → +0
    const std::uint64_t bucket = bucketOf(e.key);
    ++size_;
    if (bucket <= current_) {
      run_.insert(std::upper_bound(run_.begin(), run_.end(), e, after), e);
    } else if (bucket - current_ < kSlots) {
      slots_[bucket & kMask].push_back(e);
      ++inSlots_;
    } else {
      overflow_.push_back(e);
      overflowMin_ = std::min(overflowMin_, bucket);
    }
  }

  /// The smallest (key, node). The queue must not be empty.
  std::pair<double, std::uint32_t> pop() {
    assert(size_ > 0);
    if (run_.empty()) advance();
    const Entry e = run_.back();
    run_.pop_back();
    --size_;
    return {e.key, e.node};
  }

 private:
  struct Entry {
    double key;
    std::uint32_t node;
  };
  static constexpr std::size_t kSlots = 1024;
  static constexpr std::uint64_t kMask = kSlots - 1;
  static constexpr std::uint64_t kNever = std::numeric_limits<std::uint64_t>::max();

  [[nodiscard]] std::uint64_t bucketOf(double key) const noexcept {
    const double q = key * perWidth_;  // non-decreasing in key, and so is the capped floor
    return q < 0x1p62 ? static_cast<std::uint64_t>(q) : std::uint64_t{1} << 62;
  }
  // The current bucket is kept sorted downwards, so that its smallest entry is at the back.
  static bool after(const Entry& a, const Entry& b) noexcept {
    return a.key > b.key || (a.key == b.key && a.node > b.node);
  }

  // The current bucket is used up: on to the next non-empty one (through the overflow if the ring is empty).
  void advance() {
    for (;;) {
      if (inSlots_ == 0) {
        current_ = overflowMin_;
      } else {
        ++current_;
      }
      if (overflowMin_ - current_ < kSlots) takeOverflow();  // never below current_ (kNever: none)
      auto& slot = slots_[current_ & kMask];
      if (!slot.empty()) {
        run_.swap(slot);
        inSlots_ -= run_.size();
        std::sort(run_.begin(), run_.end(), after);
        return;
      }
    }
  }

  // Moves the overflow's entries that now fall in the ring into their buckets.
  void takeOverflow() {
    std::uint64_t rest = kNever;
    auto kept = overflow_.begin();
    for (const Entry& e : overflow_) {
      const std::uint64_t bucket = bucketOf(e.key);
      if (bucket - current_ < kSlots) {
        slots_[bucket & kMask].push_back(e);
        ++inSlots_;
      } else {
        *kept++ = e;
        rest = std::min(rest, bucket);
      }
    }
    overflow_.erase(kept, overflow_.end());
    overflowMin_ = rest;
  }

  // Bucket b's entries are in slots_[b mod kSlots], for current_ < b < current_ + kSlots.
  std::vector<std::vector<Entry>> slots_;
  std::vector<Entry> run_;       // the current bucket's entries, sorted by after()
  std::vector<Entry> overflow_;  // entries in buckets from current_ + kSlots on
  std::uint64_t overflowMin_ = kNever;
  std::uint64_t current_ = 0;
  std::size_t inSlots_ = 0;
  std::size_t size_ = 0;
  double perWidth_ = 1.0;
};

}  // namespace circatlas::analysis::network
