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
  /// Per input vertex, its node in [0, nodeCount()); joinLineVertices numbers nodes by their first vertex.
  std::vector<std::uint32_t> nodeOfVertex;
  /// Per node, the input vertex it stands on: the first interior vertex of its group (so a line
  /// through a junction keeps its shape), else the group's first vertex.
  std::vector<std::uint32_t> anchorVertex;
  /// Line ends that joined another end or vertex within the tolerance (exact coincidence not counted).
  std::size_t endsSnapped = 0;

  [[nodiscard]] std::size_t nodeCount() const noexcept { return anchorVertex.size(); }
};

/// The distinct points of a set of polylines' vertices: vertices with bit-identical source
/// coordinates (before any projection) are one point, so each point is projected once.
struct VertexPoints {
  std::vector<std::uint32_t> pointOfVertex;  ///< per input vertex, its point in [0, pointCount())
  std::vector<std::uint32_t> firstVertex;    ///< per point, its first vertex (points numbered in that order)
  std::vector<std::uint8_t> isEnd;           ///< per point: some line starts or ends there

  [[nodiscard]] std::size_t pointCount() const noexcept { return firstVertex.size(); }
};

/// The points of `lines`' vertices `exact` (one entry per vertex, each line at least two).
[[nodiscard]] VertexPoints distinctVertexPoints(std::span<const core::Coord> exact, std::span<const LineRange> lines);

/// Merges the points of `lines` into nodes: every line end within `snapToleranceMeters` (in
/// `pointXy`, metres, one entry per point) of other line ends joins all of them, and joins the
/// nearest other point that is not a line end (ties: the one first met), so T-junctions digitised a
/// little short or long connect while lines that merely cross never do. A tolerance ≤ 0 keeps
/// exact coincidences only.
[[nodiscard]] LineTopology joinLineVertices(const VertexPoints& points, std::span<const core::XY> pointXy,
                                            double snapToleranceMeters);

/// Renumbers the nodes in the order their vertices are first met going through `lines` in `order` (each
/// line index once), vertex by vertex: with the lines in a spatial order, nodes near each other on the
/// ground get numbers near each other, and a line's vertices consecutive numbers. `anchorVertex` follows.
void renumberNodes(LineTopology& topology, std::span<const LineRange> lines, std::span<const std::uint32_t> order);

/// Joins line ends of distinct points `xy` within `toleranceMeters` of another line end (all of
/// them) or of the nearest point that is not an end, through a hash grid of tolerance-sized cells.
/// `isEnd` marks the line ends. Returns the number of ends that joined something.
/// Joined points are united in `groups` (one set per point). Tested alone; joinLineVertices calls it.
std::size_t snapEnds(std::span<const core::XY> xy, std::span<const std::uint8_t> isEnd, double toleranceMeters,
                     core::UnionFind& groups);

}  // namespace circatlas::analysis::network
