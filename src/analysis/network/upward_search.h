// Internal: one complete upward Dijkstra search in a contraction hierarchy, with stall-on-demand.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/network/anchor.h"
#include "analysis/network/contraction_hierarchy.h"
#include "analysis/network/core_graph.h"

namespace circatlas::analysis::network {

/// Searches upwards from a set of anchors until no node is left: forward (along forward arcs, from
/// sources) or backward (along backward arcs, from targets). Core nodes of the hierarchy are settled
/// but only searched onwards (a plain Dijkstra among them) when expandCore is set: a shortest path
/// climbs to the core, crosses it and descends, so one of the two searches of a query must expand
/// it. Reusable; one object per thread. Per node it keeps only 8 bytes (when it was last reached, and where
/// its label is); the labels of the nodes one search reaches are stored together, so that a workspace of a
/// 1.65 M-node network is 13 MB of memory, not 72, most of which a small upward search never touches.
/// A search that expands the core can be given the core's own arrays (CoreGraph, of its direction): it then
/// crosses the core on those and keeps the core nodes' slots in a dense array of their own, with the same
/// labels and the same order of settling.
class UpwardSearch {
 public:
  static constexpr std::uint32_t kNone = 0xffffffffu;

  /// `core`: optional, only with expandCore; the core of `ch` with its forward arcs when `forward`, else its
  /// backward arcs. It must outlive the search.
  UpwardSearch(const ContractionHierarchy& ch, bool forward, bool expandCore, const CoreGraph* core = nullptr);

  void run(std::span<const Anchor> anchors);

  /// Settled, non-stalled nodes in settling order; only their labels are exact.
  [[nodiscard]] const std::vector<std::uint32_t>& settled() const noexcept { return settled_; }
  /// The distances of settled(), in the same order (dist() of each, without looking the node up).
  [[nodiscard]] const std::vector<double>& settledDistances() const noexcept { return settledDist_; }
  [[nodiscard]] bool reached(std::uint32_t node) const { return slot(node).round == round_; }
  /// The label of a reached node (see reached()).
  [[nodiscard]] double dist(std::uint32_t node) const { return label(node).dist; }
  [[nodiscard]] const Totals& totals(std::uint32_t node) const { return label(node).totals; }
  /// The hierarchy arc that reached node (index into forward or backward arcs of parentNode), or kNone
  /// at an anchor.
  [[nodiscard]] std::uint32_t parentArc(std::uint32_t node) const { return label(node).parentArc; }
  [[nodiscard]] std::uint32_t parentNode(std::uint32_t node) const { return label(node).parentNode; }

 private:
  struct Slot {
    std::uint32_t round = 0;  // the run that last reached the node (runs count from 1)
    std::uint32_t label = 0;  // index into labels_, valid in that run
  };
  struct Label {
    double dist = 0;
    Totals totals;
    std::uint32_t parentArc = kNone;
    std::uint32_t parentNode = kNone;
  };
  // A heap entry: the node, and its core number when the search has a CoreGraph and the node is in the core.
  // Ordered as (dist, node): the order of settling does not depend on whether there is a CoreGraph.
  struct Entry {
    double dist;
    std::uint32_t node;
    std::uint32_t core;
    friend bool operator>(const Entry& a, const Entry& b) {
      return a.dist > b.dist || (a.dist == b.dist && a.node > b.node);
    }
  };
  [[nodiscard]] std::uint32_t coreNumber(std::uint32_t node) const {
    if (!core_) return kNone;
    const std::uint32_t rank = ch_->ranks()[node];
    return rank >= coreBegin_ ? rank - coreBegin_ : kNone;
  }
  // The slot of a node whose core number (coreNumber) is `core`.
  [[nodiscard]] Slot& slot(std::uint32_t node, std::uint32_t core) {
    return core == kNone ? slots_[node] : coreSlots_[core];
  }
  [[nodiscard]] const Slot& slot(std::uint32_t node) const {
    const std::uint32_t c = coreNumber(node);
    return c == kNone ? slots_[node] : coreSlots_[c];
  }
  [[nodiscard]] const Label& label(std::uint32_t node) const { return labels_[slot(node).label]; }
  // The label of a slot, made (and the slot marked reached) if this run has not reached it yet.
  Label& labelFor(Slot& slot);
  void push(double dist, std::uint32_t node, std::uint32_t core);
  // Relaxes the arcs of x, settled at distance d.
  void relax(std::uint32_t x, double d);
  // The same for core number c, on the CoreGraph.
  void relaxCore(std::uint32_t c, double d);

  const ContractionHierarchy* ch_;
  bool forward_;
  bool expandCore_;
  const CoreGraph* core_;
  std::uint32_t coreBegin_;  // rank of the first core node
  std::uint32_t round_ = 0;
  std::vector<Slot> slots_;      // one per node (core nodes: unused when there is a CoreGraph)
  std::vector<Slot> coreSlots_;  // one per core number, with a CoreGraph
  std::vector<Label> labels_;    // the nodes reached in this run, in the order reached
  std::vector<std::uint32_t> settled_;
  std::vector<double> settledDist_;
  std::vector<Entry> heap_;
};

}  // namespace circatlas::analysis::network
