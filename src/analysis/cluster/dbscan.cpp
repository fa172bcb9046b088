// DBSCAN on a grid of eps/√2 cells: core points per cell, core cells joined by union-find, then borders.
#include "analysis/cluster/dbscan.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

#include "analysis/cluster/parallel_cells.h"
#include "analysis/cluster/point_checks.h"
#include "core/error.h"
#include "core/grid_index.h"
#include "core/parallel_progress.h"
#include "core/union_find.h"

namespace circatlas::analysis::cluster {

namespace {

constexpr std::int32_t kNoCluster = -1;
// Cells of side eps/√2 are covered by the 5 × 5 block around a point's cell: a neighbour is at most
// eps = √2 cells away along each axis.
constexpr std::int64_t kBlockRadius = 2;

double squaredDistance(core::XY a, core::XY b) noexcept {
  const double dx = a.x - b.x;
  const double dy = a.y - b.y;
  return dx * dx + dy * dy;
}

void validate(std::span<const core::XY> points, const DbscanParams& params) {
  if (!std::isfinite(params.epsMeters) || params.epsMeters <= 0.0) {
    throw core::ParameterError("DBSCAN eps must be a finite distance > 0 m, got " + std::to_string(params.epsMeters));
  }
  if (params.minPoints < 1) {
    throw core::ParameterError("DBSCAN minPoints must be at least 1 (it counts the point itself), got " +
                               std::to_string(params.minPoints));
  }
  checkPoints(points, "DBSCAN");
}

// Side of the grid cells: eps/√2, shrunk by more than the rounding error of binning, so that two points
// in one cell are always within eps of each other even in floating point.
double cellSizeFor(std::span<const core::XY> points, double eps) {
  const double ideal = eps / std::sqrt(2.0);
  double maxAbs = 0.0;
  for (const core::XY& p : points) maxAbs = std::max({maxAbs, std::abs(p.x), std::abs(p.y)});
  // Binning computes (x - minX) / size: an absolute error of a few ulp of the largest coordinate, and a
  // relative one of an ulp of the cell number (at most 2 maxAbs / size).
  const double shrink = 1e-9 + 16.0 * std::numeric_limits<double>::epsilon() * (3.0 * maxAbs / ideal);
  if (shrink > 1e-3) {
    throw core::ParameterError("DBSCAN eps of " + std::to_string(eps) + " m is too small for coordinates as large as " +
                               std::to_string(maxAbs) + " m");
  }
  return ideal * (1.0 - shrink);
}

// Per sorted position: 1 if the point is a core point.
using CoreFlags = std::vector<std::uint8_t>;

// True if at least `needed` points, the point itself included, lie within eps of sorted position `pos`
// of `cell`; stops counting as soon as they do.
bool hasEnoughNeighbours(const core::GridIndex& grid, std::uint32_t cell, std::uint32_t pos, double eps2,
                         std::uint32_t needed) {
  const std::span<const core::XY> pts = grid.sortedPoints();
  std::uint32_t count = grid.cellItemCount(cell);  // all of its own cell is within eps
  const std::int64_t row = grid.rowOf(cell);
  const std::int64_t col = grid.columnOf(cell);
  for (std::int64_t r = row - kBlockRadius; r <= row + kBlockRadius; ++r) {
    const core::GridIndex::CellRange range = grid.rowRange(r, col - kBlockRadius, col + kBlockRadius);
    for (std::uint32_t other = range.first; other < range.last; ++other) {
      if (other == cell) continue;
      for (std::uint32_t q = grid.cellBegin(other); q < grid.cellEnd(other); ++q) {
        if (squaredDistance(pts[pos], pts[q]) <= eps2 && ++count >= needed) return true;
      }
    }
  }
  return count >= needed;
}

CoreFlags markCorePoints(const core::GridIndex& grid, double eps2, std::uint32_t minPoints, unsigned threads,
                         core::Progress* progress) {
  CoreFlags core(grid.sortedPoints().size(), 0);
  core::ParallelProgress done(progress, grid.cellCount(), "DBSCAN: core points");
  forEachCellParallel(
      grid.cellCount(), threads,
      [&](std::uint32_t cell) {
        const std::uint32_t begin = grid.cellBegin(cell);
        const std::uint32_t end = grid.cellEnd(cell);
        if (end - begin >= minPoints) {  // every point has its whole cell within eps
          std::fill(core.begin() + begin, core.begin() + end, std::uint8_t{1});
          return;
        }
        std::uint64_t inBlock = 0;
        grid.forEachCellInBlock(cell, kBlockRadius, [&](std::uint32_t c) { inBlock += grid.cellItemCount(c); });
        if (inBlock < minPoints) return;  // sparse: no point here can be core
        for (std::uint32_t pos = begin; pos < end; ++pos) {
          core[pos] = hasEnoughNeighbours(grid, cell, pos, eps2, minPoints) ? 1 : 0;
        }
      },
      &done);
  return core;
}

std::vector<std::uint32_t> coreCountPerCell(const core::GridIndex& grid, const CoreFlags& core) {
  std::vector<std::uint32_t> counts(grid.cellCount(), 0);
  for (std::uint32_t cell = 0; cell < grid.cellCount(); ++cell) {
    for (std::uint32_t pos = grid.cellBegin(cell); pos < grid.cellEnd(cell); ++pos) counts[cell] += core[pos];
  }
  return counts;
}

bool coreWithinEps(const core::GridIndex& grid, const CoreFlags& core, std::uint32_t cell, core::XY p, double eps2) {
  const std::span<const core::XY> pts = grid.sortedPoints();
  for (std::uint32_t q = grid.cellBegin(cell); q < grid.cellEnd(cell); ++q) {
    if (core[q] && squaredDistance(p, pts[q]) <= eps2) return true;
  }
  return false;
}

bool corePairWithinEps(const core::GridIndex& grid, const CoreFlags& core, std::uint32_t a, std::uint32_t b,
                       double eps2) {
  const std::span<const core::XY> pts = grid.sortedPoints();
  for (std::uint32_t p = grid.cellBegin(a); p < grid.cellEnd(a); ++p) {
    if (core[p] && coreWithinEps(grid, core, b, pts[p], eps2)) return true;
  }
  return false;
}

// Joins cells whose core points are chained within eps. Core points of one cell are always linked.
core::UnionFind linkCoreCells(const core::GridIndex& grid, const CoreFlags& core,
                              const std::vector<std::uint32_t>& coreCount, double eps2, core::Progress* progress) {
  constexpr std::uint32_t kBatch = 1024;
  core::UnionFind sets(grid.cellCount());
  core::ParallelProgress done(progress, grid.cellCount(), "DBSCAN: linking core cells");
  for (std::uint32_t a = 0; a < grid.cellCount(); ++a) {
    if (a % kBatch == kBatch - 1) done.done(kBatch);
    if (coreCount[a] == 0) continue;
    grid.forEachCellInBlock(a, kBlockRadius, [&](std::uint32_t b) {
      if (b <= a || coreCount[b] == 0 || sets.find(a) == sets.find(b)) return;
      if (corePairWithinEps(grid, core, a, b, eps2)) sets.unite(a, b);
    });
  }
  return sets;
}

// Cluster id per cell holding core points (kNoCluster elsewhere), numbered by lowest core input index.
struct ClusterNumbering {
  std::vector<std::int32_t> clusterOfCell;
  std::size_t clusterCount = 0;
};

ClusterNumbering numberClusters(const core::GridIndex& grid, const CoreFlags& core,
                                const std::vector<std::uint32_t>& coreCount, core::UnionFind& sets) {
  constexpr auto kNone = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> firstCoreOfRoot(grid.cellCount(), kNone);
  for (std::uint32_t cell = 0; cell < grid.cellCount(); ++cell) {
    if (coreCount[cell] == 0) continue;
    std::uint32_t& first = firstCoreOfRoot[sets.find(cell)];
    for (std::uint32_t pos = grid.cellBegin(cell); pos < grid.cellEnd(cell); ++pos) {
      if (core[pos]) first = std::min(first, grid.items()[pos]);
    }
  }
  std::vector<std::pair<std::uint32_t, std::uint32_t>> roots;  // (lowest core index, root cell)
  for (std::uint32_t cell = 0; cell < grid.cellCount(); ++cell) {
    if (firstCoreOfRoot[cell] != kNone) roots.emplace_back(firstCoreOfRoot[cell], cell);
  }
  std::sort(roots.begin(), roots.end());
  std::vector<std::int32_t> idOfRoot(grid.cellCount(), kNoCluster);
  for (std::size_t id = 0; id < roots.size(); ++id) idOfRoot[roots[id].second] = static_cast<std::int32_t>(id);
  std::vector<std::int32_t> clusterOfCell(grid.cellCount(), kNoCluster);
  for (std::uint32_t cell = 0; cell < grid.cellCount(); ++cell) {
    if (coreCount[cell] != 0) clusterOfCell[cell] = idOfRoot[sets.find(cell)];
  }
  return {std::move(clusterOfCell), roots.size()};
}

// The lowest-numbered cluster with a core point within eps of the (non-core) point, or kNoCluster.
std::int32_t reachingCluster(const core::GridIndex& grid, const CoreFlags& core,
                             const std::vector<std::int32_t>& clusterOfCell, std::uint32_t cell, std::uint32_t pos,
                             double eps2) {
  std::int32_t best = clusterOfCell[cell];  // core points of its own cell are within eps
  const core::XY p = grid.sortedPoints()[pos];
  grid.forEachCellInBlock(cell, kBlockRadius, [&](std::uint32_t other) {
    const std::int32_t id = clusterOfCell[other];
    if (id == kNoCluster || (best != kNoCluster && id >= best)) return;
    if (coreWithinEps(grid, core, other, p, eps2)) best = id;
  });
  return best;
}

}  // namespace

// Fills a DbscanResult's private fields; the only code that sees the internal noise marker.
class DbscanBuilder {
 public:
  static DbscanResult run(std::span<const core::XY> points, const DbscanParams& params, core::Progress* progress) {
    validate(points, params);
    DbscanResult result;
    result.cluster_.assign(points.size(), kNoCluster);
    result.roles_.assign(points.size(), PointRole::Noise);
    if (points.empty()) return result;

    const double eps2 = params.epsMeters * params.epsMeters;
    const unsigned threads = kernelThreadCount(points.size());
    const core::GridIndex grid = core::GridIndex::ofPoints(points, cellSizeFor(points, params.epsMeters));
    core::ProgressSpan corePass(progress, 0.0, 0.5);
    core::ProgressSpan linkPass(progress, 0.5, 0.7);
    core::ProgressSpan borderPass(progress, 0.7, 1.0);
    const CoreFlags core = markCorePoints(grid, eps2, static_cast<std::uint32_t>(params.minPoints), threads,
                                          progress ? &corePass : nullptr);
    const std::vector<std::uint32_t> coreCount = coreCountPerCell(grid, core);
    core::UnionFind sets = linkCoreCells(grid, core, coreCount, eps2, progress ? &linkPass : nullptr);
    const ClusterNumbering numbering = numberClusters(grid, core, coreCount, sets);
    const std::vector<std::int32_t>& clusterOfCell = numbering.clusterOfCell;
    result.clusterCount_ = numbering.clusterCount;

    // Each cell writes only the entries of its own points.
    core::ParallelProgress bordersDone(progress ? &borderPass : nullptr, grid.cellCount(), "DBSCAN: border points");
    forEachCellParallel(
        grid.cellCount(), threads,
        [&](std::uint32_t cell) {
          for (std::uint32_t pos = grid.cellBegin(cell); pos < grid.cellEnd(cell); ++pos) {
            const std::uint32_t index = grid.items()[pos];
            if (core[pos]) {
              result.cluster_[index] = clusterOfCell[cell];
              result.roles_[index] = PointRole::Core;
            } else if (!params.borderPointsAsNoise) {
              const std::int32_t id = reachingCluster(grid, core, clusterOfCell, cell, pos, eps2);
              if (id != kNoCluster) {
                result.cluster_[index] = id;
                result.roles_[index] = PointRole::Border;
              }
            }
          }
        },
        &bordersDone);
    checkLabels(result, params);
    return result;
  }

