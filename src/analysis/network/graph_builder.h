// Collects nodes and edges and builds the compact RoadGraph, resolving self-loops and parallel edges.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/network/road_graph.h"

namespace circatlas::analysis::network {

/// One road segment as read from the source data.
struct InputEdge {
  NodeId from;
  NodeId to;
  Meters length;                                 ///< along the road, ≥ 0
  Seconds time;                                  ///< travel time, ≥ 0
  YuanPerTonne cost;                             ///< transport cost per tonne carried over the whole edge, ≥ 0
  bool oneway = false;                           ///< true: only from → to may be travelled
  std::optional<core::FeatureId> sourceFeature;  ///< the feature it was read from, for error messages and output
};

/// What the builder did with unusual input, so a planner can see it in the run log.
struct BuildReport {
  std::size_t edgesAdded = 0;
  std::size_t arcsKept = 0;
  std::size_t selfLoopsDropped = 0;     ///< edges from a node to itself: never on a shortest path
  std::size_t parallelArcsDropped = 0;  ///< arcs between the same nodes, cheaper in no metric than another
  std::size_t zeroLengthEdges = 0;      ///< kept: junction connectors are legitimately 0 m long
};

/// Builds a RoadGraph. Policies, applied per direction:
/// - self-loops (from == to) are dropped and counted;
/// - among parallel arcs u → v, every arc that is the cheapest in at least one metric is kept (ties go
///   to the earlier edge) and the others dropped, so each metric sees its cheapest arc;
/// - zero-length and zero-time edges are kept: all algorithms accept weights ≥ 0.
class GraphBuilder {
 public:
  /// Adds a node at a position in metres (analysis CRS) and returns its id (0, 1, 2, …).
  NodeId addNode(core::XY position);
  /// Adds an edge and returns its id (0, 1, 2, … in call order), which arcs refer back to.
  /// Throws core::InputError (with the source feature as context) for an unknown node or a negative
  /// or non-finite length, time or cost.
  EdgeId addEdge(const InputEdge& edge);
  /// Room for this many nodes and edges in all, when the caller knows (saves regrowing).
  void reserve(std::size_t nodes, std::size_t edges);

  /// Builds the graph from the nodes and edges added, which it takes: the builder is empty afterwards (its
  /// report() stays). Throws core::InputError when there are more than 2^32 − 2 nodes or arcs.
  [[nodiscard]] RoadGraph build();
  /// Counts from the last build().
  [[nodiscard]] const BuildReport& report() const noexcept { return report_; }

 private:
  static void checkCsr(const RoadGraph& graph);  // debug assertions on the CSR offsets

  // An edge as kept until build(): 32 bytes where an InputEdge is 64 (a network has millions). Its one-way flag
  // and source feature are kept beside it, in the arrays the graph takes over as they are.
  struct Edge {
    std::uint32_t from;
    std::uint32_t to;
    Totals totals;
  };

  std::vector<core::XY> positions_;
  std::vector<Edge> edges_;
  std::vector<std::uint8_t> oneway_;         // per edge
  std::vector<std::uint8_t> edgeHasSource_;  // per edge, as RoadGraph's
  std::vector<std::int64_t> edgeSources_;    // per edge, as RoadGraph's
  BuildReport report_;
};

}  // namespace circatlas::analysis::network
