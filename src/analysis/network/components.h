// Weakly and strongly connected components of a RoadGraph, so a planner sees when the network is broken.
#pragma once

#include <cstdint>
#include <vector>

#include "analysis/network/road_graph.h"

namespace circatlas::analysis::network {

/// One kind of connectivity (weak or strong) over all nodes.
struct ComponentSet {
  std::vector<std::uint32_t> componentOf;  ///< per node: component index, 0 = the largest component
  std::vector<std::uint32_t> sizes;        ///< nodes per component, largest first (ties: lowest node first)
  /// Share of all nodes in the largest component, in [0, 1]; 0 for an empty graph.
  [[nodiscard]] double largestShare() const noexcept {
    return componentOf.empty() ? 0.0 : static_cast<double>(sizes.front()) / static_cast<double>(componentOf.size());
  }
  [[nodiscard]] std::size_t count() const noexcept { return sizes.size(); }
};

/// Connectivity of a road network. Weak: arcs taken as undirected (which parts touch at all). Strong:
/// every node reachable from every other (one-way streets can trap vehicles). An isolated node is a
/// component of its own.
struct ComponentsReport {
  ComponentSet weak;
  ComponentSet strong;
};

/// Computes both reports in O(nodes + arcs), iteratively (no recursion depth limit).
[[nodiscard]] ComponentsReport analyseComponents(const RoadGraph& graph);

}  // namespace circatlas::analysis::network
