// Point location over indexed polygons: inside, outside, on shared edges and in holes.
#include "geo/polygon_index.h"

#include <gtest/gtest.h>

namespace circatlas::geo {
namespace {

core::Geometry square(double x0, double y0, double size) {
  const std::vector<std::vector<core::Coord>> rings = {
      {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}}};
  return core::Geometry::polygon(rings);
}

TEST(PolygonIndex, LocatesPointsInTheirPolygon) {
  const std::vector<core::Geometry> polygons = {square(0, 0, 1), square(1, 0, 1), square(0, 1, 2)};
  const PolygonIndex index(polygons);
  EXPECT_EQ(index.locate({0.5, 0.5}), 0U);
  EXPECT_EQ(index.locate({1.5, 0.5}), 1U);
  EXPECT_EQ(index.locate({1.9, 2.9}), 2U);
  EXPECT_EQ(index.locate({5, 5}), std::nullopt);
}

TEST(PolygonIndex, PointOnASharedEdgeGoesToTheFirstPolygon) {
  const std::vector<core::Geometry> polygons = {square(0, 0, 1), square(1, 0, 1)};
  EXPECT_EQ(PolygonIndex(polygons).locate({1.0, 0.5}), 0U);
}

TEST(PolygonIndex, PointInAHoleIsOutside) {
  // An enclave: a square with a hole, like the Ningxia enclaves inside Pingliang.
  const std::vector<std::vector<core::Coord>> rings = {{{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}},
                                                       {{1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}}};
  const std::vector<core::Geometry> polygons = {core::Geometry::polygon(rings)};
  const PolygonIndex index(polygons);
  EXPECT_EQ(index.locate({1.5, 1.5}), std::nullopt);
  EXPECT_EQ(index.locate({3, 3}), 0U);
}

TEST(PolygonIndex, CandidatesAreThoseWhoseEnvelopesIntersect) {
  const std::vector<core::Geometry> polygons = {square(0, 0, 1), square(10, 10, 1), square(0.5, 0.5, 1)};
  const PolygonIndex index(polygons);
  EXPECT_EQ(index.candidates(core::Extent{0.9, 0.9, 1.1, 1.1}), (std::vector<std::size_t>{0, 2}));
  EXPECT_TRUE(index.candidates(core::Extent{}).empty());
  EXPECT_EQ(index.size(), 3U);
}

}  // namespace
}  // namespace circatlas::geo

namespace circatlas::geo {
namespace {

TEST(LocateAll, MatchesOneByOneLocationOnEveryThreadCount) {
  std::vector<core::Geometry> squares;
  for (int i = 0; i < 10; ++i) {
    const std::vector<std::vector<core::Coord>> rings = {
        {{i * 1.0, 0}, {i + 1.0, 0}, {i + 1.0, 1}, {i * 1.0, 1}, {i * 1.0, 0}}};
    squares.push_back(core::Geometry::polygon(rings));
  }
  std::vector<core::Coord> points;
  for (int k = 0; k < 5000; ++k) points.push_back({(k % 113) * 0.1 - 0.5, (k % 7) * 0.2});
  const PolygonIndex index(squares);
  for (const unsigned threads : {1U, 2U, 3U}) {
    const auto all = locateAll(squares, points, threads);
    ASSERT_EQ(all.size(), points.size());
    for (std::size_t k = 0; k < points.size(); ++k) ASSERT_EQ(all[k], index.locate(points[k])) << k;
  }
}

}  // namespace
}  // namespace circatlas::geo
