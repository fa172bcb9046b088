// The cluster kernels report their passes and stop when cancelled, on one thread and on several.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <random>
#include <string>
#include <vector>

#include "analysis/cluster/dbscan.h"
#include "analysis/cluster/k_distance.h"
#include "core/parallel_progress.h"

namespace circatlas::analysis::cluster {
namespace {

using core::XY;

// Records every report; answers cancelled() once `cancelAfter` reports were made (never if 0).
class RecordingProgress final : public core::Progress {
 public:
  explicit RecordingProgress(std::size_t cancelAfter = 0) : cancelAfter_(cancelAfter) {}
  void report(double fraction, std::string_view stage) override {
    fractions.push_back(fraction);
    stages.emplace_back(stage);
  }
  [[nodiscard]] bool cancelled() const override {
    ++polls;
    return cancelAfter_ != 0 && fractions.size() >= cancelAfter_;
  }
  std::vector<double> fractions;
  std::vector<std::string> stages;
  mutable std::atomic<std::size_t> polls{0};

 private:
  std::size_t cancelAfter_;
};

// Uniform points in a 100 km square: `n` of them, a fixed seed.
std::vector<XY> spreadPoints(std::size_t n) {
  std::mt19937_64 random(20261205);
  std::uniform_real_distribution<double> coordinate(0.0, 100000.0);
  std::vector<XY> points(n);
  for (XY& p : points) p = {coordinate(random), coordinate(random)};
  return points;
}

class KernelProgress : public ::testing::TestWithParam<std::size_t> {};

// 500 points run on one thread, 60 000 on several (kernelThreadCount).
INSTANTIATE_TEST_SUITE_P(Sizes, KernelProgress, ::testing::Values(std::size_t{500}, std::size_t{60000}));

TEST_P(KernelProgress, DbscanReportsEachPassInOrderAndTheSameLabelsAsWithout) {
  const std::vector<XY> points = spreadPoints(GetParam());
  const DbscanParams params{.epsMeters = 800.0, .minPoints = 4};
  RecordingProgress progress;
  const DbscanResult withProgress = dbscan(points, params, &progress);
  const DbscanResult without = dbscan(points, params);

  ASSERT_FALSE(progress.fractions.empty());
  for (std::size_t i = 1; i < progress.fractions.size(); ++i) {
    EXPECT_LE(progress.fractions[i - 1], progress.fractions[i]) << "report " << i;
  }
  EXPECT_GE(progress.fractions.front(), 0.0);
  EXPECT_LE(progress.fractions.back(), 1.0);
  EXPECT_GE(progress.fractions.back(), 0.7) << "the border pass reports from 0.7 on";
  for (const std::string stage : {"DBSCAN: core points", "DBSCAN: linking core cells", "DBSCAN: border points"}) {
    EXPECT_NE(std::find(progress.stages.begin(), progress.stages.end(), stage), progress.stages.end()) << stage;
  }
  ASSERT_EQ(withProgress.pointCount(), without.pointCount());
  EXPECT_EQ(withProgress.clusterCount(), without.clusterCount());
  for (std::size_t i = 0; i < points.size(); ++i) {
    ASSERT_EQ(withProgress.clusterOf(i), without.clusterOf(i)) << "point " << i;
  }
}

TEST_P(KernelProgress, DbscanStopsWithCancelledWhenAsked) {
  const std::vector<XY> points = spreadPoints(GetParam());
  for (std::size_t after : {1, 2, 3}) {
    RecordingProgress progress(after);
    EXPECT_THROW((void)dbscan(points, {.epsMeters = 800.0, .minPoints = 4}, &progress), core::Cancelled)
        << "cancelled after " << after << " reports";
    EXPECT_EQ(progress.fractions.size(), after) << "no report after the cancel was seen";
  }
}

TEST_P(KernelProgress, KDistancesReportAndStopWithCancelledWhenAsked) {
  const std::vector<XY> points = spreadPoints(GetParam());
  RecordingProgress progress;
  const std::vector<double> distances = kDistances(points, 4, &progress);
  EXPECT_EQ(distances, kDistances(points, 4));
  ASSERT_FALSE(progress.fractions.empty());
  EXPECT_EQ(progress.stages.front(), "k-distances");

  RecordingProgress cancelling(1);
  EXPECT_THROW((void)kDistanceReport(points, 4, &cancelling), core::Cancelled);
}

}  // namespace
}  // namespace circatlas::analysis::cluster
