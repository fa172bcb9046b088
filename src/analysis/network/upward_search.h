// Internal: one complete upward Dijkstra search in a contraction hierarchy, with stall-on-demand.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/network/anchor.h"
#include "analysis/network/contraction_hierarchy.h"

namespace circatlas::analysis::network {

/// Searches upwards from a set of anchors until no node is left: forward (along forward arcs, from
/// sources) or backward (along backward arcs, from targets). Core nodes of the hierarchy are settled
/// but only searched onwards (a plain Dijkstra among them) when expandCore is set: a shortest path
/// climbs to the core, crosses it and descends, so one of the two searches of a query must expand
/// it. Reusable; one object per thread.
class UpwardSearch {
 public:
  static constexpr std::uint32_t kNone = 0xffffffffu;

  UpwardSearch(const ContractionHierarchy& ch, bool forward, bool expandCore);

  void run(std::span<const Anchor> anchors);

  /// Settled, non-stalled nodes in settling order; only their labels are exact.
  [[nodiscard]] const std::vector<std::uint32_t>& settled() const noexcept { return settled_; }
  [[nodiscard]] bool reached(std::uint32_t node) const { return stamp_[node] == round_; }
  [[nodiscard]] double dist(std::uint32_t node) const { return dist_[node]; }
  [[nodiscard]] const Totals& totals(std::uint32_t node) const { return totals_[node]; }
  /// The hierarchy arc that reached node (index into forward or backward arcs of parentNode), or kNone
  /// at an anchor.
  [[nodiscard]] std::uint32_t parentArc(std::uint32_t node) const { return parentArc_[node]; }
  [[nodiscard]] std::uint32_t parentNode(std::uint32_t node) const { return parentNode_[node]; }

 private:
  // Relaxes the arcs of x, settled at distance d.
  void relax(std::uint32_t x, double d);

  const ContractionHierarchy* ch_;
  bool forward_;
  bool expandCore_;
  std::uint32_t round_ = 0;
  std::vector<std::uint32_t> stamp_;
  std::vector<double> dist_;
  std::vector<Totals> totals_;
  std::vector<std::uint32_t> parentArc_;
  std::vector<std::uint32_t> parentNode_;
  std::vector<std::uint32_t> settled_;
  std::vector<std::pair<double, std::uint32_t>> heap_;
};

}  // namespace circatlas::analysis::network
