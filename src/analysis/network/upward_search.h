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
/// it. Reusable; one object per thread. Per node it keeps only 8 bytes (when it was last reached, and where
/// its label is); the labels of the nodes one search reaches are stored together, so that a workspace of a
/// 1.65 M-node network is 13 MB of memory, not 72, most of which a small upward search never touches.
class UpwardSearch {
 public:
  static constexpr std::uint32_t kNone = 0xffffffffu;

  UpwardSearch(const ContractionHierarchy& ch, bool forward, bool expandCore);

  void run(std::span<const Anchor> anchors);

  /// Settled, non-stalled nodes in settling order; only their labels are exact.
  [[nodiscard]] const std::vector<std::uint32_t>& settled() const noexcept { return settled_; }
  [[nodiscard]] bool reached(std::uint32_t node) const { return slots_[node].round == round_; }
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
  [[nodiscard]] const Label& label(std::uint32_t node) const { return labels_[slots_[node].label]; }
  // The label of a node, made (and the node marked reached) if this run has not reached it yet.
  Label& labelFor(std::uint32_t node);
  // Relaxes the arcs of x, settled at distance d.
  void relax(std::uint32_t x, double d);

  const ContractionHierarchy* ch_;
  bool forward_;
  bool expandCore_;
  std::uint32_t round_ = 0;
  std::vector<Slot> slots_;    // one per node
  std::vector<Label> labels_;  // the nodes reached in this run, in the order reached
  std::vector<std::uint32_t> settled_;
  std::vector<std::pair<double, std::uint32_t>> heap_;
};

}  // namespace circatlas::analysis::network
