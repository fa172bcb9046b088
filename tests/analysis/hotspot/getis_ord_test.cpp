// Gi* against hand-computed values on a chain of five units, and the permutation p-values' behaviour.
#include "analysis/hotspot/getis_ord.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace circatlas::analysis::hotspot {
namespace {

// Five units in a row, x = 1, 2, 3, 10, 12. For unit 3: W = 3, Σ = 3 + 10 + 12 = 25, mean 5.6,
// S = √(258/5 − 5.6²) = √20.24 = 4.4989, z = (25 − 3 × 5.6) / (4.4989 × √((5·3 − 9)/4)) = 1.48821.
const std::vector<double> kValues = {1, 2, 3, 10, 12};
const Neighbours kChain = {{1}, {0, 2}, {1, 3}, {2, 4}, {3}};

TEST(GetisOrd, ZScoresMatchHandComputationOnAChain) {
  const auto g = getisOrdGiStar(kValues, kChain, 0);
  const double expected[] = {-1.48821, -1.96008, -0.32668, 1.48821, 1.96008};
  for (std::size_t i = 0; i < g.size(); ++i) EXPECT_NEAR(g[i].z, expected[i], 1e-5) << i;
}

TEST(GetisOrd, EqualValuesGiveNoSignal) {
  const std::vector<double> flat(5, 7.0);
  for (const auto& g : getisOrdGiStar(flat, kChain)) {
    EXPECT_EQ(g.z, 0.0);
    EXPECT_EQ(g.pValue, 1.0);
  }
}

TEST(GetisOrd, ConcentratedClusterIsSignificantAndSeedMakesItRepeatable) {
  // 30 units on a ring; units 10–14 produce 100 t, the rest 1 t.
  std::vector<double> x(30, 1.0);
  for (int i = 10; i < 15; ++i) x[static_cast<std::size_t>(i)] = 100.0;
  Neighbours ring(30);
  for (std::uint32_t i = 0; i < 30; ++i) ring[i] = {(i + 29) % 30, (i + 1) % 30};
  const auto a = getisOrdGiStar(x, ring, 999, 1);
  const auto b = getisOrdGiStar(x, ring, 999, 1);
  EXPECT_GT(a[12].z, 3.0);
  // Holding x₁₂ = 100, a draw is as extreme only when both neighbours are among the 4 other
  // 100 t units of the 29: probability 4/29 × 3/28 = 0.0148, so p ≈ (0.0148 × 999 + 1) / 1000.
  EXPECT_NEAR(a[12].pValue, 0.0158, 0.008);
  EXPECT_GT(a[25].pValue, 0.05);
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].pValue, b[i].pValue);
}

TEST(GetisOrd, BadNeighbourListsAreParameterErrors) {
  EXPECT_THROW((void)getisOrdGiStar(kValues, {{1}, {0}}), core::ParameterError);
  EXPECT_THROW((void)getisOrdGiStar(kValues, {{7}, {0}, {1}, {2}, {3}}), core::ParameterError);
  EXPECT_THROW((void)getisOrdGiStar(std::vector<double>{1, 2}, {{1}, {0}}), core::ParameterError);
}

}  // namespace
}  // namespace circatlas::analysis::hotspot
