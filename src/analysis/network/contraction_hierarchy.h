// A contraction hierarchy of a RoadGraph for one metric: upward arcs with shortcuts, ready for fast queries.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/network/road_graph.h"
#include "core/progress.h"
#include "core/shared_array.h"

namespace circatlas::analysis::network {

/// Tuning of the preprocessing. Limits only make the witness search give up early, which adds
/// shortcuts that were not strictly needed: queries stay exact, only larger.
struct ContractionOptions {
  // Defaults tuned on the 400 k-node synthetic network of bench/network (fewest shortcuts and fastest
  // preprocessing among 100/25, 200/40, 400/100 and 1500/100).
  std::uint32_t witnessSettleLimit = 200;    ///< nodes a witness search may settle before giving up
  std::uint32_t simulationSettleLimit = 40;  ///< the same when only estimating a node's priority
  std::uint32_t witnessHopLimit = 12;        ///< arcs a witness path may have (at most 255)
  unsigned threads = 0;                      ///< threads contracting independent nodes; 0 = all cores
  /// Contraction stops once the nodes not yet contracted have on average more than this many arcs
  /// (in and out) each; they stay as the uncontracted core, searched by plain Dijkstra at query time.
  /// On grid-like networks the last nodes have hundreds of neighbours and cost most of the time while
  /// saving the queries little. 0: contract every node.
  double coreDegree = 0;
  /// Compress chains and dead ends only (no witness search at all) and leave every other node in the
  /// core: the largest core a hierarchy can have, which the tests of its crossing use. (Router's junction
  /// graph is a plain graph of its own, JunctionGraph, made far faster than this.)
  bool chainsOnly = false;
};

/// An arc of the hierarchy, always pointing from a node to a node contracted later (higher rank).
/// `other` is that higher node. In the forward list of node v it stands for v → other, in the backward
/// list for other → v. An original arc refers to its graph arc; a shortcut a → c via b refers to the
/// backward arc a → b and the forward arc b → c, both stored at b.
struct ChArc {
  std::uint32_t other = 0;
  std::uint32_t first = 0;   ///< graph ArcId (original) or index into backwardArcs (shortcut)
  std::uint32_t second = 0;  ///< kOriginal, or index into forwardArcs (shortcut)
  double weight = 0;         ///< value in the hierarchy's metric
  Totals totals;             ///< length, time and cost of the path this arc stands for
  static constexpr std::uint32_t kOriginal = 0xffffffffu;
  [[nodiscard]] bool isShortcut() const noexcept { return second != kOriginal; }
};

/// Contraction hierarchy (Geisberger et al. 2008) for one metric, possibly with an uncontracted core
/// (ContractionOptions::coreDegree): the highest ranks, whose arcs join core nodes to each other. Immutable once built
/// and safe to share between threads; queries go through ChQuery and computeDistanceMatrix. Keeps a reference to the
/// graph, which must outlive it.
class ContractionHierarchy {
 public:
  /// Compresses chains of nodes with at most two neighbours first, then contracts the other nodes in
  /// rounds of independent nodes, in parallel, by the priority 2 × edge difference + contracted
  /// neighbours, updated lazily (a candidate whose neighbourhood changed is simulated again before
  /// it is contracted; see ch_contractor.cpp). The same hierarchy for any number of threads. Reports
  /// progress; throws nothing but std::bad_alloc. Cancelling returns an empty hierarchy (check empty()).
  [[nodiscard]] static ContractionHierarchy build(const RoadGraph& graph, Metric metric,
                                                  const ContractionOptions& options = {},
                                                  core::Progress* progress = nullptr);

  [[nodiscard]] const RoadGraph& graph() const noexcept { return *graph_; }
  [[nodiscard]] Metric metric() const noexcept { return metric_; }
  [[nodiscard]] bool empty() const noexcept { return rank_.size() != graph_->nodeCount(); }
  [[nodiscard]] std::size_t shortcutCount() const noexcept { return shortcuts_; }
  /// Contraction order of a node: 0 = contracted first; core nodes come last, in node order.
  [[nodiscard]] std::uint32_t rank(NodeId node) const { return rank_[node.value()]; }
  /// Number of nodes left uncontracted (0 for a complete hierarchy).
  [[nodiscard]] std::uint32_t coreSize() const noexcept {
    return static_cast<std::uint32_t>(rank_.size()) - coreBegin_;
  }
  /// Whether a node is in the core.
  [[nodiscard]] bool isCore(std::uint32_t node) const { return rank_[node] >= coreBegin_; }

