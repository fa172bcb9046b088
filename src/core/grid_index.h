// A uniform grid of square cells over points or boxes, stored cell by cell: the one grid index of the code base.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/extent.h"
#include "core/points.h"

namespace circatlas::core {

/// Items (points, or boxes) binned into square cells of one size, laid out in CSR form: the non-empty
/// cells in row-major order, each a contiguous run of item indices (input order within a cell), so the
/// cells of one grid row between two columns are one contiguous range. A point lies in one cell; a box
/// in every cell it touches. Memory is linear in the number of (item, cell) entries: only non-empty
/// cells are stored. The grid's origin is the lower-left corner of the items' bounding box; coordinates
/// outside the grid are clamped into its edge cells. Immutable once built; const members are safe to
/// call from several threads. Indices are 32-bit (fewer than 2^32 entries).
class GridIndex {
 public:
  /// A contiguous range of non-empty cells, [first, last).
  struct CellRange {
    std::uint32_t first = 0;
    std::uint32_t last = 0;
  };

  /// An index of nothing (no cells), to be assigned one built by ofPoints or ofBoxes.
  GridIndex() = default;

  /// Bins the points into cells of side cellSize; the index also keeps the points in cell order
  /// (sortedPoints()) for scans through contiguous memory.
  /// Throws ParameterError if cellSize is not a finite number > 0, if a coordinate is not finite, or
  /// if the points span more than 2^31 − 1 cells along an axis.
  static GridIndex ofPoints(std::span<const XY> points, double cellSize);

  /// Bins the boxes (min ≤ max on both axes) into every cell each touches.
  /// Throws ParameterError as ofPoints does, and for an empty or non-finite box.
  static GridIndex ofBoxes(std::span<const Extent> boxes, double cellSize);

  [[nodiscard]] double cellSize() const noexcept { return cellSize_; }
  [[nodiscard]] double originX() const noexcept { return originX_; }
  [[nodiscard]] double originY() const noexcept { return originY_; }
  /// Number of non-empty cells (0 for no items).
  [[nodiscard]] std::size_t cellCount() const noexcept { return cellKey_.size(); }
  /// Extent of the grid in cells (1 × 1 for no items).
  [[nodiscard]] std::int64_t rowCount() const noexcept { return rows_; }
  [[nodiscard]] std::int64_t columnCount() const noexcept { return cols_; }

  /// The column and row of a coordinate, not clamped to the grid: negative left of or below it, at
  /// least columnCount() / rowCount() beyond it (saturating at ±2^62; NaN gives the lower end).
  [[nodiscard]] std::int64_t columnAt(double x) const noexcept;
  [[nodiscard]] std::int64_t rowAt(double y) const noexcept;

  /// The item index at each position, in cell order (for points, a permutation of the input).
  [[nodiscard]] std::span<const std::uint32_t> items() const noexcept { return items_; }
  /// The points in cell order (ofPoints only; empty for boxes): sortedPoints()[pos] is input point items()[pos].
  [[nodiscard]] std::span<const XY> sortedPoints() const noexcept { return sorted_; }

  /// Positions [begin, end) of the cell's entries in items() (and sortedPoints()).
  [[nodiscard]] std::uint32_t cellBegin(std::uint32_t cell) const noexcept { return cellStart_[cell]; }
  [[nodiscard]] std::uint32_t cellEnd(std::uint32_t cell) const noexcept { return cellStart_[cell + 1]; }
  [[nodiscard]] std::uint32_t cellItemCount(std::uint32_t cell) const noexcept {
    return cellEnd(cell) - cellBegin(cell);
  }
  [[nodiscard]] std::span<const std::uint32_t> cellItems(std::uint32_t cell) const noexcept {
    return std::span<const std::uint32_t>(items_).subspan(cellBegin(cell), cellItemCount(cell));
  }
  [[nodiscard]] std::int64_t rowOf(std::uint32_t cell) const noexcept {
    return static_cast<std::int64_t>(cellKey_[cell] / static_cast<std::uint64_t>(cols_));
  }
  [[nodiscard]] std::int64_t columnOf(std::uint32_t cell) const noexcept {
    return static_cast<std::int64_t>(cellKey_[cell] % static_cast<std::uint64_t>(cols_));
  }

  /// The non-empty cells of one row with columns in [colLo, colHi] (clamped to the grid; empty if the
  /// row lies outside it).
  [[nodiscard]] CellRange rowRange(std::int64_t row, std::int64_t colLo, std::int64_t colHi) const;

  /// Calls visit(cell) for every non-empty cell whose row and column are within `radius` of the given
  /// cell's (a (2 radius + 1)² block), including the cell itself, in cell order.
  template <typename Visit>
  void forEachCellInBlock(std::uint32_t cell, std::int64_t radius, Visit&& visit) const {
    forEachCellInBlock(rowOf(cell), columnOf(cell), radius, visit);
  }
  /// The same around any row and column (which may lie outside the grid).
  template <typename Visit>
  void forEachCellInBlock(std::int64_t row, std::int64_t col, std::int64_t radius, Visit&& visit) const {
    const std::int64_t rowHi = std::min(row + radius, rows_ - 1);
    for (std::int64_t r = std::max<std::int64_t>(row - radius, 0); r <= rowHi; ++r) {
      const CellRange range = rowRange(r, col - radius, col + radius);
      for (std::uint32_t c = range.first; c < range.last; ++c) visit(c);
    }
  }

