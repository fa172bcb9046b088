// GridIndex: points and boxes binned into square cells, looked up by block, radius and ring.
#include "core/grid_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/error.h"

namespace circatlas::core {
namespace {

// The input indices of the items in the cell at (row, col), or nothing if that cell is empty.
std::vector<std::uint32_t> itemsAt(const GridIndex& grid, std::int64_t row, std::int64_t col) {
  const GridIndex::CellRange range = grid.rowRange(row, col, col);
  if (range.first == range.last) return {};
  const auto items = grid.cellItems(range.first);
  return {items.begin(), items.end()};
}

std::vector<std::uint32_t> sorted(std::vector<std::uint32_t> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(GridIndex, EmptyInputHasNoCellsAndFindsNothing) {
  const GridIndex grid = GridIndex::ofPoints({}, 10.0);
  EXPECT_EQ(grid.cellCount(), 0U);
  EXPECT_TRUE(grid.items().empty());
  EXPECT_EQ(grid.rowRange(0, 0, 0).first, grid.rowRange(0, 0, 0).last);
  int visits = 0;
  grid.forEachCellWithin({0, 0}, 1e9, [&](std::uint32_t, double) { ++visits; });
  grid.searchRings(
      {0, 0}, [](double) { return false; }, [&](std::uint32_t) { ++visits; });
  EXPECT_EQ(visits, 0);
  EXPECT_EQ(GridIndex::ofBoxes({}, 10.0).cellCount(), 0U);
  const GridIndex none;
  EXPECT_EQ(none.cellCount(), 0U);
  none.searchRings(
      {0, 0}, [](double) { return false; }, [&](std::uint32_t) { ++visits; });
  EXPECT_EQ(visits, 0);
}

TEST(GridIndex, PointsWithinOneCellShareItInInputOrder) {
  const std::vector<XY> points{{5, 5}, {1, 9}, {9.5, 0.5}};
  const GridIndex grid = GridIndex::ofPoints(points, 10.0);
  ASSERT_EQ(grid.cellCount(), 1U);
  EXPECT_EQ(grid.rowCount(), 1);
  EXPECT_EQ(grid.columnCount(), 1);
  EXPECT_EQ(grid.cellItems(0).size(), 3U);
  EXPECT_EQ(itemsAt(grid, 0, 0), (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(grid.sortedPoints()[1], points[1]);
}

TEST(GridIndex, PointOnACellBoundaryBelongsToTheCellAboveIt) {
  // Origin is the lower-left point (0, 0); x = 10 and y = 20 are exact cell edges.
  const std::vector<XY> points{{0, 0}, {10, 0}, {9.999, 0}, {0, 20}, {30, 30}};
  const GridIndex grid = GridIndex::ofPoints(points, 10.0);
  EXPECT_EQ(grid.columnCount(), 4);
  EXPECT_EQ(grid.rowCount(), 4);
  EXPECT_EQ(itemsAt(grid, 0, 0), (std::vector<std::uint32_t>{0, 2}));
  EXPECT_EQ(itemsAt(grid, 0, 1), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(itemsAt(grid, 2, 0), (std::vector<std::uint32_t>{3}));
  EXPECT_EQ(itemsAt(grid, 3, 3), (std::vector<std::uint32_t>{4}));
  EXPECT_EQ(grid.columnAt(10.0), 1);
  EXPECT_EQ(grid.columnAt(9.999), 0);
}

TEST(GridIndex, NegativeCoordinatesBinFromTheLowerLeftPoint) {
  const std::vector<XY> points{{-25, -5}, {-15, -5}, {-5, -5}, {-24, -14.5}};
  const GridIndex grid = GridIndex::ofPoints(points, 10.0);
  EXPECT_DOUBLE_EQ(grid.originX(), -25.0);
  EXPECT_DOUBLE_EQ(grid.originY(), -14.5);
  EXPECT_EQ(grid.columnCount(), 3);
  EXPECT_EQ(grid.rowCount(), 1);
  EXPECT_EQ(itemsAt(grid, 0, 0), (std::vector<std::uint32_t>{0, 3}));
  EXPECT_EQ(itemsAt(grid, 0, 1), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(itemsAt(grid, 0, 2), (std::vector<std::uint32_t>{2}));
  // Queries left of and below the grid get negative cells (not clamped).
  EXPECT_EQ(grid.columnAt(-26.0), -1);
  EXPECT_EQ(grid.rowAt(-100.0), -9);
}

TEST(GridIndex, CellsAreRowMajorAndEachRowRangeIsContiguous) {
  const std::vector<XY> points{{25, 15}, {5, 5}, {15, 15}, {25, 5}, {5, 15}};
  const GridIndex grid = GridIndex::ofPoints(points, 10.0);
  ASSERT_EQ(grid.cellCount(), 5U);
  for (std::uint32_t c = 1; c < grid.cellCount(); ++c) {
    EXPECT_LT(grid.rowOf(c - 1) * grid.columnCount() + grid.columnOf(c - 1),
              grid.rowOf(c) * grid.columnCount() + grid.columnOf(c));
  }
  const GridIndex::CellRange row1 = grid.rowRange(1, 1, 5);  // columns 1..2 of row 1: points 2 and 0
  ASSERT_EQ(row1.last - row1.first, 2U);
  EXPECT_EQ(grid.cellItems(row1.first)[0], 2U);
  EXPECT_EQ(grid.cellItems(row1.first + 1)[0], 0U);
  EXPECT_EQ(grid.rowRange(2, 0, 5).first, grid.rowRange(2, 0, 5).last);    // row beyond the grid
  EXPECT_EQ(grid.rowRange(-1, 0, 5).first, grid.rowRange(-1, 0, 5).last);  // row below it
}

TEST(GridIndex, BlockVisitsOnlyCellsWithinItsRadius) {
  std::vector<XY> points;
  for (int r = 0; r < 5; ++r) {
    for (int c = 0; c < 5; ++c) points.push_back({c * 10.0 + 5, r * 10.0 + 5});
  }
  const GridIndex grid = GridIndex::ofPoints(points, 10.0);
  std::vector<std::uint32_t> seen;
  grid.forEachCellInBlock(std::int64_t{0}, std::int64_t{0}, 1,
                          [&](std::uint32_t cell) { seen.push_back(grid.cellItems(cell)[0]); });
  EXPECT_EQ(seen, (std::vector<std::uint32_t>{0, 1, 5, 6}));  // the corner's block, clipped by the grid
  seen.clear();
  grid.forEachCellInBlock(std::int64_t{2}, std::int64_t{2}, 2,
                          [&](std::uint32_t cell) { seen.push_back(grid.cellItems(cell)[0]); });
  EXPECT_EQ(seen.size(), 25U);
}

TEST(GridIndex, CellsWithinARadiusAreThoseThatCanHoldAPointThatClose) {
  // One point per 10 m cell on a 5 × 5 lattice; from (30, 30), radius 6 reaches the centre cell and
  // its four edge neighbours (5 m away) but not the diagonal ones (√50 ≈ 7.07 m away).
  std::vector<XY> points;
  for (int r = 0; r < 5; ++r) {
    for (int c = 0; c < 5; ++c) points.push_back({c * 10.0 + 5, r * 10.0 + 5});
  }
  const GridIndex grid = GridIndex::ofPoints(points, 10.0);
  std::vector<std::uint32_t> within;
  double nearest = 1e9;
  grid.forEachCellWithin({30, 30}, 6.0, [&](std::uint32_t cell, double d2) {
    within.push_back(grid.cellItems(cell)[0]);
    nearest = std::min(nearest, d2);
  });
  EXPECT_EQ(sorted(within), (std::vector<std::uint32_t>{7, 11, 12, 13, 17}));
  EXPECT_EQ(nearest, 0.0);
  within.clear();
  grid.forEachCellWithin({30, 30}, 7.1, [&](std::uint32_t cell, double) { within.push_back(grid.cellItems(cell)[0]); });
  EXPECT_EQ(within.size(), 9U);
  // From far outside the grid nothing is within 10 m.
  within.clear();
  grid.forEachCellWithin({-100, 30}, 10.0, [&](std::uint32_t cell, double) { within.push_back(cell); });
  EXPECT_TRUE(within.empty());
}

TEST(GridIndex, RingsGoOutwardAndStopWhenAskedWithAGrowingBound) {
  // Points in columns 0, 3 and 6 of one row; the query sits in column 0.
  const std::vector<XY> points{{0, 0}, {35, 0}, {65, 0}};
  const GridIndex grid = GridIndex::ofPoints(points, 10.0);
  std::vector<std::uint32_t> order;
  std::vector<double> bounds;
  grid.searchRings(
      {1, 0},
      [&](double bound) {
        bounds.push_back(bound);
        return false;
      },
      [&](std::uint32_t cell) { order.push_back(grid.cellItems(cell)[0]); });
  EXPECT_EQ(order, (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(bounds, (std::vector<double>{0, 10, 20, 30, 40, 50}));  // rings 1..6
  // Stopping once the bound passes 25 m leaves the point in column 6 unvisited.
  order.clear();
  grid.searchRings(
      {1, 0}, [](double bound) { return bound > 25.0; },
      [&](std::uint32_t cell) { order.push_back(grid.cellItems(cell)[0]); });
  EXPECT_EQ(order, (std::vector<std::uint32_t>{0, 1}));
}

TEST(GridIndex, RingBoundHoldsForAQueryOutsideTheGrid) {
  const std::vector<XY> points{{0, 0}, {10, 0}, {20, 0}};
  const GridIndex grid = GridIndex::ofPoints(points, 10.0);
  // The query lies 100 m left of the grid, clamped into column 0: every bound asked must stay below
  // the true distance of what the following rings hold.
  std::vector<std::uint32_t> order;
  grid.searchRings(
      {-100, 0},
      [&](double bound) {
        for (std::uint32_t i = 0; i < points.size(); ++i) {
          if (std::find(order.begin(), order.end(), i) == order.end()) {
            EXPECT_LE(bound, 100.0 + points[i].x);
          }
        }
        return false;
      },
      [&](std::uint32_t cell) { order.push_back(grid.cellItems(cell)[0]); });
  EXPECT_EQ(order, (std::vector<std::uint32_t>{0, 1, 2}));
}

TEST(GridIndex, RingsVisitEveryCellOnceAroundAnInteriorQuery) {
  std::vector<XY> points;
  for (int r = 0; r < 7; ++r) {
    for (int c = 0; c < 7; ++c) points.push_back({c * 10.0, r * 10.0});
  }
  const GridIndex grid = GridIndex::ofPoints(points, 10.0);
  std::vector<std::uint32_t> seen;
  std::vector<std::int64_t> ringOf;
  grid.searchRings(
      {21, 41}, [](double) { return false; },
      [&](std::uint32_t cell) {
        seen.push_back(grid.cellItems(cell)[0]);
        ringOf.push_back(std::max(std::abs(grid.columnOf(cell) - 2), std::abs(grid.rowOf(cell) - 4)));
      });
  const std::vector<std::uint32_t> all = sorted(seen);
  EXPECT_EQ(all.size(), 49U);
  EXPECT_EQ(std::adjacent_find(all.begin(), all.end()), all.end());
  EXPECT_TRUE(std::is_sorted(ringOf.begin(), ringOf.end()));
}

TEST(GridIndex, BoxesAreListedInEveryCellTheyTouch) {
  const std::vector<Extent> boxes{{0, 0, 25, 5}, {12, 12, 13, 13}, {-5, 0, -5, 0}};
  const GridIndex grid = GridIndex::ofBoxes(boxes, 10.0);
  EXPECT_DOUBLE_EQ(grid.originX(), -5.0);
  // Columns from x = −5: [−5, 5) [5, 15) [15, 25) [25, 35).
  EXPECT_EQ(grid.columnCount(), 4);
  EXPECT_EQ(itemsAt(grid, 0, 0), (std::vector<std::uint32_t>{0, 2}));
  EXPECT_EQ(itemsAt(grid, 0, 1), (std::vector<std::uint32_t>{0}));
  EXPECT_EQ(itemsAt(grid, 0, 3), (std::vector<std::uint32_t>{0}));  // its right edge lies on x = 25
  EXPECT_EQ(itemsAt(grid, 1, 1), (std::vector<std::uint32_t>{1}));
  EXPECT_TRUE(grid.sortedPoints().empty());
  EXPECT_EQ(grid.items().size(), 6U);
}

TEST(GridIndex, RejectsABadCellSizeAndNonFiniteInput) {
  const std::vector<XY> points{{0, 0}};
  for (const double size : {0.0, -1.0, std::numeric_limits<double>::infinity(), std::nan("")}) {
    EXPECT_THROW((void)GridIndex::ofPoints(points, size), ParameterError) << size;
    EXPECT_THROW((void)GridIndex::ofBoxes({}, size), ParameterError) << size;
  }
  const std::vector<XY> bad{{0, 0}, {std::nan(""), 1}};
  EXPECT_THROW((void)GridIndex::ofPoints(bad, 1.0), ParameterError);
  const std::vector<Extent> inverted{{1, 0, 0, 1}};
  EXPECT_THROW((void)GridIndex::ofBoxes(inverted, 1.0), ParameterError);
  // 1e12 m across with 1 mm cells: more than 2^31 cells a side.
  const std::vector<XY> wide{{0, 0}, {1e12, 0}};
  EXPECT_THROW((void)GridIndex::ofPoints(wide, 1e-3), ParameterError);
}

}  // namespace
}  // namespace circatlas::core
