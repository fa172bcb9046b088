// The flat geometry layout: paths, parts, envelopes and promotion to multi types.
#include "core/geometry.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace circatlas::core {
namespace {

TEST(Geometry, PolygonWithHoleHasTwoPathsInOnePart) {
  const std::vector<std::vector<Coord>> rings = {
      {{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}},
      {{2, 2}, {4, 2}, {4, 4}, {2, 2}},
  };
  const Geometry g = Geometry::polygon(rings);
  EXPECT_EQ(g.type(), GeometryType::Polygon);
  EXPECT_EQ(g.pathCount(), 2U);
  EXPECT_EQ(g.partCount(), 1U);
  EXPECT_EQ(g.partPaths(0), std::make_pair(std::size_t{0}, std::size_t{2}));
  EXPECT_EQ(g.path(1).size(), 4U);
  EXPECT_EQ(g.path(1)[1], (Coord{4, 2}));
}

TEST(Geometry, MultiPolygonPartsIndexTheirOwnRings) {
  Geometry g(GeometryType::MultiPolygon);
  const std::vector<Coord> a = {{0, 0}, {1, 0}, {1, 1}, {0, 0}};
  const std::vector<Coord> b = {{5, 5}, {6, 5}, {6, 7}, {5, 5}};
  const std::vector<Coord> hole = {{5.2, 5.2}, {5.5, 5.2}, {5.5, 5.5}, {5.2, 5.2}};
  g.addPath(a);
  g.closePart();
  g.addPath(b);
  g.addPath(hole);
  g.closePart();
  EXPECT_EQ(g.partCount(), 2U);
  EXPECT_EQ(g.partPaths(1), std::make_pair(std::size_t{1}, std::size_t{3}));
  const Extent e = g.envelope();
  EXPECT_EQ(e.minX, 0);
  EXPECT_EQ(e.maxY, 7);
}

TEST(Geometry, PointHoldsExactlyOneCoordinate) {
  Geometry g = Geometry::point({103.84, 36.06});
  EXPECT_THROW(g.addPoint({1, 2}), ParameterError);
  EXPECT_THROW(g.addPath(std::vector<Coord>{{0, 0}, {1, 1}}), ParameterError);
}

TEST(Geometry, PromotionToMultiKeepsCoordinates) {
  Geometry g = Geometry::lineString(std::vector<Coord>{{0, 0}, {1, 1}, {2, 0}});
  g.promoteToMulti();
  EXPECT_EQ(g.type(), GeometryType::MultiLineString);
  EXPECT_EQ(g.pathCount(), 1U);
  EXPECT_EQ(g.coords().size(), 3U);
}

TEST(Geometry, EmptyGeometryHasEmptyEnvelope) {
  EXPECT_TRUE(Geometry(GeometryType::Polygon).envelope().isEmpty());
  EXPECT_TRUE(Geometry().isEmpty());
}

}  // namespace
}  // namespace circatlas::core
