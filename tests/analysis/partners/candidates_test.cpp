// Candidate partners: material match, distance limits, the documented score and determinism.
#include "analysis/partners/candidates.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <random>

namespace circatlas::analysis::partners {
namespace {

// Sites on a line, 10 km apart: site i is at km 10 × i. Distances are |i − j| × 10 km.
Leg alongALine(std::uint32_t a, std::uint32_t b) {
  return {10.0 * std::abs(static_cast<double>(a) - static_cast<double>(b)), true};
}

ExchangeProblem flyAshProblem() {
  ExchangeProblem p;
  p.materials = {{50.0, 0.5, 25.0},                      // 0: fly ash, 50 km, 0.5 CNY/t·km, 25 CNY/t disposal
                 {20.0, 0.02, 0.0}};                     // 1: waste heat (MWh), 20 km
  p.supplies = {{0, 0, 1000.0},                          // power plant at site 0
                {5, 1, 300.0}};                          // waste heat at site 5, nobody near takes it
  p.receivers = {{2, 0, 600.0, true},                    // cement plant 20 km away, 600 t
                 {4, 0, 5000.0, false},                  // brick works 40 km away, 5000 t
                 {9, 0, 5000.0, false},                  // 90 km: beyond the limit
                 {1, 1, 100.0, false}};                  // heat user for the other material: never a fly-ash partner
  p.siteGroup = {0, -1, 0, -1, -1, -1, -1, -1, -1, -1};  // sites 0 and 2 share a park
  return p;
}

TEST(Candidates, OnlySameMaterialWithinItsDistanceLimitRankedByScore) {
  const auto c = findCandidates(flyAshProblem(), alongALine);
  // Supply 0: cement (20 km) and bricks (40 km); the 90 km receiver is out of range.
  ASSERT_EQ(c.size(), 2U);
  EXPECT_EQ(c[0].supply, 0U);
  // Cement: (25 − 20 × 0.5) × min(1000, 600) × 1.1 (same park) = 15 × 600 × 1.1 = 9,900 CNY/yr.
  // Bricks: (25 − 40 × 0.5) × 1000 = 5,000 CNY/yr.
  EXPECT_EQ(c[0].receiver, 0U);
  EXPECT_NEAR(c[0].score, 9900.0, 1e-9);
  EXPECT_TRUE(c[0].sameGroup);
  EXPECT_NEAR(c[0].coverShare.value_or(-1.0), 0.6, 1e-12);
  EXPECT_EQ(c[1].receiver, 1U);
  EXPECT_NEAR(c[1].score, 5000.0, 1e-9);
  EXPECT_NEAR(c[1].transportCostPerUnit, 20.0, 1e-12);
}

TEST(Candidates, SupplyWithNoReceiverInRangeIsReportedNotDropped) {
  const auto p = flyAshProblem();
  const auto c = findCandidates(p, alongALine);
  // Waste heat at site 5: its only user is at site 1, 40 km away, beyond the 20 km limit.
  EXPECT_EQ(unmatchedSupplies(p, c), std::vector<std::uint32_t>{1});
}

TEST(Candidates, TopKKeepsTheBest) {
  const auto c = findCandidates(flyAshProblem(), alongALine, {1});
  ASSERT_EQ(c.size(), 1U);
  EXPECT_EQ(c[0].receiver, 0U);
}

TEST(Candidates, TiesBreakByDistanceThenReceiver) {
  ExchangeProblem p;
  p.materials = {{100.0, 0.0, 10.0}};  // free transport: every receiver scores the same
  p.supplies = {{5, 0, 10.0}};
  p.receivers = {{8, 0, 10.0, false}, {3, 0, 10.0, false}, {7, 0, 10.0, false}};
  const auto c = findCandidates(p, alongALine);
  // Equal scores; sites 3 and 7 are both 20 km from site 5, site 8 is 30 km.
  ASSERT_EQ(c.size(), 3U);
  EXPECT_EQ(c[0].receiver, 1U);  // site 3, 20 km, lower index of the two at 20 km
  EXPECT_EQ(c[1].receiver, 2U);  // site 7, 20 km
  EXPECT_EQ(c[2].receiver, 0U);  // site 8, 30 km
}

}  // namespace
}  // namespace circatlas::analysis::partners

#include <random>

