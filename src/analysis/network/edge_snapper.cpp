// EdgeSnapper: segment extraction, grid construction and ring-by-ring nearest search.
#include "analysis/network/edge_snapper.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "core/error.h"

namespace circatlas::analysis::network {
namespace {

struct Projection {
  double fraction;
  core::XY point;
  double distance;
};

Projection project(core::XY p, core::XY a, core::XY b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
  t = std::clamp(t, 0.0, 1.0);
  const core::XY q{a.x + t * dx, a.y + t * dy};
  return {t, q, std::hypot(p.x - q.x, p.y - q.y)};
}

}  // namespace

EdgeSnapper::EdgeSnapper(const RoadGraph& graph) : graph_(&graph) {
  // One segment per unordered node pair: both directions and parallel arcs share the geometry.
  for (std::uint32_t a = 0; a < graph.arcCount(); ++a) {
    const NodeId tail = graph.tail(ArcId(a));
    const NodeId head = graph.head(ArcId(a));
    if (head < tail && graph.cheapestArc(head, tail, Metric::Length)) continue;  // indexed from the other side
    if (a > 0 && graph.tail(ArcId(a - 1)) == tail && graph.head(ArcId(a - 1)) == head) continue;  // parallel
    segmentFrom_.push_back(tail.value());
    segmentTo_.push_back(head.value());
    segmentEdge_.push_back(graph.edge(ArcId(a)).value());
  }
  if (segmentFrom_.empty()) return;

  double minX = std::numeric_limits<double>::max(), minY = minX;
  double maxX = std::numeric_limits<double>::lowest(), maxY = maxX;
  double totalLength = 0;
  for (std::size_t s = 0; s < segmentFrom_.size(); ++s) {
    const core::XY a = graph.position(NodeId(segmentFrom_[s]));
    const core::XY b = graph.position(NodeId(segmentTo_[s]));
    minX = std::min({minX, a.x, b.x});
    minY = std::min({minY, a.y, b.y});
    maxX = std::max({maxX, a.x, b.x});
    maxY = std::max({maxY, a.y, b.y});
    totalLength += std::hypot(b.x - a.x, b.y - a.y);
  }
  // Cells about twice the mean segment length, but no more cells than about 2 per segment.
  const double width = std::max(maxX - minX, 1.0);
  const double height = std::max(maxY - minY, 1.0);
  const auto count = static_cast<double>(segmentFrom_.size());
  cellSize_ = std::max({2.0 * totalLength / count, std::sqrt(width * height / (2.0 * count)), 1.0});
  originX_ = minX;
  originY_ = minY;
  columns_ = static_cast<std::int64_t>(width / cellSize_) + 1;
  rows_ = static_cast<std::int64_t>(height / cellSize_) + 1;

  // Two passes (count, then fill) over the cells each segment's bounding box covers.
  std::vector<std::uint32_t> counts(static_cast<std::size_t>(columns_ * rows_) + 1, 0);
  auto forCells = [&](std::size_t s, auto&& visit) {
    const core::XY a = graph.position(NodeId(segmentFrom_[s]));
    const core::XY b = graph.position(NodeId(segmentTo_[s]));
    for (std::int64_t cy = cellY(std::min(a.y, b.y)); cy <= cellY(std::max(a.y, b.y)); ++cy) {
      for (std::int64_t cx = cellX(std::min(a.x, b.x)); cx <= cellX(std::max(a.x, b.x)); ++cx) {
        visit(static_cast<std::size_t>(cy * columns_ + cx));
      }
    }
  };
  for (std::size_t s = 0; s < segmentFrom_.size(); ++s) forCells(s, [&](std::size_t cell) { ++counts[cell + 1]; });
  for (std::size_t c = 1; c < counts.size(); ++c) counts[c] += counts[c - 1];
  cellStart_ = counts;
  cellSegments_.resize(counts.back());
  for (std::size_t s = 0; s < segmentFrom_.size(); ++s) {
    forCells(s, [&](std::size_t cell) { cellSegments_[counts[cell]++] = static_cast<std::uint32_t>(s); });
  }
}

std::int64_t EdgeSnapper::cellX(double x) const {
  return std::clamp(static_cast<std::int64_t>(std::floor((x - originX_) / cellSize_)), std::int64_t{0}, columns_ - 1);
}

std::int64_t EdgeSnapper::cellY(double y) const {
  return std::clamp(static_cast<std::int64_t>(std::floor((y - originY_) / cellSize_)), std::int64_t{0}, rows_ - 1);
}

std::optional<Snap> EdgeSnapper::snap(core::XY point, Meters maxDistance) const {
  if (!std::isfinite(maxDistance.value()) || maxDistance.value() < 0) {
    throw core::ParameterError("maximum snap distance must be a finite number ≥ 0 m, got " +
                               std::to_string(maxDistance.value()));
  }
  if (segmentFrom_.empty() || !std::isfinite(point.x) || !std::isfinite(point.y)) return std::nullopt;
  const std::int64_t qx = cellX(point.x);
  const std::int64_t qy = cellY(point.y);
  std::uint32_t bestSegment = 0;
  Projection best{0, {}, std::numeric_limits<double>::infinity()};
  const std::int64_t maxRing = std::max(columns_, rows_);
  for (std::int64_t ring = 0; ring <= maxRing; ++ring) {
    // Every cell in this ring is at least (ring − 1) cells away from the point, even when the point
    // lies outside the grid and its cell was clamped.
    if (static_cast<double>(ring - 1) * cellSize_ > std::min(best.distance, maxDistance.value())) break;
    for (std::int64_t cy = qy - ring; cy <= qy + ring; ++cy) {
      if (cy < 0 || cy >= rows_) continue;
      const bool edgeRow = cy == qy - ring || cy == qy + ring;
      for (std::int64_t cx = qx - ring; cx <= qx + ring; cx += edgeRow ? 1 : 2 * ring) {
        if (cx >= 0 && cx < columns_) {
          const auto cell = static_cast<std::size_t>(cy * columns_ + cx);
          for (std::uint32_t i = cellStart_[cell]; i < cellStart_[cell + 1]; ++i) {
            const std::uint32_t s = cellSegments_[i];
            const Projection p =
                project(point, graph_->position(NodeId(segmentFrom_[s])), graph_->position(NodeId(segmentTo_[s])));
            if (p.distance < best.distance || (p.distance == best.distance && s < bestSegment)) {
              best = p;
              bestSegment = s;
            }
          }
        }
        if (ring == 0) break;
      }
    }
  }
  if (best.distance > maxDistance.value()) return std::nullopt;
  return Snap{NodeId(segmentFrom_[bestSegment]),
              NodeId(segmentTo_[bestSegment]),
              EdgeId(segmentEdge_[bestSegment]),
              best.fraction,
              best.point,
              Meters(best.distance)};
}

}  // namespace circatlas::analysis::network
