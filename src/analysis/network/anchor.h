// Where a query enters or leaves the network: a node plus what it costs to get there from the true endpoint.
#pragma once

#include "analysis/network/road_graph.h"

namespace circatlas::analysis::network {

/// A graph node a query may start or end at, with the totals already spent between the endpoint and
/// that node (for a point snapped onto an edge, the part of the edge to or from the node). A query
/// endpoint is a set of anchors; the best one is chosen.
struct Anchor {
  NodeId node;
  Totals offset;
};

}  // namespace circatlas::analysis::network