 private:
  // Debug builds: every point is noise exactly when it has no cluster, ids are below the count, and
  // border points appear only in classic DBSCAN.
  static void checkLabels([[maybe_unused]] const DbscanResult& result, [[maybe_unused]] const DbscanParams& params) {
#ifndef NDEBUG
    for (std::size_t i = 0; i < result.cluster_.size(); ++i) {
      const std::int32_t id = result.cluster_[i];
      assert((id == kNoCluster) == (result.roles_[i] == PointRole::Noise));
      assert(id == kNoCluster || static_cast<std::size_t>(id) < result.clusterCount_);
      assert(!params.borderPointsAsNoise || result.roles_[i] != PointRole::Border);
    }
#endif
  }
};

DbscanResult dbscan(std::span<const core::XY> points, const DbscanParams& params, core::Progress* progress) {
  return DbscanBuilder::run(points, params, progress);
}

std::optional<ClusterId> DbscanResult::clusterOf(std::size_t point) const {
  const std::int32_t id = cluster_.at(point);
  if (id == kNoCluster) return std::nullopt;
  return ClusterId(id);
}

std::vector<std::size_t> DbscanResult::clusterSizes() const {
  std::vector<std::size_t> sizes(clusterCount_, 0);
  for (std::int32_t id : cluster_) {
    if (id != kNoCluster) ++sizes[static_cast<std::size_t>(id)];
  }
  return sizes;
}

std::size_t DbscanResult::countOf(PointRole role) const noexcept {
  return static_cast<std::size_t>(std::count(roles_.begin(), roles_.end(), role));
}

}  // namespace circatlas::analysis::cluster