  /// Calls visit(cell, squaredDistance) for every non-empty cell that has a point within `radius` of
  /// `at`, in cell order; squaredDistance is a lower bound (to within rounding, never above) of the
  /// squared distance from `at` to anything in the cell.
  template <typename Visit>
  void forEachCellWithin(XY at, double radius, Visit&& visit) const {
    const std::int64_t colLo = columnAt(at.x - radius);
    const std::int64_t colHi = columnAt(at.x + radius);
    const std::int64_t rowHi = std::min(rowAt(at.y + radius), rows_ - 1);
    for (std::int64_t r = std::max<std::int64_t>(rowAt(at.y - radius), 0); r <= rowHi; ++r) {
      const CellRange range = rowRange(r, colLo, colHi);
      for (std::uint32_t c = range.first; c < range.last; ++c) {
        const double d2 = nearestSquared(at, c);
        if (d2 <= radius * radius) visit(c, d2);
      }
    }
  }

  /// Searches outward ring by ring from the cell of `at` (clamped into the grid): ring 0 is that cell,
  /// ring r the cells r rows or columns away. Before each ring r ≥ 1 it asks stop(bound), bound being
  /// (r − 1) · cellSize(), a distance from `at` that no entry of ring r or beyond is nearer than, and
  /// ends when stop answers true or every cell has been visited. visit(cell) is called for each
  /// non-empty cell of a ring. An item of several cells may be visited more than once.
  template <typename Stop, typename Visit>
  void searchRings(XY at, Stop&& stop, Visit&& visit) const {
    if (cellKey_.empty()) return;
    const std::int64_t qc = std::clamp<std::int64_t>(columnAt(at.x), 0, cols_ - 1);
    const std::int64_t qr = std::clamp<std::int64_t>(rowAt(at.y), 0, rows_ - 1);
    const std::int64_t lastRing = std::max({qc, cols_ - 1 - qc, qr, rows_ - 1 - qr});
    for (std::int64_t ring = 0; ring <= lastRing; ++ring) {
      if (ring > 0 && stop(static_cast<double>(ring - 1) * cellSize_)) return;
      for (std::int64_t r = qr - ring; r <= qr + ring; ++r) {
        const bool edgeRow = r == qr - ring || r == qr + ring;
        const CellRange first = rowRange(r, qc - ring, edgeRow ? qc + ring : qc - ring);
        for (std::uint32_t c = first.first; c < first.last; ++c) visit(c);
        if (edgeRow || ring == 0) continue;
        const CellRange second = rowRange(r, qc + ring, qc + ring);
        for (std::uint32_t c = second.first; c < second.last; ++c) visit(c);
      }
    }
  }

 private:
  GridIndex(double cellSize, Extent bounds);
  [[nodiscard]] std::int64_t cellNumber(double offset) const noexcept;
  // Squared distance from `at` to the cell's square, shrunk by a hair so that rounding never makes it
  // exceed the distance to a point binned into the cell.
  [[nodiscard]] double nearestSquared(XY at, std::uint32_t cell) const noexcept;
  [[nodiscard]] std::uint64_t keyOf(std::int64_t row, std::int64_t col) const noexcept {
    return static_cast<std::uint64_t>(row) * static_cast<std::uint64_t>(cols_) + static_cast<std::uint64_t>(col);
  }
  // The cell of a coordinate within the grid's bounds (no saturation needed), clamped because rounding
  // may put the far edge one cell beyond the span.
  [[nodiscard]] std::int64_t binnedColumn(double x) const noexcept {
    return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor((x - originX_) / cellSize_)), 0, cols_ - 1);
  }
  [[nodiscard]] std::int64_t binnedRow(double y) const noexcept {
    return std::clamp<std::int64_t>(static_cast<std::int64_t>(std::floor((y - originY_) / cellSize_)), 0, rows_ - 1);
  }
  // Fills the CSR arrays from one key per entry; entryItem maps entries to items (empty: entry = item).
  void fill(const std::vector<std::uint64_t>& keys, const std::vector<std::uint32_t>& entryItem);

  double cellSize_ = 1.0;
  double originX_ = 0.0;
  double originY_ = 0.0;
  std::int64_t rows_ = 1;
  std::int64_t cols_ = 1;
  std::vector<std::uint64_t> cellKey_;  // row * cols + col of each non-empty cell, ascending
  std::vector<std::uint32_t> cellStart_ = std::vector<std::uint32_t>(1, 0);  // cellCount() + 1 offsets into items_
  std::vector<std::uint32_t> items_;
  std::vector<XY> sorted_;
};

}  // namespace circatlas::core