namespace circatlas::analysis::partners {
namespace {

TEST(Candidates, SpatialPruningGivesTheSameCandidatesAsTheFullScan) {
  std::mt19937 rng(3);
  std::uniform_real_distribution<double> coord(0.0, 400000.0);
  ExchangeProblem p;
  p.materials = {{50.0, 0.5, 25.0}, {120.0, 0.3, 10.0}};
  std::vector<core::XY> sites;
  for (std::uint32_t i = 0; i < 600; ++i) sites.push_back({coord(rng), coord(rng)});
  for (std::uint32_t i = 0; i < 200; ++i) p.supplies.push_back({i, i % 2, 1000.0 + i});
  for (std::uint32_t i = 200; i < 600; ++i) p.receivers.push_back({i, i % 2, 500.0, false});
  const auto straight = [&](std::uint32_t a, std::uint32_t b) {
    return Leg{1.3 * std::hypot(sites[a].x - sites[b].x, sites[a].y - sites[b].y) / 1000.0, false};
  };
  const auto full = findCandidates(p, straight, {0});
  p.sitePositions = sites;
  const auto pruned = findCandidates(p, straight, {0});
  ASSERT_EQ(full.size(), pruned.size());
  ASSERT_GT(full.size(), 100U);
  for (std::size_t i = 0; i < full.size(); ++i) {
    EXPECT_EQ(full[i].supply, pruned[i].supply);
    EXPECT_EQ(full[i].receiver, pruned[i].receiver);
  }
}

// The geodesic pass measures only pairs that could rank; the ranked list must equal the one from
// measuring every pair (topK = 0, then cut to 3 per supply).
TEST(Candidates, BracketedGeodesicsGiveTheSameTopListAsMeasuringEveryPair) {
  ExchangeProblem p;
  p.materials = {{120.0, 0.5, 25.0}};
  std::uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1664525U + 1013904223U;
    return static_cast<double>(seed >> 8) / static_cast<double>(1U << 24);
  };
  // 400 sites in a 4° × 3° box near 40°N, in a plate carrée scaled to metres at 40°N: its scale
  // factor along x varies with latitude, bracketed by prefilterScale and prefilterMinScale.
  const double kx = 111320.0 * std::cos(40.0 * M_PI / 180.0);
  for (int i = 0; i < 400; ++i) {
    const core::LonLat at{100.0 + 4.0 * next(), 38.5 + 3.0 * next()};
    p.siteLonLat.push_back(at);
    p.sitePositions.push_back({(at.lon - 100.0) * kx, (at.lat - 38.5) * 110950.0});
  }
  p.prefilterScale = 1.06;
  p.prefilterMinScale = 0.96;
  p.straightLineDetour = 1.3;
  for (std::uint32_t i = 0; i < 400; ++i) {
    if (i % 4 == 0) p.supplies.push_back({i, 0, 1000.0 * (1 + next())});
    else p.receivers.push_back({i, 0, 500.0 * (1 + 3 * next()), false, i % 3 == 0 ? 0.8 : 1.0});
  }
  const auto noDistance = [](std::uint32_t, std::uint32_t) { return Leg{}; };
  const auto pruned = findCandidates(p, noDistance, {3, 1});
  const auto all = findCandidates(p, noDistance, {0, 1});
  std::vector<Candidate> cut;
  for (std::size_t i = 0, rank = 0; i < all.size(); ++i) {
    rank = i > 0 && all[i - 1].supply == all[i].supply ? rank + 1 : 1;
    if (rank <= 3) cut.push_back(all[i]);
  }
  ASSERT_EQ(pruned.size(), cut.size());
  for (std::size_t i = 0; i < cut.size(); ++i) {
    EXPECT_EQ(pruned[i].supply, cut[i].supply);
    EXPECT_EQ(pruned[i].receiver, cut[i].receiver);
    EXPECT_DOUBLE_EQ(pruned[i].straightKm, cut[i].straightKm);
  }
}

// With a full list, the search visits cells nearest first and skips receivers whose best possible
// score at their shortest possible distance cannot beat the worst kept. The top list must equal
// the best 3 of every pair in range, whatever the capacities, weights, groups and transport.
TEST(Candidates, NearestFirstSearchGivesTheSameTopListAsEveryPairInRange) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> coord(0.0, 300000.0);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  ExchangeProblem p;
  p.materials = {{60.0, 0.5, 25.0}, {30.0, 2.0, 0.0, 57.0, 1.2, 0.01}};  // by road; heat by pipe with loss
  p.straightLineDetour = 1.3;
  p.prefilterScale = 1.001;
  for (std::uint32_t i = 0; i < 900; ++i) {
    // Clustered sites, so many receivers tie near each supply and the bound matters.
    const double cx = 50000.0 * static_cast<double>(i % 5);
    p.sitePositions.push_back({cx + 20000.0 * unit(rng), coord(rng) / 10.0});
    p.siteGroup.push_back(unit(rng) < 0.5 ? static_cast<std::int32_t>(i % 5) : -1);
  }
  for (std::uint32_t i = 0; i < 300; ++i) {
    const std::optional<double> q = i % 7 == 0 ? std::nullopt : std::optional<double>(500.0 + 2000.0 * unit(rng));
    p.supplies.push_back({i, i % 2, q});
  }
  for (std::uint32_t i = 300; i < 900; ++i) {
    const std::optional<double> cap = i % 3 == 0 ? std::nullopt : std::optional<double>(3000.0 * unit(rng));
    p.receivers.push_back({i, i % 2, cap, false, i % 4 == 0 ? 0.8 : 1.0});
  }
  const auto noDistance = [](std::uint32_t, std::uint32_t) { return Leg{}; };
  const auto listed = findCandidates(p, noDistance, {3});
  const auto all = findCandidates(p, noDistance, {0});
  std::vector<Candidate> cut;
  for (std::size_t i = 0, rank = 0; i < all.size(); ++i) {
    rank = i > 0 && all[i - 1].supply == all[i].supply ? rank + 1 : 1;
    if (rank <= 3) cut.push_back(all[i]);
  }
  ASSERT_GT(all.size(), 10 * cut.size());  // most pairs in range are not listed
  ASSERT_EQ(listed.size(), cut.size());
  for (std::size_t i = 0; i < cut.size(); ++i) {
    EXPECT_EQ(listed[i].supply, cut[i].supply);
    EXPECT_EQ(listed[i].receiver, cut[i].receiver);
    EXPECT_EQ(listed[i].score, cut[i].score);
  }
}

}  // namespace
}  // namespace circatlas::analysis::partners
