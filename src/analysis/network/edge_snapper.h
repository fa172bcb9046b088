// Snaps arbitrary XY points to the nearest road segment, through a uniform grid over the segments.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <span>
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
  friend bool operator==(const Snap&, const Snap&) = default;
};

/// Nearest-segment search over the graph's arcs, two arcs between the same nodes sharing one segment.
/// Segments are straight lines between node positions (metres, analysis CRS), numbered in arc order; of
/// equally near segments the first wins. Keeps a reference to the graph, which must outlive it; const member
/// functions are safe to call from several threads.
///
/// Constructing it costs nothing. snap() indexes every segment on its first call (a grid over their boxes:
/// a few tenths of a second and about 100 MB for a 1.65 M-node network) and keeps the index; snapAll() for a batch of
/// points, unless that index exists, indexes only the segments near the batch, which for the few dozen sites of a
/// matrix is a single pass over the arcs.
class EdgeSnapper {
 public:
  explicit EdgeSnapper(const RoadGraph& graph) : graph_(&graph) {}

  /// The nearest segment within maxDistance of point, or nullopt when none is that close (or the graph has
  /// no arcs, or the point is not finite). Throws core::ParameterError for a negative or non-finite
  /// maxDistance.
  [[nodiscard]] std::optional<Snap> snap(core::XY point, Meters maxDistance) const;

  /// snap() for each point, with the same answers.
  [[nodiscard]] std::vector<std::optional<Snap>> snapAll(std::span<const core::XY> points, Meters maxDistance) const;

  /// Whether there is no segment at all (the graph has no arcs).
  [[nodiscard]] bool empty() const noexcept { return graph_->arcCount() == 0; }

  /// Number of segments indexed by snap() (which it indexes first if it has not yet).
  [[nodiscard]] std::size_t segmentCount() const { return everySegment().from.size(); }

 private:
  // Some of the segments, in segment order, and a grid over their boxes.
  struct Index {
    std::vector<std::uint32_t> from;
    std::vector<std::uint32_t> to;
    std::vector<std::uint32_t> edge;
    core::GridIndex grid;
  };
  // The segments whose box `keep(box)` accepts.
  template <typename Keep>
  [[nodiscard]] Index index(Keep&& keep) const;
  [[nodiscard]] const Index& everySegment() const;
  [[nodiscard]] std::optional<Snap> nearest(const Index& index, core::XY point, double maxDistance) const;

  const RoadGraph* graph_;
  mutable std::once_flag indexed_;
  mutable Index all_;                       // made once, by everySegment()
  mutable std::atomic<bool> allIndexed_{};  // set once all_ is made
};

}  // namespace circatlas::analysis::network
