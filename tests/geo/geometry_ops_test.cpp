// GEOS-backed repair, area, intersection and union on hand-checkable shapes.
#include "geo/geometry_ops.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace circatlas::geo
