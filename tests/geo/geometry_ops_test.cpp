// GEOS-backed repair, area, intersection and union on hand-checkable shapes.
#include "geo/geometry_ops.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <set>
#include <utility>
#include <vector>

namespace circatlas::geo {
namespace {

core::Geometry square(double x0, double y0, double size) {
  const std::vector<std::vector<core::Coord>> rings = {
      {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}}};
  return core::Geometry::polygon(rings);
}

TEST(GeometryOps, BowTieIsInvalidAndRepairsIntoTwoTriangles) {
  // POLYGON((0 0, 2 2, 2 0, 0 2, 0 0)): crosses itself at (1 1).
  const std::vector<std::vector<core::Coord>> rings = {{{0, 0}, {2, 2}, {2, 0}, {0, 2}, {0, 0}}};
  const core::Geometry bowTie = core::Geometry::polygon(rings);
  const auto reason = invalidityReason(bowTie);
  ASSERT_TRUE(reason.has_value());
  EXPECT_NE(reason->find("Self-intersection"), std::string::npos) << *reason;

  const core::Geometry repaired = makeValid(bowTie);
  EXPECT_EQ(repaired.type(), core::GeometryType::MultiPolygon);
  EXPECT_EQ(repaired.partCount(), 2U);
  EXPECT_DOUBLE_EQ(planarArea(repaired), 2.0);  // two triangles of base 2 and height 1
  EXPECT_FALSE(invalidityReason(repaired).has_value());
}

TEST(GeometryOps, ValidPolygonHasNoInvalidityReason) { EXPECT_FALSE(invalidityReason(square(0, 0, 1)).has_value()); }

TEST(GeometryOps, IntersectionOfOverlappingSquares) {
  const core::Geometry overlap = polygonIntersection(square(0, 0, 2), square(1, 1, 2));
  EXPECT_DOUBLE_EQ(planarArea(overlap), 1.0);
}

TEST(GeometryOps, SquaresThatOnlyTouchHaveEmptyIntersection) {
  const core::Geometry touch = polygonIntersection(square(0, 0, 1), square(1, 0, 1));
  EXPECT_TRUE(touch.isEmpty());
  EXPECT_EQ(planarArea(touch), 0.0);
}

TEST(GeometryOps, UnionOfNeighboursDissolvesTheSharedEdge) {
  const std::vector<core::Geometry> parts = {square(0, 0, 1), square(1, 0, 1), square(5, 5, 1)};
  const core::Geometry merged = polygonUnion(parts);
  EXPECT_EQ(merged.partCount(), 2U);
  EXPECT_DOUBLE_EQ(planarArea(merged), 3.0);
}

TEST(GeometryOps, PointOnSurfaceOfAnLShapeIsInsideIt) {
  const std::vector<std::vector<core::Coord>> rings = {{{0, 0}, {3, 0}, {3, 1}, {1, 1}, {1, 3}, {0, 3}, {0, 0}}};
  const core::Coord p = pointOnSurface(core::Geometry::polygon(rings));
  const bool inFoot = p.y > 0 && p.y < 1 && p.x > 0 && p.x < 3;
  const bool inStem = p.x > 0 && p.x < 1 && p.y > 0 && p.y < 3;
  EXPECT_TRUE(inFoot || inStem) << p.x << " " << p.y;
}

core::Geometry multiPoint(const std::vector<core::Coord>& points) {
  core::Geometry g(core::GeometryType::MultiPoint);
  for (const core::Coord& p : points) g.addPoint(p);
  return g;
}

// The hull of `points` checked by what defines it: a convex ring whose corners are input points and
// that holds every input point (a convex polygon of input points holding them all is their hull).
void expectConvexHullOf(const std::vector<core::Coord>& points, const core::Geometry& hull) {
  ASSERT_EQ(hull.type(), core::GeometryType::Polygon);
  ASSERT_EQ(hull.pathCount(), 1U);
  const auto ring = hull.path(0);
  std::set<std::pair<double, double>> input;
  for (const core::Coord& p : points) input.emplace(p.x, p.y);
  for (const core::Coord& c : ring) EXPECT_TRUE(input.contains({c.x, c.y})) << c.x << " " << c.y;
  const double area = planarArea(hull);
  ASSERT_GT(area, 0.0);
  const double sign =
      ring.size() > 2 &&
              (ring[1].x - ring[0].x) * (ring[2].y - ring[1].y) - (ring[1].y - ring[0].y) * (ring[2].x - ring[1].x) > 0
          ? 1.0
          : -1.0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    const core::Coord a = ring[i];
    const core::Coord b = ring[i + 1];
    const core::Coord c = ring[(i + 2) % (ring.size() - 1)];
    EXPECT_GT(sign * ((b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x)), 0.0) << "not convex at " << i + 1;
    const double length = std::hypot(b.x - a.x, b.y - a.y);
    for (const core::Coord& p : points) {
      const double side = sign * ((b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x));
      ASSERT_GE(side, -1e-9 * length * 1e6) << p.x << " " << p.y << " outside edge " << i;
    }
  }
}

