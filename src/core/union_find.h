// Disjoint sets over dense 32-bit indices, the one union-find of the code base (DBSCAN cells, road vertices).
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <numeric>
#include <utility>
#include <vector>

namespace circatlas::core {

/// Disjoint sets of the indices [0, size) with path halving. The lower index of two joined sets
/// becomes the root, so roots (and anything numbered by them) do not depend on the order of the
/// unions' arguments. Not thread-safe: find() shortens paths as it goes.
///
/// Why not boost::disjoint_sets: union by rank makes the root depend on the union order, and the
/// callers rely on "lowest index is the root" for deterministic output; with path halving alone
/// the trees stay shallow enough on the inputs measured (bench/cluster, bench/network).
class UnionFind {
 public:
  explicit UnionFind(std::size_t size) : parent_(size) { std::iota(parent_.begin(), parent_.end(), 0U); }

  [[nodiscard]] std::size_t size() const noexcept { return parent_.size(); }

  /// The root of x's set: the lowest index in it.
  [[nodiscard]] std::uint32_t find(std::uint32_t x) {
    assert(x < parent_.size());
    while (parent_[x] != x) {
      parent_[x] = parent_[parent_[x]];
      x = parent_[x];
    }
    return x;
  }

  /// Joins the sets of a and b; false if they were one set already.
  bool unite(std::uint32_t a, std::uint32_t b) {
    a = find(a);
    b = find(b);
    if (a == b) return false;
    if (b < a) std::swap(a, b);
    parent_[b] = a;
    assert(parent_[a] == a);
    return true;
  }

 private:
  std::vector<std::uint32_t> parent_;
};

}  // namespace circatlas::core
