// Plain Dijkstra on a RoadGraph: one-to-one with the path, and one-to-many distances.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "analysis/network/anchor.h"
#include "analysis/network/bucket_queue.h"
#include "analysis/network/road_graph.h"

namespace circatlas::analysis::network {

/// A route through the graph, node to node.
struct Path {
  std::vector<NodeId> nodes;  ///< from source to target inclusive
  std::vector<ArcId> arcs;    ///< nodes.size() − 1 arcs of the graph
  Totals totals;              ///< sums along the arcs
};

/// One direction of a graph's arcs laid out for searching in one metric: each node's arcs (those leaving
/// it, or backward those entering it) side by side, 16 bytes each, with the weight and the node at the
/// other end. A search reads a node's arcs when it settles the node, in an order scattered over the
/// graph, so what it reads per node decides its speed: one or two cache lines here, where the graph's
/// own arrays (heads, 24-byte totals, and backward the in-arc index) take three to five.
class SearchArcs {
 public:
  struct Arc {
    double weight;       ///< the arc's value in the metric
    std::uint32_t node;  ///< the node at its other end (head forward, tail backward)
    std::uint32_t arc;   ///< the arc in the graph
  };

  SearchArcs(const RoadGraph& graph, Metric metric, bool backward);

  [[nodiscard]] std::span<const Arc> of(std::uint32_t node) const {
    return {arcs_.data() + first_[node], first_[node + 1] - first_[node]};
  }
  [[nodiscard]] Metric metric() const noexcept { return metric_; }
  /// The largest weight of an arc (0 for a graph without arcs).
  [[nodiscard]] double maxWeight() const noexcept { return maxWeight_; }
  [[nodiscard]] bool backward() const noexcept { return backward_; }

 private:
  Metric metric_;
  bool backward_;
  double maxWeight_ = 0.0;
  std::vector<std::uint32_t> first_;  // node v's arcs: arcs_[first_[v] … first_[v + 1])
  std::vector<Arc> arcs_;
};

/// Dijkstra's algorithm minimising one metric; the other two metrics are summed along the chosen path.
/// Holds a workspace sized to the graph, reused between queries: one object per thread. The graph
/// must outlive it.
class Dijkstra {
 public:
  /// Searches lay out the graph's arcs for themselves (SearchArcs), once per direction, unless `shared`
  /// is given for its direction and metric: then they use it (built once for many threads, it must
  /// outlive the object).
  Dijkstra(const RoadGraph& graph, Metric metric, const SearchArcs* shared = nullptr);

  /// Shortest path source → target, or nullopt when target cannot be reached.
  [[nodiscard]] std::optional<Path> route(NodeId source, NodeId target);

  /// Totals of the shortest paths from source to each target (nullopt: unreachable). Stops as soon as
  /// every target is settled.
  [[nodiscard]] std::vector<std::optional<Totals>> distances(NodeId source, std::span<const NodeId> targets);

  /// Searches from a set of anchors (their offsets are the starting labels) until every node in stopAt
  /// is settled or nothing is left. Forward follows the arcs (from sources); backward runs against them
  /// (from targets: labels are then the totals node → anchor). Read the labels with reached()/totals().
  void search(std::span<const Anchor> anchors, std::span<const NodeId> stopAt, bool backward = false);
  /// After search(): whether a node got a label, and its totals (given only for the nodes in stopAt,
  /// summed along their paths once the search has settled them).
  [[nodiscard]] bool reached(std::uint32_t node) const { return labels_[node].stamp == round_; }
  [[nodiscard]] const Totals& totals(std::uint32_t node) const { return totals_[node]; }
  [[nodiscard]] double dist(std::uint32_t node) const { return labels_[node].dist; }

  /// Shortest path from any source anchor to any target anchor (offsets included), or nullopt.
  [[nodiscard]] std::optional<AnchoredRoute> route(std::span<const Anchor> sources, std::span<const Anchor> targets);

 private:
  void run(NodeId source, std::span<const NodeId> targets);
  void settleAll(const SearchArcs& arcs, std::size_t remaining);
  // The totals of the reached nodes among `nodes`, summed along their paths in the search tree.
  void sumTotals(std::span<const NodeId> nodes, bool backward);
  [[nodiscard]] const SearchArcs& arcs(bool backward);
  // What the loop reads of a node at every step, in one 16-byte record: one cache line per node.
  struct Label {
    double dist = 0.0;
    std::uint32_t stamp = 0;   // dist and the node's parent arc are valid when stamp == round_
    std::uint32_t target = 0;  // == round_: a node this search must settle before it may stop
  };

  const RoadGraph* graph_;
  Metric metric_;
  const SearchArcs* shared_;
  std::unique_ptr<SearchArcs> own_[2];  // forward, backward: laid out when first needed
  std::uint32_t round_ = 0;
  std::vector<Label> labels_;
  std::vector<Totals> totals_;         // valid when summed_ == round_, or for an anchor without a parent arc
  std::vector<std::uint32_t> summed_;  // == round_: totals_ summed this search
  std::vector<std::uint32_t> parentArc_;
  std::vector<std::uint32_t> path_;  // sumTotals's walk up the tree
  BucketQueue queue_;
};

}  // namespace circatlas::analysis::network
