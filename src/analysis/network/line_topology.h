// Where polylines meet: their vertices merged into graph nodes, exactly or within a snap tolerance.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/points.h"
#include "core/union_find.h"

namespace circatlas::analysis::network {

/// One polyline: its vertices are [first, last) of the flat vertex arrays (at least two).
struct LineRange {
  std::size_t first = 0;
  std::size_t last = 0;  ///< one past
};

/// The nodes that a set of polylines' vertices become.
struct LineTopology {
  /// Per input vertex, its node in [0, nodeCount()); nodes are numbered by their first vertex.
  std::vector<std::uint32_t> nodeOfVertex;
  /// Per node, the input vertex it stands on: the first interior vertex of its group (so a line
  /// through a junction keeps its shape), else the group's first vertex.
  std::vector<std::uint32_t> anchorVertex;
  /// Line ends that joined another end or vertex within the tolerance (exact coincidence not counted).
  std::size_t endsSnapped = 0;

  [[nodiscard]] std::size_t nodeCount() const noexcept { return anchorVertex.size(); }
};

/// Merges the vertices of `lines` into nodes. Vertices with bit-identical `exact` coordinates
/// (the source coordinates, before any projection) are always one node. Then every line end
/// within `snapToleranceMeters` (in `xy`, metres) of other line ends joins all of them, and joins
/// the nearest other vertex that is not a line end (ties: the one first met), so T-junctions
/// digitised a little short or long connect while lines that merely cross never do.
/// `exact` and `xy` have one entry per vertex; a tolerance ≤ 0 joins exact coincidences only.
[[nodiscard]] LineTopology joinLineVertices(std::span<const core::LonLat> exact, std::span<const core::XY> xy,
                                            std::span<const LineRange> lines, double snapToleranceMeters);

/// Joins line ends of distinct points `xy` within `toleranceMeters` of another line end (all of
/// them) or of the nearest point that is not an end, through a hash grid of tolerance-sized cells.
/// `isEnd` marks the line ends. Returns the number of ends that joined something.
/// Joined points are united in `groups` (one set per point). Tested alone; joinLineVertices calls it.
std::size_t snapEnds(std::span<const core::XY> xy, std::span<const std::uint8_t> isEnd, double toleranceMeters,
                     core::UnionFind& groups);

}  // namespace circatlas::analysis::network
