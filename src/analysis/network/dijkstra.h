// Plain Dijkstra on a RoadGraph: one-to-one with the path, and one-to-many distances.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "analysis/network/anchor.h"
#include "analysis/network/radix_heap.h"
#include "analysis/network/road_graph.h"

namespace circatlas::analysis::network {

/// A route through the graph, node to node.
struct Path {
  std::vector<NodeId> nodes;  ///< from source to target inclusive
  std::vector<ArcId> arcs;    ///< nodes.size() − 1 arcs of the graph
  Totals totals;              ///< sums along the arcs
};

/// A road graph's arcs as searches in one direction read them: for each node, the arcs leaving it
/// (forward) or entering it (backward), each with its other end and its weight in one metric side by
/// side, so that settling a node reads one run of 16-byte records instead of three arrays (an in-arc
/// list, heads or tails, and 24-byte totals). Built in one pass over the arcs (55 MB and a few tens of
/// milliseconds for 3.5 M arcs), for a matrix's many searches, and shared read-only by every thread's.
/// Keeps a view of the graph's offsets: the graph must outlive it.
class SearchArcs {
 public:
  struct Arc {
    double weight;        ///< in the metric's unit
    std::uint32_t other;  ///< the head (forward) or the tail (backward)
    std::uint32_t arc;    ///< the graph's arc
  };
  SearchArcs(const RoadGraph& graph, Metric metric, bool backward);
  [[nodiscard]] std::span<const Arc> of(std::uint32_t node) const {
    return {arcs_.data() + first_[node], arcs_.data() + first_[node + 1]};
  }
  [[nodiscard]] Metric metric() const noexcept { return metric_; }
  [[nodiscard]] bool backward() const noexcept { return backward_; }
  [[nodiscard]] std::size_t size() const noexcept { return arcs_.size(); }

 private:
  Metric metric_;
  bool backward_;
  std::span<const std::uint32_t> first_;  // the graph's out- or in-arc offsets
  std::vector<Arc> arcs_;
};

/// Dijkstra's algorithm minimising one metric; the other two metrics are summed along the chosen path.
/// Holds a workspace sized to the graph, reused between queries: one object per thread. The graph
/// must outlive it.
class Dijkstra {
 public:
  Dijkstra(const RoadGraph& graph, Metric metric);
  /// The same in arcs' metric, whose searches in arcs' direction read arcs (of this graph, kept alive by
  /// the caller): for a matrix's many searches. std::invalid_argument for arcs of another size of graph.
  Dijkstra(const RoadGraph& graph, const SearchArcs& arcs);

  /// Shortest path source → target, or nullopt when target cannot be reached.
  [[nodiscard]] std::optional<Path> route(NodeId source, NodeId target);

  /// Totals of the shortest paths from source to each target (nullopt: unreachable). Stops as soon as
  /// every target is settled.
  [[nodiscard]] std::vector<std::optional<Totals>> distances(NodeId source, std::span<const NodeId> targets);

  /// Searches from a set of anchors (their offsets are the starting labels) until every node in stopAt
  /// is settled or nothing is left. Forward follows the arcs (from sources); backward runs against them
  /// (from targets: labels are then the totals node → anchor). Read the labels with reached()/totals().
  void search(std::span<const Anchor> anchors, std::span<const NodeId> stopAt, bool backward = false);
  /// After search(): whether a node got a label, and its totals along the path found (exact for the nodes
  /// in stopAt). Totals are summed only when asked, from the anchor outward along the parent arcs, in the
  /// order a search relaxing them would add them, and kept until the next search for the paths that
  /// share the way.
  [[nodiscard]] bool reached(std::uint32_t node) const { return labels_[node].stamp == round_; }
  [[nodiscard]] const Totals& totals(std::uint32_t node);
  [[nodiscard]] double dist(std::uint32_t node) const { return labels_[node].dist; }
  /// Shortest path from any source anchor to any target anchor (offsets included), or nullopt.
  [[nodiscard]] std::optional<AnchoredRoute> route(std::span<const Anchor> sources, std::span<const Anchor> targets);

 private:
  void run(NodeId source, std::span<const NodeId> targets);
  // The settling loop of search(); arcsOf(u, relax) calls relax(weight, other end, arc) for u's arcs in the
  // search's direction (one instance per way of reading them, so that relaxing an arc is inlined).
  template <typename ArcsOf>
  void settleAll(std::size_t remaining, const ArcsOf& arcsOf);
  // The node at the other end of a node's parent arc, towards the anchor.
  [[nodiscard]] std::uint32_t parentOf(std::uint32_t node) const;

  // What the loop reads and writes of a node at every step, in one 16-byte record: one cache line per node.
  struct Label {
    double dist = 0.0;
    std::uint32_t stamp = 0;      // dist and parentArc are valid when stamp == round_
    std::uint32_t parentArc = 0;  // the arc the label came by, kNoArc at an anchor
  };
  // The anchor a root label came from (the first of the cheapest at its node).
  struct Root {
    std::uint32_t node;
    Totals offset;
  };

  const RoadGraph* graph_;
  Metric metric_;
  const SearchArcs* arcs_ = nullptr;  // read by searches in its direction; the graph's own arrays otherwise
  std::uint32_t round_ = 0;
  bool backward_ = false;  // the direction of the last search
  std::vector<Label> labels_;
  std::vector<std::uint64_t> isTarget_;  // one bit per node, set only during a search
  std::vector<Root> roots_;
  std::vector<Totals> totals_;              // summed by totals(), valid where totalsStamp_ == round_
  std::vector<std::uint32_t> totalsStamp_;  // both sized on the first totals()
  std::vector<std::uint32_t> pathScratch_;
  RadixHeap heap_;
};

}  // namespace circatlas::analysis::network
