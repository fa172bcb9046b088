// The road graph with its chains of shape points compressed into single arcs, for a few dozen plain searches.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <vector>

#include "analysis/network/anchor.h"
#include "analysis/network/road_graph.h"

namespace circatlas::analysis::network {

/// A road graph whose chain nodes are gone: a node with exactly two distinct neighbours, one arc at
/// most to and from each, that no query starts or ends at, only passes a road on. Each run of such
/// nodes between two kept nodes becomes one arc per direction in which every arc of the run exists,
/// with the run's totals summed in travel order. Kept nodes are every other node (junctions, dead ends,
/// nodes with parallel arcs) and the ones asked for. A shortest path between kept nodes has the same
/// totals as in the road graph, up to the rounding of summing a run first (a few units in the last
/// place). Arcs carry no builder edge or source feature: the graph answers distances, not geometry.
class JunctionGraph {
 public:
  static constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();

  /// Compresses `graph`'s chains, keeping `keep` (any order, repeats allowed) as nodes. Linear in the
  /// graph's nodes and arcs; no search.
  JunctionGraph(const RoadGraph& graph, std::span<const NodeId> keep);

  /// The compressed graph: kept nodes in road-graph order, at their positions.
  [[nodiscard]] const RoadGraph& graph() const noexcept { return graph_; }
  /// The compressed node of a road-graph node, or kNone for a chain node.
  [[nodiscard]] std::uint32_t nodeOf(NodeId roadNode) const { return nodeOf_[roadNode.value()]; }
  /// Anchors of road-graph nodes as anchors of compressed nodes (every anchor node must have been kept).
  [[nodiscard]] std::vector<std::vector<Anchor>> translate(std::span<const std::vector<Anchor>> anchors) const;

 private:
  RoadGraph graph_;
  std::vector<std::uint32_t> nodeOf_;  // per road-graph node
};

}  // namespace circatlas::analysis::network
