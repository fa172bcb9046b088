// k-distances by expanding square blocks on a grid sized from a sample; quantiles and the knee.
#include "analysis/cluster/k_distance.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>

#include "analysis/cluster/parallel_cells.h"
#include "analysis/cluster/point_checks.h"
#include "core/error.h"
#include "core/grid_index.h"
#include "core/parallel_progress.h"

namespace circatlas::analysis::cluster {

namespace {

constexpr std::size_t kSampleSize = 2048;
constexpr double kQuantileFractions[] = {0.5, 0.75, 0.9, 0.95, 0.99};

double squaredDistance(core::XY a, core::XY b) noexcept {
  const double dx = a.x - b.x;
  const double dy = a.y - b.y;
  return dx * dx + dy * dy;
}

// Largest side of the points' bounding box, in metres.
double extentOf(std::span<const core::XY> points) {
  auto [minX, maxX] = std::minmax_element(points.begin(), points.end(), [](auto a, auto b) { return a.x < b.x; });
  auto [minY, maxY] = std::minmax_element(points.begin(), points.end(), [](auto a, auto b) { return a.y < b.y; });
  return std::max(maxX->x - minX->x, maxY->y - minY->y);
}

// A cell size near the median k-distance (k counts other points): measured exactly on an evenly strided
// sample, then scaled by √(sample / n), since in the plane distances shrink with the square root of
// density. Only speed depends on it, never the result. Needs at least 2 points.
double estimateCellSize(std::span<const core::XY> points, std::size_t k) {
  const std::size_t n = points.size();
  const std::size_t m = std::min(n, kSampleSize);
  std::vector<core::XY> sample(m);
  for (std::size_t j = 0; j < m; ++j) sample[j] = points[j * n / m];
  const std::size_t kInSample = std::clamp<std::size_t>(k, 1, m - 1);
  std::vector<double> kth;
  std::vector<double> d2;
  for (std::size_t j = 0; j < m; ++j) {
    d2.clear();
    for (std::size_t i = 0; i < m; ++i) {
      if (i != j) d2.push_back(squaredDistance(sample[i], sample[j]));
    }
    std::nth_element(d2.begin(), d2.begin() + static_cast<std::ptrdiff_t>(kInSample - 1), d2.end());
    // Zeros (copies of one location) say nothing about spacing, and copies are handled apart.
    if (d2[kInSample - 1] > 0.0) kth.push_back(std::sqrt(d2[kInSample - 1]));
  }
  const double extent = extentOf(points);
  // Never so fine that the grid would need more than about 2^20 cells a side.
  const double floorSize = std::max(extent / 1048576.0, 1e-9);
  if (kth.empty()) return std::max(extent / std::sqrt(static_cast<double>(n)), floorSize);
  std::nth_element(kth.begin(), kth.begin() + static_cast<std::ptrdiff_t>(kth.size() / 2), kth.end());
  const double estimate = kth[kth.size() / 2] * std::sqrt(static_cast<double>(m) / static_cast<double>(n));
  return std::max(estimate, floorSize);
}

// Point ranges [begin, end) in sortedPoints() of the block of `radius` cells around `cell`.
void collectBlock(const core::GridIndex& grid, std::uint32_t cell, std::int64_t radius,
                  std::vector<std::pair<std::uint32_t, std::uint32_t>>& ranges) {
  ranges.clear();
  const std::int64_t row = grid.rowOf(cell);
  const std::int64_t col = grid.columnOf(cell);
  for (std::int64_t r = row - radius; r <= row + radius; ++r) {
    const core::GridIndex::CellRange cells = grid.rowRange(r, col - radius, col + radius);
    if (cells.first < cells.last) ranges.emplace_back(grid.cellBegin(cells.first), grid.cellEnd(cells.last - 1));
  }
}

// True if at least k other points of the cell coincide with the point at `pos`, looking only at the
// first few points of the cell. Coordinates geocoded to one district centre put thousands of copies in
// one cell; without this, each copy would compare itself with all of them.
bool hasKDuplicatesNearby(const core::GridIndex& grid, std::uint32_t cell, std::uint32_t pos, std::size_t k) {
  const std::span<const core::XY> pts = grid.sortedPoints();
  const std::uint32_t end =
      std::min<std::uint32_t>(grid.cellEnd(cell), grid.cellBegin(cell) + static_cast<std::uint32_t>(16 * k + 64));
  std::size_t copies = 0;
  for (std::uint32_t q = grid.cellBegin(cell); q < end; ++q) {
    if (q != pos && pts[q] == pts[pos] && ++copies >= k) return true;
  }
  return false;
}

// Fills out[input index] for the points of one cell, doubling the block until each point's k-th
// neighbour is closer than anything outside the block can be.
void kDistancesOfCell(const core::GridIndex& grid, std::uint32_t cell, std::size_t k, std::vector<double>& out) {
  // Scratch reused across cells; per thread, so the cells can run in parallel without locks.
  thread_local std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges;
  thread_local std::vector<double> d2;
  thread_local std::vector<std::uint32_t> pending;
  const std::span<const core::XY> pts = grid.sortedPoints();
  pending.clear();
  for (std::uint32_t pos = grid.cellBegin(cell); pos < grid.cellEnd(cell); ++pos) {
    if (hasKDuplicatesNearby(grid, cell, pos, k)) {
      out[grid.items()[pos]] = 0.0;
    } else {
      pending.push_back(pos);
    }
  }
  const std::int64_t wholeGrid = std::max(grid.rowCount(), grid.columnCount());
  for (std::int64_t radius = 1; !pending.empty(); radius *= 2) {
    collectBlock(grid, cell, radius, ranges);
    const bool coversAll = radius >= wholeGrid;
    // A point is at least radius cells from the block's edge; the 0.01 absorbs binning round-off.
    const double safe = (static_cast<double>(radius) - 0.01) * grid.cellSize();
    std::size_t kept = 0;
    for (std::uint32_t pos : pending) {
      d2.clear();
      for (auto [begin, end] : ranges) {
        for (std::uint32_t q = begin; q < end; ++q) {
          if (q != pos) d2.push_back(squaredDistance(pts[pos], pts[q]));
        }
      }
      if (d2.size() >= k) {
        std::nth_element(d2.begin(), d2.begin() + static_cast<std::ptrdiff_t>(k - 1), d2.end());
        const double kth = d2[k - 1];
        if (coversAll || kth <= safe * safe) {
          out[grid.items()[pos]] = std::sqrt(kth);
          continue;
        }
      }
      pending[kept++] = pos;
    }
    pending.resize(kept);
  }
}

double quantileOfSorted(const std::vector<double>& sorted, double fraction) {
  const double rank = fraction * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(rank));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  return sorted[below] + (rank - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

}  // namespace

std::vector<double> kDistances(std::span<const core::XY> points, int minPoints, core::Progress* progress) {
  if (minPoints < 1) {
    throw core::ParameterError("k-distance minPoints must be at least 1 (it counts the point itself), got " +
                               std::to_string(minPoints));
  }
  checkPoints(points, "the k-distance report");
  if (points.size() < static_cast<std::size_t>(minPoints)) {
    throw core::ParameterError("the k-distance report for minPoints " + std::to_string(minPoints) +
                               " needs at least that many points, got " + std::to_string(points.size()));
  }
  std::vector<double> out(points.size(), 0.0);
  const auto k = static_cast<std::size_t>(minPoints - 1);
  if (k == 0) return out;
  const core::GridIndex grid = core::GridIndex::ofPoints(points, estimateCellSize(points, k));
  core::ParallelProgress done(progress, grid.cellCount(), "k-distances");
  forEachCellParallel(
      grid.cellCount(), kernelThreadCount(points.size()),
      [&](std::uint32_t cell) { kDistancesOfCell(grid, cell, k, out); }, &done);
  return out;
}

KDistanceReport kDistanceReport(std::span<const core::XY> points, int minPoints, core::Progress* progress) {
  KDistanceReport report;
  report.minPoints = minPoints;
  report.sortedDistancesMeters = kDistances(points, minPoints, progress);
  std::sort(report.sortedDistancesMeters.begin(), report.sortedDistancesMeters.end());
  if (report.sortedDistancesMeters.empty()) return report;
  for (double fraction : kQuantileFractions) {
    report.quantiles.push_back({fraction, quantileOfSorted(report.sortedDistancesMeters, fraction)});
  }
  report.kneeEpsMeters = kneeOfSortedCurve(report.sortedDistancesMeters);
  return report;
}

std::optional<double> kneeOfSortedCurve(std::span<const double> ascending) {
  const std::size_t n = ascending.size();
  if (n < 3) return std::nullopt;
  const double low = ascending.front();
  const double span = ascending.back() - low;
  if (!(span > 0.0)) return std::nullopt;
  // Distance below the chord y = x of the scaled curve is proportional to x − y.
  double bestGap = 0.0;
  std::optional<double> knee;
  for (std::size_t i = 1; i + 1 < n; ++i) {
    const double x = static_cast<double>(i) / static_cast<double>(n - 1);
    const double y = (ascending[i] - low) / span;
    if (x - y > bestGap) {
      bestGap = x - y;
      knee = ascending[i];
    }
  }
  return knee;
}

}  // namespace circatlas::analysis::cluster
