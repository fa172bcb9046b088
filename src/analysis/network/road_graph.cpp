// RoadGraph look-ups that are more than an array access.
#include "analysis/network/road_graph.h"

namespace circatlas::analysis::network {

std::optional<ArcId> RoadGraph::cheapestArc(NodeId from, NodeId to, Metric metric) const {
  std::optional<ArcId> best;
  for (ArcId arc : outArcs(from)) {
    if (head(arc) == to && (!best || weight(arc, metric) < weight(*best, metric))) best = arc;
  }
  return best;
}

}  // namespace circatlas::analysis::network
