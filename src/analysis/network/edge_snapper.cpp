// EdgeSnapper: segment extraction, a core::GridIndex over the segments' boxes and ring-by-ring nearest search;
// for a batch of points, a coarse mask of the cells near them that picks the segments worth indexing.
#include "analysis/network/edge_snapper.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
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

void checkLimit(Meters maxDistance) {
  if (!std::isfinite(maxDistance.value()) || maxDistance.value() < 0) {
    throw core::ParameterError("maximum snap distance must be a finite number ≥ 0 m, got " +
                               std::to_string(maxDistance.value()));
  }
}

bool isFinite(core::XY p) { return std::isfinite(p.x) && std::isfinite(p.y); }

// Cells of a coarse grid marked where a segment could lie within `reach` of one of some points: a segment's
// box touches a marked cell if it comes that close to any of them. Cells are at least `reach` wide, so each
// point marks at most 3 × 3 of them, and at most ~1024 span the points along either axis.
class NearMask {
 public:
  NearMask(std::span<const core::XY> points, double reach) {
    // A little more than reach: a projection measured at reach may lie a rounding error beyond it.
    reach = reach * (1.0 + 1e-9) + 1e-6;
    core::Extent bounds;
    for (core::XY p : points) {
      if (isFinite(p)) bounds.expand(core::Extent{p.x, p.y, p.x, p.y});
    }
    if (bounds.isEmpty()) return;
    cell_ = std::max({reach, std::max(bounds.width(), bounds.height()) / 1024.0, 1.0});
    originX_ = bounds.minX - reach;
    originY_ = bounds.minY - reach;
    columns_ = static_cast<std::int64_t>((bounds.width() + 2 * reach) / cell_) + 1;
    rows_ = static_cast<std::int64_t>((bounds.height() + 2 * reach) / cell_) + 1;
    marked_.assign(static_cast<std::size_t>(columns_ * rows_), false);
    for (core::XY p : points) {
      if (!isFinite(p)) continue;
      forEachCell(p.x - reach, p.y - reach, p.x + reach, p.y + reach, [&](std::size_t c) {
        marked_[c] = true;
        return false;
      });
    }
  }

  // Whether the box touches a marked cell (or spans so many cells that it is simpler to keep it).
  [[nodiscard]] bool touches(const core::Extent& box) const {
    if (marked_.empty()) return false;
    constexpr std::int64_t kManyCells = 64;
    if ((column(box.maxX) - column(box.minX) + 1) * (row(box.maxY) - row(box.minY) + 1) > kManyCells) return true;
    return forEachCell(box.minX, box.minY, box.maxX, box.maxY, [&](std::size_t c) { return marked_[c]; });
  }

 private:
  // Unclamped cell coordinates, saturated far outside the grid; monotone in the coordinate.
  [[nodiscard]] std::int64_t column(double x) const { return coordinate(x, originX_); }
  [[nodiscard]] std::int64_t row(double y) const { return coordinate(y, originY_); }
  [[nodiscard]] std::int64_t coordinate(double v, double origin) const {
    const double c = std::floor((v - origin) / cell_);
    return static_cast<std::int64_t>(std::clamp(c, -1.0e15, 1.0e15));
  }
  // Calls visit(cell) for the grid's cells in the box until it answers true; returns whether it did.
  template <typename Visit>
  bool forEachCell(double minX, double minY, double maxX, double maxY, Visit&& visit) const {
    const std::int64_t c0 = std::max<std::int64_t>(column(minX), 0);
    const std::int64_t c1 = std::min(column(maxX), columns_ - 1);
    const std::int64_t r1 = std::min(row(maxY), rows_ - 1);
    for (std::int64_t r = std::max<std::int64_t>(row(minY), 0); r <= r1; ++r) {
      for (std::int64_t c = c0; c <= c1; ++c) {
        if (visit(static_cast<std::size_t>(r * columns_ + c))) return true;
      }
    }
    return false;
  }

  double cell_ = 1;
  double originX_ = 0;
  double originY_ = 0;
  std::int64_t columns_ = 0;
  std::int64_t rows_ = 0;
  std::vector<bool> marked_;
};

}  // namespace

