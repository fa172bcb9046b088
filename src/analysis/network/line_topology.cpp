// Merges polyline vertices into nodes: exact coincidence through a hash of the coordinate bits, then
// line ends within the snap tolerance through a core::GridIndex and a union-find.
#include "analysis/network/line_topology.h"

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <utility>

#include <absl/container/flat_hash_map.h>

#include "core/extent.h"
#include "core/grid_index.h"

namespace circatlas::analysis::network {

namespace {

constexpr std::uint32_t kUnset = std::numeric_limits<std::uint32_t>::max();

struct PointKey {
  std::uint64_t x, y;
  friend bool operator==(const PointKey&, const PointKey&) = default;
  template <typename H>
  friend H AbslHashValue(H h, const PointKey& k) {
    return H::combine(std::move(h), k.x, k.y);
  }
};

}  // namespace

VertexPoints distinctVertexPoints(std::span<const core::Coord> exact, std::span<const LineRange> lines) {
  VertexPoints d;
  d.pointOfVertex.resize(exact.size());
  absl::flat_hash_map<PointKey, std::uint32_t> index;
  index.reserve(exact.size());
  for (std::size_t v = 0; v < exact.size(); ++v) {
    const PointKey k{std::bit_cast<std::uint64_t>(exact[v].x), std::bit_cast<std::uint64_t>(exact[v].y)};
    const auto [it, inserted] = index.try_emplace(k, static_cast<std::uint32_t>(d.firstVertex.size()));
    if (inserted) d.firstVertex.push_back(static_cast<std::uint32_t>(v));
    d.pointOfVertex[v] = it->second;
  }
  d.isEnd.assign(d.firstVertex.size(), 0);
  for (const LineRange& l : lines) {
    assert(l.first + 2 <= l.last && l.last <= exact.size());
    d.isEnd[d.pointOfVertex[l.first]] = d.isEnd[d.pointOfVertex[l.last - 1]] = 1;
  }
  return d;
}

std::size_t snapEnds(std::span<const core::XY> xy, std::span<const std::uint8_t> isEnd, double toleranceMeters,
                     core::UnionFind& groups) {
  assert(isEnd.size() == xy.size() && groups.size() == xy.size());
  const double tol = toleranceMeters;
  if (tol <= 0) return 0;
  // Cells at least as wide as the tolerance, so a point's 3 × 3 block holds all within it (wider than
  // the tolerance only where it is so fine that a side would need more than about 2^30 cells).
  core::Extent bounds;
  for (const core::XY& p : xy) bounds.expand(core::Coord{p.x, p.y});
  const double cellSize = std::max(tol, std::max(bounds.width(), bounds.height()) / 1073741824.0);
  const core::GridIndex grid = core::GridIndex::ofPoints(xy, cellSize);
  std::size_t snapped = 0;
  for (std::uint32_t e = 0; e < xy.size(); ++e) {
    if (!isEnd[e]) continue;
    bool joined = false;
    std::optional<std::uint32_t> nearest;
    double nearestDistance = tol;
    grid.forEachCellInBlock(grid.rowAt(xy[e].y), grid.columnAt(xy[e].x), 1, [&](std::uint32_t cell) {
      for (const std::uint32_t q : grid.cellItems(cell)) {
        if (q == e) continue;
        const double d = std::hypot(xy[q].x - xy[e].x, xy[q].y - xy[e].y);
        if (d > tol) continue;
        if (isEnd[q]) {
          joined |= groups.unite(e, q);
        } else if (!nearest || d < nearestDistance || (d == nearestDistance && q < *nearest)) {
          nearest = q;
          nearestDistance = d;
        }
      }
    });
    if (nearest) joined |= groups.unite(e, *nearest);
    snapped += joined;
  }
  return snapped;
}

LineTopology joinLineVertices(const VertexPoints& points, std::span<const core::XY> pointXy,
                              double snapToleranceMeters) {
  assert(pointXy.size() == points.pointCount());
  const std::size_t pointCount = points.pointCount();
  core::UnionFind groups(pointCount);
  LineTopology t;
  t.endsSnapped = snapEnds(pointXy, points.isEnd, snapToleranceMeters, groups);

  // A group's node stands on its first interior point, else on its first point.
  std::vector<std::uint32_t> anchorOfRoot(pointCount, kUnset);
  for (std::uint32_t pt = 0; pt < pointCount; ++pt) {
    std::uint32_t& a = anchorOfRoot[groups.find(pt)];
    if (a == kUnset || (points.isEnd[a] && !points.isEnd[pt])) a = pt;
  }
  // Nodes numbered by their first vertex, as a walk along the lines meets them.
  std::vector<std::uint32_t> nodeOfRoot(pointCount, kUnset);
  t.nodeOfVertex.resize(points.pointOfVertex.size());
  for (std::size_t v = 0; v < points.pointOfVertex.size(); ++v) {
    const std::uint32_t root = groups.find(points.pointOfVertex[v]);
    if (nodeOfRoot[root] == kUnset) {
      nodeOfRoot[root] = static_cast<std::uint32_t>(t.anchorVertex.size());
      t.anchorVertex.push_back(points.firstVertex[anchorOfRoot[root]]);
    }
    t.nodeOfVertex[v] = nodeOfRoot[root];
  }
  assert(t.nodeCount() <= pointCount);
  return t;
}

void renumberNodes(LineTopology& topology, std::span<const LineRange> lines, std::span<const std::uint32_t> order) {
  std::vector<std::uint32_t> renumbered(topology.nodeCount(), kUnset);
  std::uint32_t next = 0;
  for (const std::uint32_t l : order) {
    for (std::size_t v = lines[l].first; v < lines[l].last; ++v) {
      std::uint32_t& n = renumbered[topology.nodeOfVertex[v]];
      if (n == kUnset) n = next++;
    }
  }
  for (std::uint32_t& n : renumbered) {  // nodes on no line in `order`, if any: after the rest, as they were
    if (n == kUnset) n = next++;
  }
  std::vector<std::uint32_t> anchors(topology.nodeCount());
  for (std::size_t old = 0; old < renumbered.size(); ++old) anchors[renumbered[old]] = topology.anchorVertex[old];
  topology.anchorVertex = std::move(anchors);
  for (std::uint32_t& n : topology.nodeOfVertex) n = renumbered[n];
}

}  // namespace circatlas::analysis::network
