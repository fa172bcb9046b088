// Snaps arbitrary XY points to the nearest road segment, through a uniform grid over the segments.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "analysis/network/road_graph.h"
#include "core/grid_index.h"

namespace circatlas::analysis::network {

/// Where a point meets the network.
struct Snap {
  NodeId from;          ///< one end of the segment
  NodeId to;            ///< the other end (arcs may run either or both ways between them)
  EdgeId edge;          ///< a builder edge on this segment (the one of the first arc found)
  double fraction = 0;  ///< position of the projection along from → to, in [0, 1]
  core::XY point;       ///< the projection, metres in the analysis CRS
  Meters access;        ///< straight-line distance from the query point to the projection
};

/// Nearest-segment index over the graph's arcs, two arcs between the same nodes sharing one segment.
/// Segments are straight lines between node positions (metres, analysis CRS). Keeps a reference to the
/// graph, which must outlive it; const member functions are safe to call from several threads.
class EdgeSnapper {
 public:
  explicit EdgeSnapper(const RoadGraph& graph);

  /// The nearest segment within maxDistance of point (ties: the segment indexed first), or nullopt when
  /// none is that close (or the graph has no arcs). Throws core::ParameterError for a negative or
  /// non-finite maxDistance.
  [[nodiscard]] std::optional<Snap> snap(core::XY point, Meters maxDistance) const;

  [[nodiscard]] std::size_t segmentCount() const noexcept { return segmentFrom_.size(); }

 private:
  const RoadGraph* graph_;
  std::vector<std::uint32_t> segmentFrom_;
  std::vector<std::uint32_t> segmentTo_;
  std::vector<std::uint32_t> segmentEdge_;
  core::GridIndex grid_;  // segments by the cells their bounding boxes touch
};

}  // namespace circatlas::analysis::network
