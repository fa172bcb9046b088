// A uniform grid of square cells over metric points, shared by DBSCAN and the k-distance report.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/points.h"

namespace circatlas::analysis::cluster {

/// Points binned into square cells and stored cell by cell (row-major cell order; input order within
/// a cell), so that the cells of one grid row between two columns are one contiguous range.
/// Memory is linear in the number of points: cells are kept only where points are.
/// Internal to the cluster kernels; indices are 32-bit (at most 2^31 - 1 points).
class CellGrid {
 public:
  /// A contiguous range of cells, [first, last).
  struct CellRange {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
  };

  /// Bins the points into cells of side cellSizeMeters (> 0; coordinates finite, which callers check).
  /// Throws core::ParameterError if the points span more than 2^31 cells along an axis.
  CellGrid(std::span<const core::XY> points, double cellSizeMeters);

  [[nodiscard]] double cellSize() const noexcept { return cellSize_; }
  [[nodiscard]] std::size_t cellCount() const noexcept { return cellKey_.size(); }
  [[nodiscard]] std::int64_t rowCount() const noexcept { return rows_; }
  [[nodiscard]] std::int64_t columnCount() const noexcept { return cols_; }

  /// The points in cell order, and the input index of each.
  [[nodiscard]] std::span<const core::XY> sortedPoints() const noexcept { return sorted_; }
  [[nodiscard]] std::span<const std::uint32_t> inputIndex() const noexcept { return inputIndex_; }

  /// Positions [begin, end) of the cell's points in sortedPoints().
  [[nodiscard]] std::uint32_t cellBegin(std::uint32_t cell) const noexcept { return cellStart_[cell]; }
  [[nodiscard]] std::uint32_t cellEnd(std::uint32_t cell) const noexcept { return cellStart_[cell + 1]; }
  [[nodiscard]] std::uint32_t cellSizeInPoints(std::uint32_t cell) const noexcept {
    return cellEnd(cell) - cellBegin(cell);
  }
  [[nodiscard]] std::int64_t rowOf(std::uint32_t cell) const noexcept {
    return static_cast<std::int64_t>(cellKey_[cell] / static_cast<std::uint64_t>(cols_));
  }
  [[nodiscard]] std::int64_t columnOf(std::uint32_t cell) const noexcept {
    return static_cast<std::int64_t>(cellKey_[cell] % static_cast<std::uint64_t>(cols_));
  }

  /// The non-empty cells of one row with columns in [colLo, colHi] (clamped to the grid; empty if
  /// the row lies outside it).
  [[nodiscard]] CellRange rowRange(std::int64_t row, std::int64_t colLo, std::int64_t colHi) const;

  /// Calls visit(cell) for every non-empty cell whose row and column are within `radius` of the
  /// given cell's (a (2 radius + 1)² block), including the cell itself.
  template <typename Visit>
  void forEachCellInBlock(std::uint32_t cell, std::int64_t radius, Visit&& visit) const {
    const std::int64_t row = rowOf(cell);
    const std::int64_t col = columnOf(cell);
    for (std::int64_t r = row - radius; r <= row + radius; ++r) {
      const CellRange range = rowRange(r, col - radius, col + radius);
      for (std::uint32_t c = range.first; c < range.last; ++c) visit(c);
    }
  }

 private:
  double cellSize_;
  double minX_ = 0.0;
  double minY_ = 0.0;
  std::int64_t rows_ = 1;
  std::int64_t cols_ = 1;
  std::vector<std::uint64_t> cellKey_;    // row * cols + col, ascending
  std::vector<std::uint32_t> cellStart_;  // cellCount() + 1 offsets into sorted_
  std::vector<core::XY> sorted_;
  std::vector<std::uint32_t> inputIndex_;
};

}  // namespace circatlas::analysis::cluster
