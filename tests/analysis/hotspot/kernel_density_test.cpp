// Kernel density: the surface integrates to the total weight and peaks where the weight is.
#include "analysis/hotspot/kernel_density.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include "core/error.h"

namespace circatlas::analysis::hotspot {
namespace {

TEST(KernelDensity, SurfaceIntegratesToTheTotalWeight) {
  const std::vector<core::XY> points = {{0, 0}, {30000, 5000}};
  const std::vector<double> tonnes = {1000.0, 250.0};
  const Grid g = kernelDensity(points, tonnes, {20000.0, 500.0});
  const double integral = std::accumulate(g.values.begin(), g.values.end(), 0.0) * g.cellMeters * g.cellMeters;
  EXPECT_NEAR(integral / 1250.0, 1.0, 0.01);
}

TEST(KernelDensity, PeakIsAtThePointWithTheQuarticKernelHeight) {
  const std::vector<core::XY> points = {{250, 250}};  // at a cell centre
  const Grid g = kernelDensity(points, std::vector<double>{1.0}, {10000.0, 500.0});
  const double peak = *std::max_element(g.values.begin(), g.values.end());
  EXPECT_NEAR(peak, 3.0 / (std::numbers::pi * 1e8), 1e-15);  // 3/(π h²) at distance 0
  EXPECT_EQ(g.columns, g.rows);
}

TEST(KernelDensity, InvalidParametersAreRejected) {
  const std::vector<core::XY> points = {{0, 0}};
  const std::vector<double> w = {1.0};
  EXPECT_THROW((void)kernelDensity(points, w, {0.0, 100.0}), core::ParameterError);
  EXPECT_THROW((void)kernelDensity(points, w, {100.0, -1.0}), core::ParameterError);
  EXPECT_THROW((void)kernelDensity(points, std::vector<double>{}, {100.0, 10.0}), core::ParameterError);
  EXPECT_THROW((void)kernelDensity(points, w, {1e7, 1.0}), core::ParameterError);  // 4e14 cells
}

}  // namespace
}  // namespace circatlas::analysis::hotspot
