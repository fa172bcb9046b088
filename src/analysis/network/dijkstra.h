// Plain Dijkstra on a RoadGraph: one-to-one with the path, and one-to-many distances.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "analysis/network/anchor.h"
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

  /// Searches from a set of anchors (their offsets are the starting labels) until every node in stopAt
  /// is settled or nothing is left. Forward follows the arcs (from sources); backward runs against them
  /// (from targets: labels are then the totals node → anchor). Read the labels with reached()/totals().
  void search(std::span<const Anchor> anchors, std::span<const NodeId> stopAt, bool backward = false);
  /// After search(): whether a node got a label, and its totals (exact for the nodes in stopAt).
  [[nodiscard]] bool reached(std::uint32_t node) const { return labels_[node].stamp == round_; }
  [[nodiscard]] const Totals& totals(std::uint32_t node) const { return totals_[node]; }
  [[nodiscard]] double dist(std::uint32_t node) const { return labels_[node].dist; }

  /// Shortest path from any source anchor to any target anchor (offsets included), or nullopt.
  [[nodiscard]] std::optional<AnchoredRoute> route(std::span<const Anchor> sources, std::span<const Anchor> targets);

 private:
  void run(NodeId source, std::span<const NodeId> targets);
  // The settling loop of search(), one instance per direction (so that relaxing an arc is inlined).
  template <bool Backward>
  void settleAll(std::size_t remaining);
  // What the loop reads of a node at every step, in one 16-byte record: one cache line per node.
  struct Label {
    double dist = 0.0;
    std::uint32_t stamp = 0;   // dist (and the node's totals and parent arc) are valid when stamp == round_
    std::uint32_t target = 0;  // == round_: a node this search must settle before it may stop
  };

  const RoadGraph* graph_;
  Metric metric_;
  std::uint32_t round_ = 0;
  std::vector<Label> labels_;
  std::vector<Totals> totals_;
  std::vector<std::uint32_t> parentArc_;
  std::vector<std::pair<double, std::uint32_t>> heap_;
};

}  // namespace circatlas::analysis::network
