// Many-to-many shortest-path totals on a contraction hierarchy (bucket algorithm), split across threads.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "analysis/network/anchor.h"
#include "analysis/network/contraction_hierarchy.h"

namespace circatlas::analysis::network {

/// Shortest-path totals for every (source, target) pair, row-major.
class DistanceMatrix {
 public:
  DistanceMatrix(std::size_t rows, std::size_t columns)
      : rows_(rows), columns_(columns), totals_(rows * columns), reached_(rows * columns, 0) {}

  [[nodiscard]] std::size_t rows() const noexcept { return rows_; }
  [[nodiscard]] std::size_t columns() const noexcept { return columns_; }
  /// Totals from source row to target column; nullopt when the target cannot be reached.
  [[nodiscard]] std::optional<Totals> at(std::size_t row, std::size_t column) const {
    const std::size_t i = row * columns_ + column;
    return reached_[i] ? std::optional<Totals>(totals_[i]) : std::nullopt;
  }
  void set(std::size_t row, std::size_t column, const Totals& totals) {
    totals_[row * columns_ + column] = totals;
    reached_[row * columns_ + column] = 1;
  }

 private:
  std::size_t rows_;
  std::size_t columns_;
  std::vector<Totals> totals_;
  std::vector<std::uint8_t> reached_;
};

/// Shortest paths from every source to every target in the hierarchy's metric (Knopp et al. 2007):
/// one backward upward search per target fills buckets at the nodes it settles, then one forward upward
/// search per source scans the buckets. With a core, whose crossing is most of the work, the smaller
/// side crosses it: with fewer targets than sources, the sources fill the buckets and the targets scan.
/// Sources are an anchor set each (see Anchor), as are targets.
/// threads = 0 uses std::thread::hardware_concurrency(). An empty (cancelled) hierarchy gives an
/// all-unreachable matrix.
[[nodiscard]] DistanceMatrix computeDistanceMatrix(const ContractionHierarchy& ch,
                                                   std::span<const std::vector<Anchor>> sources,
                                                   std::span<const std::vector<Anchor>> targets, unsigned threads = 0);

/// The same without a hierarchy: one Dijkstra search on the plain graph per source (or, when there are
/// fewer targets, one backward search per target), each stopping once every anchor node of the other
/// side is settled. No preprocessing, so it is the faster choice for a few dozen sources or targets.
/// Gives the same values in `metric` as the hierarchy.
[[nodiscard]] DistanceMatrix computeDistanceMatrix(const RoadGraph& graph, Metric metric,
                                                   std::span<const std::vector<Anchor>> sources,
                                                   std::span<const std::vector<Anchor>> targets, unsigned threads = 0);

/// The same for plain nodes.
[[nodiscard]] DistanceMatrix computeDistanceMatrix(const ContractionHierarchy& ch, std::span<const NodeId> sources,
                                                   std::span<const NodeId> targets, unsigned threads = 0);

}  // namespace circatlas::analysis::network
