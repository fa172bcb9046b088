// Bins points or boxes into a row-major grid of square cells, sorted by counting sort or by key.
#include "core/grid_index.h"

#include <cmath>
#include <limits>
#include <string>
#include <utility>

#include "core/error.h"

namespace circatlas::core {

namespace {

// Keys must fit row * cols + col in 64 bits, and cell positions in 32-bit offsets.
constexpr double kMaxCellsPerAxis = 2147483647.0;  // 2^31 - 1

void checkCellSize(double cellSize) {
  if (!std::isfinite(cellSize) || !(cellSize > 0.0)) {
    throw ParameterError("a grid's cell size must be a finite number > 0, got " + std::to_string(cellSize));
  }
}

[[noreturn]] void throwNotFinite(const char* what, std::size_t index) {
  throw ParameterError(std::string("cannot index ") + what + " " + std::to_string(index) +
                       " in a grid: its coordinates are not finite");
}

// Sorts entry indices by cell key, keeping input order within a cell. Counting sort when the grid is
// small next to the number of entries (the usual case for DBSCAN), a comparison sort otherwise.
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

GridIndex::GridIndex(double cellSize, Extent bounds) : cellSize_(cellSize) {
  if (bounds.isEmpty()) return;
  originX_ = bounds.minX;
  originY_ = bounds.minY;
  const double colSpan = std::floor((bounds.maxX - bounds.minX) / cellSize_) + 1.0;
  const double rowSpan = std::floor((bounds.maxY - bounds.minY) / cellSize_) + 1.0;
  if (!(colSpan <= kMaxCellsPerAxis && rowSpan <= kMaxCellsPerAxis)) {
    throw ParameterError("a cell size of " + std::to_string(cellSize_) + " is too small for items spread over " +
                         std::to_string(bounds.maxX - bounds.minX) + " by " +
                         std::to_string(bounds.maxY - bounds.minY) + " (more than 2^31 cells a side)");
  }
  cols_ = static_cast<std::int64_t>(colSpan);
  rows_ = static_cast<std::int64_t>(rowSpan);
}

// Cell numbers far outside the grid saturate (a query may be anywhere), well inside the int64 range.
std::int64_t GridIndex::cellNumber(double offset) const noexcept {
  constexpr double kLimit = 4611686018427387904.0;  // 2^62
  const double n = std::floor(offset / cellSize_);
  if (n >= -kLimit && n <= kLimit) return static_cast<std::int64_t>(n);
  return n > 0 ? static_cast<std::int64_t>(kLimit) : -static_cast<std::int64_t>(kLimit);
}

std::int64_t GridIndex::columnAt(double x) const noexcept { return cellNumber(x - originX_); }

std::int64_t GridIndex::rowAt(double y) const noexcept { return cellNumber(y - originY_); }

GridIndex GridIndex::ofPoints(std::span<const XY> points, double cellSize) {
  checkCellSize(cellSize);
  Extent bounds;
  for (std::size_t i = 0; i < points.size(); ++i) {
    const XY p = points[i];
    if (!std::isfinite(p.x) || !std::isfinite(p.y)) throwNotFinite("point", i);
    bounds.minX = std::min(bounds.minX, p.x);
    bounds.minY = std::min(bounds.minY, p.y);
    bounds.maxX = std::max(bounds.maxX, p.x);
    bounds.maxY = std::max(bounds.maxY, p.y);
  }
  GridIndex grid(cellSize, bounds);
  if (points.empty()) return grid;
  std::vector<std::uint64_t> keys(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    keys[i] = grid.keyOf(grid.binnedRow(points[i].y), grid.binnedColumn(points[i].x));
  }
  grid.fill(keys, {});
  grid.sorted_.resize(points.size());
  for (std::size_t pos = 0; pos < points.size(); ++pos) grid.sorted_[pos] = points[grid.items_[pos]];
  return grid;
}

GridIndex GridIndex::ofBoxes(std::span<const Extent> boxes, double cellSize) {
  checkCellSize(cellSize);
  Extent bounds;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const Extent& b = boxes[i];
    if (!std::isfinite(b.minX) || !std::isfinite(b.minY) || !std::isfinite(b.maxX) || !std::isfinite(b.maxY)) {
      throwNotFinite("box", i);
    }
    if (b.isEmpty()) throw ParameterError("cannot index box " + std::to_string(i) + " in a grid: it is empty");
    bounds.expand(b);
  }
  GridIndex grid(cellSize, bounds);
  if (boxes.empty()) return grid;
  std::vector<std::uint64_t> keys;
  std::vector<std::uint32_t> entryItem;
  for (std::size_t i = 0; i < boxes.size(); ++i) {
    const Extent& b = boxes[i];
    const std::int64_t colHi = grid.binnedColumn(b.maxX);
    const std::int64_t rowHi = grid.binnedRow(b.maxY);
    for (std::int64_t r = grid.binnedRow(b.minY); r <= rowHi; ++r) {
      for (std::int64_t c = grid.binnedColumn(b.minX); c <= colHi; ++c) {
        keys.push_back(grid.keyOf(r, c));
        entryItem.push_back(static_cast<std::uint32_t>(i));
      }
    }
    if (keys.size() > std::numeric_limits<std::uint32_t>::max() - 1) {
      throw ParameterError("a cell size of " + std::to_string(cellSize) +
                           " is too small for these boxes: more than 2^32 box-cell entries");
    }
  }
  grid.fill(keys, entryItem);
  return grid;
}

void GridIndex::fill(const std::vector<std::uint64_t>& keys, const std::vector<std::uint32_t>& entryItem) {
  // The entry order becomes items_ in place: each position is read before it is rewritten.
  items_ = orderByKey(keys, static_cast<std::uint64_t>(rows_) * static_cast<std::uint64_t>(cols_));
  for (std::size_t pos = 0; pos < items_.size(); ++pos) {
    const std::uint32_t entry = items_[pos];
    if (!entryItem.empty()) items_[pos] = entryItem[entry];
    if (pos == 0 || keys[entry] != cellKey_.back()) {
      if (pos != 0) cellStart_.push_back(static_cast<std::uint32_t>(pos));
      cellKey_.push_back(keys[entry]);
    }
  }
  cellStart_.push_back(static_cast<std::uint32_t>(items_.size()));
}

GridIndex::CellRange GridIndex::rowRange(std::int64_t row, std::int64_t colLo, std::int64_t colHi) const {
  colLo = std::max<std::int64_t>(colLo, 0);
  colHi = std::min<std::int64_t>(colHi, cols_ - 1);
  if (row < 0 || row >= rows_ || colLo > colHi) return {};
  const std::uint64_t base = keyOf(row, 0);
  const auto first = std::lower_bound(cellKey_.begin(), cellKey_.end(), base + static_cast<std::uint64_t>(colLo));
  const auto last = std::upper_bound(first, cellKey_.end(), base + static_cast<std::uint64_t>(colHi));
  return {static_cast<std::uint32_t>(first - cellKey_.begin()), static_cast<std::uint32_t>(last - cellKey_.begin())};
}

double GridIndex::nearestSquared(XY at, std::uint32_t cell) const noexcept {
  // The slack covers the rounding of (x − origin) / size in binning: a few ulp of the coordinates and
  // of the cell number.
  const double slack = cellSize_ * 1e-9 + 8.0 * std::numeric_limits<double>::epsilon() *
                                              (std::abs(at.x) + std::abs(at.y) + std::abs(originX_) +
                                               std::abs(originY_) + cellSize_ * static_cast<double>(cols_ + rows_));
  const double x0 = originX_ + static_cast<double>(columnOf(cell)) * cellSize_ - slack;
  const double y0 = originY_ + static_cast<double>(rowOf(cell)) * cellSize_ - slack;
  const double nx = std::max({x0 - at.x, at.x - (x0 + cellSize_ + 2 * slack), 0.0});
  const double ny = std::max({y0 - at.y, at.y - (y0 + cellSize_ + 2 * slack), 0.0});
  return nx * nx + ny * ny;
}

}  // namespace circatlas::core
