// EdgeSnapper: segment extraction, a core::GridIndex over the segments' boxes and ring-by-ring nearest search.
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

  std::vector<core::Extent> boxes(segmentFrom_.size());
  core::Extent bounds;
  double totalLength = 0;
  for (std::size_t s = 0; s < segmentFrom_.size(); ++s) {
    const core::XY a = graph.position(NodeId(segmentFrom_[s]));
    const core::XY b = graph.position(NodeId(segmentTo_[s]));
    boxes[s] = {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
    bounds.expand(boxes[s]);
    totalLength += std::hypot(b.x - a.x, b.y - a.y);
  }
  // Cells about twice the mean segment length, but no more cells than about 2 per segment.
  const double width = std::max(bounds.width(), 1.0);
  const double height = std::max(bounds.height(), 1.0);
  const auto count = static_cast<double>(segmentFrom_.size());
  grid_ = core::GridIndex::ofBoxes(
      boxes, std::max({2.0 * totalLength / count, std::sqrt(width * height / (2.0 * count)), 1.0}));
}

std::optional<Snap> EdgeSnapper::snap(core::XY point, Meters maxDistance) const {
  if (!std::isfinite(maxDistance.value()) || maxDistance.value() < 0) {
    throw core::ParameterError("maximum snap distance must be a finite number ≥ 0 m, got " +
                               std::to_string(maxDistance.value()));
  }
  if (segmentFrom_.empty() || !std::isfinite(point.x) || !std::isfinite(point.y)) return std::nullopt;
  std::uint32_t bestSegment = 0;
  Projection best{0, {}, std::numeric_limits<double>::infinity()};
  grid_.searchRings(
      point, [&](double bound) { return bound > std::min(best.distance, maxDistance.value()); },
      [&](std::uint32_t cell) {
        for (const std::uint32_t s : grid_.cellItems(cell)) {
          const Projection p =
              project(point, graph_->position(NodeId(segmentFrom_[s])), graph_->position(NodeId(segmentTo_[s])));
          if (p.distance < best.distance || (p.distance == best.distance && s < bestSegment)) {
            best = p;
            bestSegment = s;
          }
        }
      });
  if (best.distance > maxDistance.value()) return std::nullopt;
  return Snap{NodeId(segmentFrom_[bestSegment]),
              NodeId(segmentTo_[bestSegment]),
              EdgeId(segmentEdge_[bestSegment]),
              best.fraction,
              best.point,
              Meters(best.distance)};
}

}  // namespace circatlas::analysis::network
