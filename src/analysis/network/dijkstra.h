// Plain Dijkstra on a RoadGraph: one-to-one with the path, and one-to-many distances.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "analysis/network/road_graph.h"

namespace circatlas::analysis::network {

/// A route through the graph, node to node.
struct Path {
  std::vector<NodeId> nodes;  ///< from source to target inclusive
  std::vector<ArcId> arcs;    ///< nodes.size() − 1 arcs of the graph
  Totals totals;              ///< sums along the arcs
};

/// Dijkstra's algorithm minimising one metric; the other two metrics are summed along the chosen path.
/// Holds a workspace sized to the graph, reused between queries: one object per thread. The graph
/// must outlive it.
class Dijkstra {
 public:
  Dijkstra(const RoadGraph& graph, Metric metric);

  /// Shortest path source → target, or nullopt when target cannot be reached.
  [[nodiscard]] std::optional<Path> route(NodeId source, NodeId target);

  /// Totals of the shortest paths from source to each target (nullopt: unreachable). Stops as soon as
  /// every target is settled.
  [[nodiscard]] std::vector<std::optional<Totals>> distances(NodeId source, std::span<const NodeId> targets);

 private:
  void run(NodeId source, std::span<const NodeId> targets);
  [[nodiscard]] bool reached(std::uint32_t node) const { return stamp_[node] == round_; }

  const RoadGraph* graph_;
  Metric metric_;
  std::uint32_t round_ = 0;
  std::vector<std::uint32_t> stamp_;  // node labels are valid when stamp_ == round_
  std::vector<double> dist_;
  std::vector<Totals> totals_;
  std::vector<std::uint32_t> parentArc_;
  std::vector<std::uint32_t> targetMark_;
};

}  // namespace circatlas::analysis::network
