// The k-distance report: hand-computed k-distances, quantiles and knees, and a check against brute force.
#include "analysis/cluster/k_distance.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "analysis/cluster/dbscan.h"
#include "core/error.h"

namespace circatlas::analysis::cluster {
namespace {

using core::XY;

// Four points on the x axis at 0, 1, 3 and 7 m.
const std::vector<XY> kLine = {{0, 0}, {1, 0}, {3, 0}, {7, 0}};

TEST(KDistance, MinPointsTwoIsTheNearestOtherPoint) {
  EXPECT_EQ(kDistances(kLine, 2), (std::vector<double>{1, 1, 2, 4}));
}

TEST(KDistance, MinPointsThreeIsTheSecondNearestOtherPoint) {
  // 0: {1, 3} → 3;  1: {1, 2} → 2;  3: {2, 3} → 3;  7: {4, 6} → 6
  EXPECT_EQ(kDistances(kLine, 3), (std::vector<double>{3, 2, 3, 6}));
}

TEST(KDistance, MinPointsOneIsZeroAndDuplicatesAreAtZero) {
  EXPECT_EQ(kDistances(kLine, 1), (std::vector<double>{0, 0, 0, 0}));
  const std::vector<XY> twins = {{5, 5}, {5, 5}, {9, 8}};
  EXPECT_EQ(kDistances(twins, 2), (std::vector<double>{0, 0, 5}));
}

TEST(KDistance, ReportSortsAndInterpolatesQuantiles) {
  const KDistanceReport report = kDistanceReport(kLine, 2);
  EXPECT_EQ(report.sortedDistancesMeters, (std::vector<double>{1, 1, 2, 4}));
  ASSERT_EQ(report.quantiles.size(), 5u);
  EXPECT_DOUBLE_EQ(report.quantiles[0].fraction, 0.5);
  EXPECT_DOUBLE_EQ(report.quantiles[0].distanceMeters, 1.5);  // rank 1.5 between 1 and 2
  EXPECT_DOUBLE_EQ(report.quantiles[1].distanceMeters, 2.5);  // rank 2.25: 2 + 0.25 × 2
  EXPECT_DOUBLE_EQ(report.quantiles[2].distanceMeters, 3.4);  // rank 2.7:  2 + 0.7 × 2
}

TEST(KDistance, KneeIsThePointFarthestBelowTheChord) {
  // Scaled: x = i / 9, y = (v − 1) / 59. x − y peaks at i = 7 (0.778 − 0.119 = 0.659), before the jump.
  const std::vector<double> curve = {1, 2, 3, 4, 5, 6, 7, 8, 30, 60};
  EXPECT_EQ(kneeOfSortedCurve(curve), 8.0);
}

TEST(KDistance, StraightOrFlatOrShortCurveHasNoKnee) {
  EXPECT_FALSE(kneeOfSortedCurve(std::vector<double>{1, 2, 3, 4, 5}));
  EXPECT_FALSE(kneeOfSortedCurve(std::vector<double>{2, 2, 2, 2}));
  EXPECT_FALSE(kneeOfSortedCurve(std::vector<double>{1, 9}));
}

TEST(KDistance, RejectsFewerPointsThanMinPoints) {
  EXPECT_THROW((void)kDistances(kLine, 5), core::ParameterError);
  EXPECT_THROW((void)kDistances(kLine, 0), core::ParameterError);
}

std::vector<XY> blobsWithBackground(std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> anywhere(0.0, 100000.0);
  std::normal_distribution<double> spread(0.0, 300.0);
  std::vector<XY> pts;
  for (std::size_t i = 0; i < n; ++i) {
    if (i % 5 == 0) {
      pts.push_back({anywhere(rng), anywhere(rng)});
    } else {
      const double cx = 20000.0 * static_cast<double>(1 + i % 4);  // four dense blobs
      pts.push_back({cx + spread(rng), 50000.0 + spread(rng)});
    }
  }
  return pts;
}

TEST(KDistance, DenseBlobsAndSparseBackgroundMatchBruteForce) {
  const std::vector<XY> pts = blobsWithBackground(30000, 5);
  const int minPoints = 6;
  const std::vector<double> got = kDistances(pts, minPoints);
  std::vector<double> d;
  for (std::size_t i = 0; i < pts.size(); i += 31) {  // every 31st point, against all points
    d.clear();
    for (std::size_t j = 0; j < pts.size(); ++j) {
      if (j != i) d.push_back(std::hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y));
    }
    std::nth_element(d.begin(), d.begin() + (minPoints - 2), d.end());
    ASSERT_NEAR(got[i], d[minPoints - 2], 1e-9 * d[minPoints - 2]) << "point " << i;
  }
}

TEST(KDistance, PointIsCoreExactlyWhenItsKDistanceIsWithinEps) {
  const std::vector<XY> pts = blobsWithBackground(3000, 8);
  const std::vector<double> k = kDistances(pts, 5);
  const DbscanResult r = dbscan(pts, {.epsMeters = 150.0, .minPoints = 5});
  for (std::size_t i = 0; i < pts.size(); ++i) {
    EXPECT_EQ(r.roleOf(i) == PointRole::Core, k[i] <= 150.0) << "point " << i;
  }
}

TEST(KDistance, ManyCopiesOfOneLocationStayFastAndExact) {
  // 40 000 enterprises geocoded to one district centre, plus a 1 km lattice of 100 others around it.
  std::vector<XY> pts(40000, XY{5000, 5000});
  for (int i = 0; i < 100; ++i) pts.push_back({1000.0 * (i % 10), 1000.0 * (i / 10)});
  const std::vector<double> k = kDistances(pts, 4);
  EXPECT_EQ(k[0], 0.0);
  EXPECT_EQ(k[39999], 0.0);
  EXPECT_EQ(k[40000], 1000.0 * std::sqrt(2.0));  // lattice corner (0, 0): 1000, 1000, then √2 km
}

}  // namespace
}  // namespace circatlas::analysis::cluster