template <typename Keep>
EdgeSnapper::Index EdgeSnapper::index(Keep&& keep) const {
  const RoadGraph& graph = *graph_;
  Index index;
  std::vector<core::Extent> boxes;
  core::Extent bounds;
  double totalLength = 0;
  // One segment per unordered node pair: both directions and parallel arcs share the geometry.
  for (std::uint32_t a = 0; a < graph.arcCount(); ++a) {
    const NodeId tail = graph.tail(ArcId(a));
    const NodeId head = graph.head(ArcId(a));
    if (a > 0 && graph.tail(ArcId(a - 1)) == tail && graph.head(ArcId(a - 1)) == head) continue;  // parallel
    const core::XY p = graph.position(tail);
    const core::XY q = graph.position(head);
    const core::Extent box{std::min(p.x, q.x), std::min(p.y, q.y), std::max(p.x, q.x), std::max(p.y, q.y)};
    if (!keep(box)) continue;
    if (head < tail && graph.cheapestArc(head, tail, Metric::Length)) continue;  // indexed from the other side
    index.from.push_back(tail.value());
    index.to.push_back(head.value());
    index.edge.push_back(graph.edge(ArcId(a)).value());
    boxes.push_back(box);
    bounds.expand(box);
    totalLength += std::hypot(q.x - p.x, q.y - p.y);
  }
  if (boxes.empty()) return index;
  // Cells about twice the mean segment length, but no more cells than about 2 per segment.
  const double width = std::max(bounds.width(), 1.0);
  const double height = std::max(bounds.height(), 1.0);
  const auto count = static_cast<double>(boxes.size());
  index.grid = core::GridIndex::ofBoxes(
      boxes, std::max({2.0 * totalLength / count, std::sqrt(width * height / (2.0 * count)), 1.0}));
  return index;
}

const EdgeSnapper::Index& EdgeSnapper::everySegment() const {
  std::call_once(indexed_, [&] {
    all_ = index([](const core::Extent&) { return true; });
    allIndexed_.store(true, std::memory_order_release);
  });
  return all_;
}

std::optional<Snap> EdgeSnapper::snap(core::XY point, Meters maxDistance) const {
  checkLimit(maxDistance);
  if (empty() || !isFinite(point)) return std::nullopt;
  return nearest(everySegment(), point, maxDistance.value());
}

std::vector<std::optional<Snap>> EdgeSnapper::snapAll(std::span<const core::XY> points, Meters maxDistance) const {
  checkLimit(maxDistance);
  std::vector<std::optional<Snap>> snaps(points.size());
  if (empty() || points.empty()) return snaps;
  std::optional<Index> local;
  if (!allIndexed_.load(std::memory_order_acquire)) {
    // Only the segments that could be the answer for one of the points: within maxDistance of it.
    const NearMask near(points, maxDistance.value());
    local = index([&](const core::Extent& box) { return near.touches(box); });
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (isFinite(points[i])) snaps[i] = nearest(local ? *local : all_, points[i], maxDistance.value());
  }
  return snaps;
}

std::optional<Snap> EdgeSnapper::nearest(const Index& index, core::XY point, double maxDistance) const {
  if (index.from.empty()) return std::nullopt;
  std::uint32_t bestSegment = 0;
  Projection best{0, {}, std::numeric_limits<double>::infinity()};
  index.grid.searchRings(
      point, [&](double bound) { return bound > std::min(best.distance, maxDistance); },
      [&](std::uint32_t cell) {
        for (const std::uint32_t s : index.grid.cellItems(cell)) {
          const Projection p =
              project(point, graph_->position(NodeId(index.from[s])), graph_->position(NodeId(index.to[s])));
          if (p.distance < best.distance || (p.distance == best.distance && s < bestSegment)) {
            best = p;
            bestSegment = s;
          }
        }
      });
  if (best.distance > maxDistance) return std::nullopt;
  return Snap{NodeId(index.from[bestSegment]),
              NodeId(index.to[bestSegment]),
              EdgeId(index.edge[bestSegment]),
              best.fraction,
              best.point,
              Meters(best.distance)};
}

}  // namespace circatlas::analysis::network