  /// Upward arcs v → higher; for a core node, its arcs to other core nodes.
  [[nodiscard]] std::span<const ChArc> forward(std::uint32_t node) const {
    return forward_.span().subspan(forwardBegin_[node], forwardBegin_[node + 1] - forwardBegin_[node]);
  }
  /// Arcs higher → v (searched upwards from a target); for a core node, from other core nodes.
  [[nodiscard]] std::span<const ChArc> backward(std::uint32_t node) const {
    return backward_.span().subspan(backwardBegin_[node], backwardBegin_[node + 1] - backwardBegin_[node]);
  }
  /// All forward (backward) arcs; node v's are at [forwardOffset(v), forwardOffset(v + 1)).
  [[nodiscard]] std::span<const ChArc> forwardArcs() const noexcept { return forward_.span(); }
  [[nodiscard]] std::span<const ChArc> backwardArcs() const noexcept { return backward_.span(); }
  [[nodiscard]] std::uint32_t forwardOffset(std::uint32_t node) const { return forwardBegin_[node]; }
  [[nodiscard]] std::uint32_t backwardOffset(std::uint32_t node) const { return backwardBegin_[node]; }
  /// Appends the graph arcs a hierarchy arc stands for, in travel order.
  void unpack(const ChArc& arc, std::vector<ArcId>& out) const;

  /// Contraction order of every node (see rank), and the offsets of each node's arcs (nodeCount + 1 each).
  [[nodiscard]] std::span<const std::uint32_t> ranks() const noexcept { return rank_.span(); }
  [[nodiscard]] std::span<const std::uint32_t> forwardOffsets() const noexcept { return forwardBegin_.span(); }
  [[nodiscard]] std::span<const std::uint32_t> backwardOffsets() const noexcept { return backwardBegin_.span(); }

  /// The arrays of a hierarchy, as build() lays them out, to be kept in a file and read back
  /// (tools/network_cache.h), possibly pointing into a mapped file.
  struct Data {
    std::uint32_t coreBegin = 0;  ///< rank of the first core node (nodeCount when there is no core)
    std::uint64_t shortcuts = 0;
    core::SharedArray<std::uint32_t> rank;
    core::SharedArray<std::uint32_t> forwardBegin;
    core::SharedArray<ChArc> forward;
    core::SharedArray<std::uint32_t> backwardBegin;
    core::SharedArray<ChArc> backward;
  };
  /// A hierarchy of `graph` for `metric` from arrays made by build() and kept elsewhere. Checks that they
  /// fit together and fit the graph before any search can use them, so damaged or foreign arrays are
  /// refused instead of searched: core::InputError saying the first thing that does not fit (sizes, a rank
  /// order that is not a permutation, an arc to a node that does not exist or does not rank higher, an
  /// original arc the graph does not have or with other totals, a shortcut whose halves do not meet below
  /// both its ends). Linear in the arrays' size.
  [[nodiscard]] static ContractionHierarchy fromData(const RoadGraph& graph, Metric metric, Data&& data);

 private:
  explicit ContractionHierarchy(const RoadGraph& graph, Metric metric) : graph_(&graph), metric_(metric) {}
  friend class Contractor;

  const RoadGraph* graph_;
  Metric metric_;
  std::size_t shortcuts_ = 0;
  std::uint32_t coreBegin_ = 0;  // rank of the first core node
  core::SharedArray<std::uint32_t> rank_;
  core::SharedArray<std::uint32_t> forwardBegin_;  // nodeCount + 1 offsets
  core::SharedArray<ChArc> forward_;
  core::SharedArray<std::uint32_t> backwardBegin_;  // nodeCount + 1 offsets
  core::SharedArray<ChArc> backward_;
};

}  // namespace circatlas::analysis::network
