// Bins metric points into a row-major grid of square cells, sorted by counting sort or by key.
#include "analysis/cluster/cell_grid.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "core/error.h"

namespace circatlas::analysis::cluster {

namespace {

// Keys must fit row * cols + col in 64 bits, and cell positions in 32-bit offsets.
constexpr double kMaxCellsPerAxis = 2147483647.0;  // 2^31 - 1

std::int64_t cellCoordinate(double value, double origin, double cellSize) {
  return static_cast<std::int64_t>(std::floor((value - origin) / cellSize));
}

// Sorts point indices by cell key, keeping input order within a cell. Counting sort when the grid
// is small next to the number of points (the usual case for DBSCAN), a comparison sort otherwise.
std::vector<std::uint32_t> orderByKey(const std::vector<std::uint64_t>& keys, std::uint64_t keyCount) {
  const std::size_t n = keys.size();
  std::vector<std::uint32_t> order(n);
  if (keyCount <= 4 * static_cast<std::uint64_t>(n) + 1024) {
    std::vector<std::uint32_t> start(static_cast<std::size_t>(keyCount) + 1, 0);
    for (std::uint64_t key : keys) ++start[key + 1];
    for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
    for (std::size_t i = 0; i < n; ++i) order[start[keys[i]]++] = static_cast<std::uint32_t>(i);
    return order;
  }
  std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(n);
  for (std::size_t i = 0; i < n; ++i) keyed[i] = {keys[i], static_cast<std::uint32_t>(i)};
  std::sort(keyed.begin(), keyed.end());
  for (std::size_t i = 0; i < n; ++i) order[i] = keyed[i].second;
  return order;
}

}  // namespace

CellGrid::CellGrid(std::span<const core::XY> points, double cellSizeMeters) : cellSize_(cellSizeMeters) {
  cellStart_.push_back(0);
  if (points.empty()) return;
  double maxX = points[0].x;
  double maxY = points[0].y;
  minX_ = maxX;
  minY_ = maxY;
  for (const core::XY& p : points) {
    minX_ = std::min(minX_, p.x);
    minY_ = std::min(minY_, p.y);
    maxX = std::max(maxX, p.x);
    maxY = std::max(maxY, p.y);
  }
  const double colSpan = std::floor((maxX - minX_) / cellSize_) + 1.0;
  const double rowSpan = std::floor((maxY - minY_) / cellSize_) + 1.0;
  if (!(colSpan <= kMaxCellsPerAxis && rowSpan <= kMaxCellsPerAxis)) {
    throw core::ParameterError("a cell size of " + std::to_string(cellSize_) +
                               " m is too small for points spread over " + std::to_string(maxX - minX_) + " m by " +
                               std::to_string(maxY - minY_) + " m (more than 2^31 cells a side)");
  }
  cols_ = static_cast<std::int64_t>(colSpan);
  rows_ = static_cast<std::int64_t>(rowSpan);

  std::vector<std::uint64_t> keys(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    // Clamped because rounding may put the far edge one cell beyond the span computed above.
    const std::int64_t col = std::clamp<std::int64_t>(cellCoordinate(points[i].x, minX_, cellSize_), 0, cols_ - 1);
    const std::int64_t row = std::clamp<std::int64_t>(cellCoordinate(points[i].y, minY_, cellSize_), 0, rows_ - 1);
    keys[i] = static_cast<std::uint64_t>(row) * static_cast<std::uint64_t>(cols_) + static_cast<std::uint64_t>(col);
  }
  inputIndex_ = orderByKey(keys, static_cast<std::uint64_t>(rows_) * static_cast<std::uint64_t>(cols_));

  sorted_.resize(points.size());
  for (std::size_t pos = 0; pos < points.size(); ++pos) {
    const std::uint32_t index = inputIndex_[pos];
    sorted_[pos] = points[index];
    if (pos == 0 || keys[index] != cellKey_.back()) {
      if (pos != 0) cellStart_.push_back(static_cast<std::uint32_t>(pos));
      cellKey_.push_back(keys[index]);
    }
  }
  cellStart_.push_back(static_cast<std::uint32_t>(points.size()));
}

CellGrid::CellRange CellGrid::rowRange(std::int64_t row, std::int64_t colLo, std::int64_t colHi) const {
  colLo = std::max<std::int64_t>(colLo, 0);
  colHi = std::min<std::int64_t>(colHi, cols_ - 1);
  if (row < 0 || row >= rows_ || colLo > colHi) return {};
  const auto base = static_cast<std::uint64_t>(row) * static_cast<std::uint64_t>(cols_);
  const auto first = std::lower_bound(cellKey_.begin(), cellKey_.end(), base + static_cast<std::uint64_t>(colLo));
  const auto last = std::upper_bound(first, cellKey_.end(), base + static_cast<std::uint64_t>(colHi));
  return {static_cast<std::uint32_t>(first - cellKey_.begin()), static_cast<std::uint32_t>(last - cellKey_.begin())};
}

}  // namespace circatlas::analysis::cluster
