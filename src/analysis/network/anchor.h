// Where a query enters or leaves the network: a node plus what it costs to get there from the true endpoint.
#pragma once

#include <vector>

#include "analysis/network/road_graph.h"

namespace circatlas::analysis::network {

/// A graph node a query may start or end at, with the totals already spent between the endpoint and
/// that node (for a point snapped onto an edge, the part of the edge to or from the node). A query
/// endpoint is a set of anchors; the best one is chosen.
struct Anchor {
  NodeId node;
  Totals offset;
};

/// A shortest path between two anchor sets, as found by a hierarchy or by plain Dijkstra.
struct AnchoredRoute {
  Totals totals;            ///< including the anchors' offsets
  NodeId sourceNode;        ///< the source anchor used
  NodeId targetNode;        ///< the target anchor used
  std::vector<ArcId> arcs;  ///< graph arcs from sourceNode to targetNode (empty when they are equal)
};

}  // namespace circatlas::analysis::network
