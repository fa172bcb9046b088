// One-to-one shortest paths on a contraction hierarchy, with the path unpacked to graph arcs.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "analysis/network/anchor.h"
#include "analysis/network/contraction_hierarchy.h"
#include "analysis/network/upward_search.h"

namespace circatlas::analysis::network {

/// A shortest path found through the hierarchy.
using ChRoute = AnchoredRoute;

/// Point-to-point queries on one hierarchy. Holds two search workspaces sized to the graph: one object
/// per thread. The hierarchy must outlive it.
class ChQuery {
 public:
  explicit ChQuery(const ContractionHierarchy& ch);

  /// Totals of the shortest path source → target in the hierarchy's metric, nullopt if unreachable.
  [[nodiscard]] std::optional<Totals> distance(NodeId source, NodeId target);
  /// Shortest path from any source anchor to any target anchor, or nullopt when none is reachable.
  [[nodiscard]] std::optional<ChRoute> route(std::span<const Anchor> sources, std::span<const Anchor> targets);

 private:
  const ContractionHierarchy* ch_;
  UpwardSearch forward_;
  UpwardSearch backward_;
};

}  // namespace circatlas::analysis::network
