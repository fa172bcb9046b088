// Internal: the uncontracted core of a contraction hierarchy, numbered densely, for searches that cross it.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "analysis/network/contraction_hierarchy.h"

namespace circatlas::analysis::network {

/// One direction's arcs among the core nodes of a hierarchy, with the nodes numbered 0 … coreSize − 1 in
/// rank order (which is node order: ContractionHierarchy::rank). A search that crosses the core reads only
/// these arrays there, a few megabytes, instead of the arcs and per-node slots of every node of the network,
/// which the core's nodes are scattered through (on the OSM-like network of bench/compare, 161 k junctions
/// among 1.65 M nodes). Immutable; share it between the searches of one matrix.
class CoreGraph {
 public:
  /// An arc of the core: the core number of its other end, its index among the hierarchy's forward
  /// (backward) arcs, and the arc's weight and totals. (Totals kept apart, in an array of their own, made
  /// the searches no faster.)
  struct Arc {
    std::uint32_t head = 0;
    std::uint32_t index = 0;
    double weight = 0;
    Totals totals;
  };

  /// The core of `ch` with its forward arcs (forward = true) or its backward arcs. Linear in the nodes.
  CoreGraph(const ContractionHierarchy& ch, bool forward);

  [[nodiscard]] std::uint32_t size() const noexcept { return static_cast<std::uint32_t>(nodes_.size()); }
  /// The graph node of core number c.
  [[nodiscard]] std::uint32_t node(std::uint32_t c) const { return nodes_[c]; }
  [[nodiscard]] std::span<const Arc> arcs(std::uint32_t c) const {
    return std::span<const Arc>(arcs_).subspan(first_[c], first_[c + 1] - first_[c]);
  }

 private:
  std::vector<std::uint32_t> nodes_;
  std::vector<std::uint32_t> first_;  // size() + 1 offsets into arcs_
  std::vector<Arc> arcs_;
};

}  // namespace circatlas::analysis::network
