// Ellipsoidal distances and areas against closed-form values for WGS 84.
#include "geo/geodesic.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

namespace circatlas::geo {
namespace {

constexpr double kA = 6378137.0;
constexpr double kF = 1.0 / 298.257223563;

// Area of the ellipsoid zone from the equator to latitude phi over 360° of longitude
// (the authalic formula): 2πb² [sinφ / (2(1 − e² sin²φ)) + atanh(e sinφ) / (2e)].
double zoneArea(double phiDegrees) {
  const double e2 = kF * (2 - kF);
  const double e = std::sqrt(e2);
  const double b2 = kA * kA * (1 - e2);
  const double s = std::sin(phiDegrees * std::numbers::pi / 180);
  return 2 * std::numbers::pi * b2 * (s / (2 * (1 - e2 * s * s)) + std::atanh(e * s) / (2 * e));
}

core::Geometry cell(double west, double south, double east, double north) {
  const std::vector<std::vector<core::Coord>> rings = {
      {{west, south}, {east, south}, {east, north}, {west, north}, {west, south}}};
  return core::Geometry::polygon(rings);
}

TEST(Geodesic, OneDegreeAlongTheEquatorIsTheSemiMajorAxisTimesOneDegree) {
  EXPECT_NEAR(geodesicDistanceMeters({0, 0}, {1, 0}), kA * std::numbers::pi / 180, 1e-6);
}

TEST(Geodesic, OneDegreeOfMeridianAtTheEquatorIs110574Metres) {
  EXPECT_NEAR(geodesicDistanceMeters({100, 0}, {100, 1}), 110574.39, 0.05);
}

TEST(Geodesic, AreaOfAOneDegreeCellInGansuMatchesTheAuthalicFormula) {
  // 100–101°E, 36–37°N; a parallel is not a geodesic, so the geodesic-sided cell differs from the
  // zone slice by a sliver of the order of 1e-5 relative at this size.
  const double expected = (zoneArea(37) - zoneArea(36)) / 360;
  EXPECT_NEAR(geodesicAreaSquareMeters(cell(100, 36, 101, 37)) / expected, 1.0, 1e-4);
}

TEST(Geodesic, AreaIgnoresRingOrientationAndSubtractsHoles) {
  const std::vector<std::vector<core::Coord>> counterClockwise = {
      {{100, 36}, {101, 36}, {101, 37}, {100, 37}, {100, 36}}};
  const std::vector<std::vector<core::Coord>> clockwise = {{{100, 36}, {100, 37}, {101, 37}, {101, 36}, {100, 36}}};
  const double a = geodesicAreaSquareMeters(core::Geometry::polygon(counterClockwise));
  EXPECT_DOUBLE_EQ(a, geodesicAreaSquareMeters(core::Geometry::polygon(clockwise)));

  const std::vector<std::vector<core::Coord>> withHole = {
      counterClockwise[0], {{100.25, 36.25}, {100.75, 36.25}, {100.75, 36.75}, {100.25, 36.75}, {100.25, 36.25}}};
  const double hole = geodesicAreaSquareMeters(cell(100.25, 36.25, 100.75, 36.75));
  EXPECT_NEAR(geodesicAreaSquareMeters(core::Geometry::polygon(withHole)), a - hole, 1.0);
}

TEST(Geodesic, LengthSumsSegments) {
  const core::Geometry line = core::Geometry::lineString(std::vector<core::Coord>{{0, 0}, {1, 0}, {2, 0}});
  EXPECT_NEAR(geodesicLengthMeters(line), 2 * kA * std::numbers::pi / 180, 1e-6);
  EXPECT_EQ(geodesicAreaSquareMeters(line), 0.0);
}

}  // namespace
}  // namespace circatlas::geo
