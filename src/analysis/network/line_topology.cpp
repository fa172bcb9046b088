// Merges polyline vertices into nodes: exact coincidence through a hash of the coordinate bits, then
// line ends within the snap tolerance through a hash grid and a union-find.
#include "analysis/network/line_topology.h"

#include <bit>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <unordered_map>

namespace circatlas::analysis::network {

namespace {

constexpr std::uint32_t kUnset = std::numeric_limits<std::uint32_t>::max();

struct PointKey {
  std::uint64_t x, y;
  friend bool operator==(const PointKey&, const PointKey&) = default;
};
struct PointKeyHash {
  std::size_t operator()(const PointKey& k) const noexcept {
    return std::hash<std::uint64_t>{}(k.x * 0x9E3779B97F4A7C15ULL ^ k.y);
  }
};

// Distinct points of the vertices (bit-identical coordinates), in order of first appearance.
struct DistinctPoints {
  std::vector<std::uint32_t> pointOfVertex;
  std::vector<std::uint32_t> firstVertex;  // per point
  std::vector<core::XY> xy;                // per point
  std::vector<std::uint8_t> isEnd;         // per point: some line starts or ends here
};

DistinctPoints distinctPoints(std::span<const core::LonLat> exact, std::span<const core::XY> xy,
                              std::span<const LineRange> lines) {
  DistinctPoints d;
  d.pointOfVertex.resize(exact.size());
  std::unordered_map<PointKey, std::uint32_t, PointKeyHash> index;
  index.reserve(exact.size());
  for (std::size_t v = 0; v < exact.size(); ++v) {
    const PointKey k{std::bit_cast<std::uint64_t>(exact[v].lon), std::bit_cast<std::uint64_t>(exact[v].lat)};
    const auto [it, inserted] = index.try_emplace(k, static_cast<std::uint32_t>(d.xy.size()));
    if (inserted) {
      d.firstVertex.push_back(static_cast<std::uint32_t>(v));
      d.xy.push_back(xy[v]);
      d.isEnd.push_back(0);
    }
    d.pointOfVertex[v] = it->second;
  }
  for (const LineRange& l : lines) {
    assert(l.first + 2 <= l.last && l.last <= exact.size());
    d.isEnd[d.pointOfVertex[l.first]] = d.isEnd[d.pointOfVertex[l.last - 1]] = 1;
  }
  return d;
}

}  // namespace

std::size_t snapEnds(std::span<const core::XY> xy, std::span<const std::uint8_t> isEnd, double toleranceMeters,
                     core::UnionFind& groups) {
  assert(isEnd.size() == xy.size() && groups.size() == xy.size());
  const double tol = toleranceMeters;
  if (tol <= 0) return 0;
  auto cell = [tol](double v) { return static_cast<std::int64_t>(std::floor(v / tol)); };
  auto key = [](std::int64_t cx, std::int64_t cy) {
    return static_cast<std::uint64_t>(cx) * 0x100000001B3ULL ^ static_cast<std::uint64_t>(cy);
  };
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> grid;
  grid.reserve(xy.size());
  for (std::uint32_t i = 0; i < xy.size(); ++i) grid[key(cell(xy[i].x), cell(xy[i].y))].push_back(i);
  std::size_t snapped = 0;
  for (std::uint32_t e = 0; e < xy.size(); ++e) {
    if (!isEnd[e]) continue;
    bool joined = false;
    std::optional<std::uint32_t> nearest;
    double nearestDistance = tol;
    const std::int64_t cx = cell(xy[e].x);
    const std::int64_t cy = cell(xy[e].y);
    for (std::int64_t dx = -1; dx <= 1; ++dx) {
      for (std::int64_t dy = -1; dy <= 1; ++dy) {
        const auto it = grid.find(key(cx + dx, cy + dy));
        if (it == grid.end()) continue;
        for (std::uint32_t q : it->second) {
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
      }
    }
    if (nearest) joined |= groups.unite(e, *nearest);
    snapped += joined;
  }
  return snapped;
}

LineTopology joinLineVertices(std::span<const core::LonLat> exact, std::span<const core::XY> xy,
                              std::span<const LineRange> lines, double snapToleranceMeters) {
  assert(exact.size() == xy.size());
  const DistinctPoints points = distinctPoints(exact, xy, lines);
  const std::size_t pointCount = points.xy.size();
  core::UnionFind groups(pointCount);
  LineTopology t;
  t.endsSnapped = snapEnds(points.xy, points.isEnd, snapToleranceMeters, groups);

  // A group's node stands on its first interior point, else on its first point.
  std::vector<std::uint32_t> anchorOfRoot(pointCount, kUnset);
  for (std::uint32_t pt = 0; pt < pointCount; ++pt) {
    std::uint32_t& a = anchorOfRoot[groups.find(pt)];
    if (a == kUnset || (points.isEnd[a] && !points.isEnd[pt])) a = pt;
  }
  // Nodes numbered by their first vertex, as a walk along the lines meets them.
  std::vector<std::uint32_t> nodeOfRoot(pointCount, kUnset);
  t.nodeOfVertex.resize(exact.size());
  for (std::size_t v = 0; v < exact.size(); ++v) {
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

}  // namespace circatlas::analysis::network
