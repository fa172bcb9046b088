// DBSCAN on hand-drawn point sets whose clusters a reader can check with a ruler.
#include "analysis/cluster/dbscan.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/error.h"

namespace circatlas::analysis::cluster {
namespace {

using core::XY;
using Roles = std::vector<PointRole>;
constexpr auto C = PointRole::Core;
constexpr auto B = PointRole::Border;
constexpr auto N = PointRole::Noise;

// Cluster of every point as a number, -1 for none, so whole results compare in one line.
std::vector<int> clusters(const DbscanResult& r) {
  std::vector<int> out;
  for (std::size_t i = 0; i < r.pointCount(); ++i) {
    const auto id = r.clusterOf(i);
    out.push_back(id ? id->value() : -1);
  }
  return out;
}

Roles roles(const DbscanResult& r) { return {r.roles().begin(), r.roles().end()}; }

// On the x axis, eps 1, minPoints 4:   A = 0 0.25 0.5 1    bridge = 2    B = 3 3.5 3.75 4
// Each group of four lies within 1 of itself, so all its points are core. The bridge is exactly 1
// from A's 1 and from B's 3: three neighbours counting itself, so a border point reached by both.
const std::vector<XY> kGroupA = {{0, 0}, {0.25, 0}, {0.5, 0}, {1, 0}};
const std::vector<XY> kGroupB = {{3, 0}, {3.5, 0}, {3.75, 0}, {4, 0}};
const XY kBridge{2, 0};
const DbscanParams kBridgeParams{.epsMeters = 1.0, .minPoints = 4, .borderPointsAsNoise = false};

std::vector<XY> concat(std::vector<XY> a, const std::vector<XY>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

TEST(Dbscan, TwoClustersAndABridgeBorderPoint) {
  const auto points = concat(concat(kGroupA, {kBridge}), kGroupB);
  const DbscanResult r = dbscan(points, kBridgeParams);
  EXPECT_EQ(r.clusterCount(), 2u);
  EXPECT_EQ(clusters(r), (std::vector<int>{0, 0, 0, 0, 0, 1, 1, 1, 1}));
  EXPECT_EQ(roles(r), (Roles{C, C, C, C, B, C, C, C, C}));
  EXPECT_EQ(r.clusterSizes(), (std::vector<std::size_t>{5, 4}));
}

TEST(Dbscan, BorderPointJoinsFirstReachingCluster) {
  // Same geometry, B listed first: B is expanded first, so it is cluster 0 and takes the bridge.
  const auto points = concat(concat(kGroupB, kGroupA), {kBridge});
  const DbscanResult r = dbscan(points, kBridgeParams);
  EXPECT_EQ(clusters(r), (std::vector<int>{0, 0, 0, 0, 1, 1, 1, 1, 0}));
  EXPECT_EQ(r.roleOf(8), B);
}

TEST(Dbscan, ClustersAreNumberedByTheirFirstCorePointNotTheirFirstPoint) {
  // A border point of A comes first, but B's first core point comes before A's.
  const auto points = concat(concat({kBridge}, kGroupB), kGroupA);
  const DbscanResult r = dbscan(points, kBridgeParams);
  EXPECT_EQ(clusters(r), (std::vector<int>{0, 0, 0, 0, 0, 1, 1, 1, 1}));
}

TEST(Dbscan, DbscanStarReportsBorderPointsAsNoise) {
  DbscanParams star = kBridgeParams;
  star.borderPointsAsNoise = true;
  const DbscanResult r = dbscan(concat(concat(kGroupA, {kBridge}), kGroupB), star);
  EXPECT_EQ(clusters(r), (std::vector<int>{0, 0, 0, 0, -1, 1, 1, 1, 1}));
  EXPECT_EQ(r.roleOf(4), N);
  EXPECT_FALSE(r.clusterOf(4).has_value());
  EXPECT_EQ(r.countOf(N), 1u);
}

TEST(Dbscan, DistanceExactlyEpsCountsAsNeighbour) {
  const std::vector<XY> points = {{0, 0}, {3, 4}};  // 3-4-5 triangle: exactly 5 m apart
  EXPECT_EQ(roles(dbscan(points, {.epsMeters = 5.0, .minPoints = 2})), (Roles{C, C}));
  EXPECT_EQ(roles(dbscan(points, {.epsMeters = std::nextafter(5.0, 0.0), .minPoints = 2})), (Roles{N, N}));
}

TEST(Dbscan, DuplicatePointsCountAsSeparateNeighbours) {
  const std::vector<XY> three = {{7, 7}, {7, 7}, {7, 7}, {50, 50}};
  const DbscanResult r = dbscan(three, {.epsMeters = 0.5, .minPoints = 3});
  EXPECT_EQ(clusters(r), (std::vector<int>{0, 0, 0, -1}));
  const std::vector<XY> two = {{7, 7}, {7, 7}, {50, 50}};
  EXPECT_EQ(dbscan(two, {.epsMeters = 0.5, .minPoints = 3}).clusterCount(), 0u);
}

TEST(Dbscan, SparsePointsAreAllNoise) {
  const std::vector<XY> points = {{0, 0}, {10, 0}, {0, 10}, {10, 10}, {5, 5}};  // nearest pair 7.07 m
  const DbscanResult r = dbscan(points, {.epsMeters = 7.0, .minPoints = 2});
  EXPECT_EQ(r.clusterCount(), 0u);
  EXPECT_EQ(r.countOf(N), 5u);
  EXPECT_TRUE(r.clusterSizes().empty());
}

TEST(Dbscan, SquareLatticeIsOneClusterWithBorderEdgesAndNoiseCorners) {
  // 20 × 20 lattice, 1 m apart, eps 1, minPoints 5: an inner point has itself and 4 neighbours (core);
  // an edge point has 4 (border, next to an inner point); a corner has 3, all edge points (noise).
  std::vector<XY> points;
  for (int y = 0; y < 20; ++y) {
    for (int x = 0; x < 20; ++x) points.push_back({static_cast<double>(x), static_cast<double>(y)});
  }
  const DbscanResult r = dbscan(points, {.epsMeters = 1.0, .minPoints = 5});
  EXPECT_EQ(r.clusterCount(), 1u);
  EXPECT_EQ(r.countOf(C), 18u * 18u);
  EXPECT_EQ(r.countOf(B), 4u * 18u);
  EXPECT_EQ(r.countOf(N), 4u);
  EXPECT_EQ(r.roleOf(0), N);   // (0, 0)
  EXPECT_EQ(r.roleOf(5), B);   // (5, 0)
  EXPECT_EQ(r.roleOf(21), C);  // (1, 1)
}

TEST(Dbscan, ChainOfPointsLinksIntoOneClusterAcrossManyCells) {
  std::vector<XY> points;
  for (int i = 0; i < 100; ++i) points.push_back({0.9 * i, 0.45 * i});  // about 1.006 m apart
  EXPECT_EQ(dbscan(points, {.epsMeters = 1.01, .minPoints = 2}).clusterCount(), 1u);
  EXPECT_EQ(dbscan(points, {.epsMeters = 1.0, .minPoints = 2}).clusterCount(), 0u);
}

TEST(Dbscan, MinPointsOneMakesEveryPointCore) {
  const std::vector<XY> points = {{0, 0}, {10, 0}, {0.5, 0}};
  const DbscanResult r = dbscan(points, {.epsMeters = 1.0, .minPoints = 1});
  EXPECT_EQ(clusters(r), (std::vector<int>{0, 1, 0}));
  EXPECT_EQ(roles(r), (Roles{C, C, C}));
}

TEST(Dbscan, EmptyInputGivesNoClusters) {
  const DbscanResult r = dbscan({}, {.epsMeters = 1.0, .minPoints = 3});
  EXPECT_EQ(r.pointCount(), 0u);
  EXPECT_EQ(r.clusterCount(), 0u);
}

TEST(Dbscan, ProjectedGansuCoordinatesClusterLikeSmallOnes) {
  // Metres far from the CRS origin (Jiuquan is about 800 km west, 300 km north of it).
  const std::vector<XY> points = {
      {-800000.0, 300000.0}, {-800000.0, 304000.0}, {-795000.0, 300000.0}, {-700000.0, 300000.0}};
  const DbscanResult r = dbscan(points, {.epsMeters = 5000.0, .minPoints = 3});
  EXPECT_EQ(clusters(r), (std::vector<int>{0, 0, 0, -1}));
  EXPECT_EQ(roles(r), (Roles{C, B, B, N}));
}

TEST(Dbscan, RejectsEpsThatIsNotAPositiveFiniteDistance) {
  const std::vector<XY> points = {{0, 0}};
  for (double eps : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
    EXPECT_THROW((void)dbscan(points, {.epsMeters = eps, .minPoints = 2}), core::ParameterError) << eps;
  }
}

TEST(Dbscan, RejectsMinPointsBelowOne) {
  EXPECT_THROW((void)dbscan({}, {.epsMeters = 1.0, .minPoints = 0}), core::ParameterError);
}

TEST(Dbscan, NonFiniteCoordinateIsAnInputErrorNamingThePoint) {
  const std::vector<XY> points = {{0, 0}, {1, 1}, {std::numeric_limits<double>::quiet_NaN(), 2}};
  try {
    (void)dbscan(points, {.epsMeters = 1.0, .minPoints = 2});
    FAIL() << "expected an InputError";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("point 2"), std::string::npos) << e.what();
  }
}

TEST(Dbscan, ClusterOfOutOfRangePointThrows) {
  const DbscanResult r = dbscan(std::vector<XY>{{0, 0}}, {.epsMeters = 1.0, .minPoints = 1});
  EXPECT_THROW((void)r.clusterOf(1), std::out_of_range);
}

}  // namespace
}  // namespace circatlas::analysis::cluster