TEST(GeometryOps, ConvexHullOfManyPointsIsTheHullOfAllOfThem) {
  std::mt19937 random(2026);
  std::uniform_real_distribution<double> across(-800'000.0, 800'000.0);
  std::normal_distribution<double> around(0.0, 30'000.0);
  std::vector<core::Coord> spread;
  spread.reserve(20'000);
  for (int i = 0; i < 20'000; ++i) spread.push_back({across(random), across(random)});
  expectConvexHullOf(spread, convexHull(multiPoint(spread)));

  std::vector<core::Coord> clustered;  // three Gaussian clusters, and exact duplicates of each point
  for (int i = 0; i < 6'000; ++i) {
    const double cx = (i % 3) * 200'000.0;
    const core::Coord p{cx + around(random), around(random)};
    clustered.push_back(p);
    clustered.push_back(p);
  }
  expectConvexHullOf(clustered, convexHull(multiPoint(clustered)));

  std::vector<core::Coord> circle;  // every point a corner of the hull: none may be dropped
  for (int i = 0; i < 1'000; ++i) {
    const double a = 2 * M_PI * i / 1'000.0;
    circle.push_back({500'000.0 + 100'000.0 * std::cos(a), 4'000'000.0 + 100'000.0 * std::sin(a)});
  }
  const core::Geometry round = convexHull(multiPoint(circle));
  expectConvexHullOf(circle, round);
  EXPECT_EQ(round.coords().size(), 1'001U);
}

TEST(GeometryOps, ConvexHullOfManyCollinearOrRepeatedPointsIsALineOrATriangle) {
  std::vector<core::Coord> line;
  line.reserve(1'000);
  for (int i = 0; i < 1'000; ++i) line.push_back({1'000.0 * i, 500.0 * i});
  const core::Geometry segment = convexHull(multiPoint(line));
  EXPECT_EQ(segment.type(), core::GeometryType::LineString);
  const std::set<std::pair<double, double>> ends = {{segment.coords().front().x, segment.coords().front().y},
                                                    {segment.coords().back().x, segment.coords().back().y}};
  EXPECT_EQ(ends, (std::set<std::pair<double, double>>{{0.0, 0.0}, {999'000.0, 499'500.0}}));

  const std::vector<core::Coord> corners = {{0.0, 0.0}, {10.0, 0.0}, {0.0, 10.0}};
  std::vector<core::Coord> three;
  for (std::size_t i = 0; i < 1'000; ++i) three.push_back(corners[i % 3]);
  const core::Geometry triangle = convexHull(multiPoint(three));
  expectConvexHullOf(three, triangle);
  EXPECT_DOUBLE_EQ(planarArea(triangle), 50.0);
}

// Sorted by Hilbert code, the centres of an 8 × 8 grid of cells form a path through neighbouring cells
// only, visiting each once: the curve's defining property, whichever corner GEOS starts it in.
TEST(GeometryOps, HilbertOrderOfAGridStepsFromCellToNeighbouringCell) {
  std::vector<core::XY> cells;
  for (int y = 0; y < 8; ++y) {
    for (int x = 0; x < 8; ++x) cells.push_back({500.0 + 100.0 * x, 2000.0 + 100.0 * y});
  }
  std::mt19937 rng(45);
  std::shuffle(cells.begin(), cells.end(), rng);
  const std::vector<std::uint32_t> codes = hilbertCodes(cells);
  ASSERT_EQ(codes.size(), cells.size());
  std::vector<std::size_t> order(cells.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return codes[a] < codes[b]; });
  EXPECT_EQ(std::set<std::uint32_t>(codes.begin(), codes.end()).size(), cells.size());
  for (std::size_t i = 1; i < order.size(); ++i) {
    const core::XY a = cells[order[i - 1]];
    const core::XY b = cells[order[i]];
    EXPECT_DOUBLE_EQ(std::abs(a.x - b.x) + std::abs(a.y - b.y), 100.0) << "step " << i;
  }
}

TEST(GeometryOps, HilbertCodesOfPointsOnALineOrOnePointOrNone) {
  EXPECT_TRUE(hilbertCodes({}).empty());
  const core::XY one[] = {{3.0, 4.0}};
  EXPECT_EQ(hilbertCodes(one).size(), 1U);
  // All on one parallel: the box has no height, and the codes still order the points along it.
  const core::XY row[] = {{0.0, 7.0}, {10.0, 7.0}, {20.0, 7.0}, {30.0, 7.0}};
  const std::vector<std::uint32_t> codes = hilbertCodes(row);
  EXPECT_TRUE(std::is_sorted(codes.begin(), codes.end()) || std::is_sorted(codes.rbegin(), codes.rend()));
  EXPECT_EQ(std::set<std::uint32_t>(codes.begin(), codes.end()).size(), 4U);
}

}  // namespace
}  // namespace circatlas::geo
