// Allocation: hand instances, capacities respected, optimality against exhaustive search, determinism.
#include "analysis/partners/allocation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <random>

namespace circatlas::analysis::partners {
namespace {

struct Instance {
  ExchangeProblem problem;
  std::vector<std::vector<double>> km;  // km[supplySite][receiverSite]
};

DistanceFn table(const Instance& inst) {
  return [&inst](std::uint32_t a, std::uint32_t b) { return Leg{inst.km.at(a).at(b), true}; };
}

TEST(Allocation, HandInstanceSendsTheNearSupplyFarWhenThatMatchesMore) {
  // Two plants (sites 0, 1) and two cement works (sites 2, 3). Works 2 takes 100 t and is near
  // both; works 3 takes 100 t and is reachable only from plant 0. Greedy nearest-first fills
  // works 2 from plant 0 and strands plant 1; the optimum sends plant 0 to works 3.
  Instance inst;
  inst.problem.materials = {{100.0, 1.0, 50.0}};
  inst.problem.supplies = {{0, 0, 100.0}, {1, 0, 100.0}};
  inst.problem.receivers = {{2, 0, 100.0, false}, {3, 0, 100.0, false}};
  inst.km = std::vector<std::vector<double>>(4, std::vector<double>(4, 1000.0));
  inst.km[0][2] = 10;
  inst.km[0][3] = 60;
  inst.km[1][2] = 20;
  const auto candidates = findCandidates(inst.problem, table(inst), {0});

  const Allocation optimal = allocateOptimal(inst.problem, candidates);
  EXPECT_DOUBLE_EQ(optimal.matched, 200.0);
  EXPECT_DOUBLE_EQ(optimal.unitKm, 100 * 60 + 100 * 20.0);
  EXPECT_DOUBLE_EQ(optimal.transportCost, 8000.0);

  const Allocation greedy = allocateGreedy(inst.problem, candidates);
  EXPECT_DOUBLE_EQ(greedy.matched, 100.0);
  EXPECT_DOUBLE_EQ(greedy.unitKm, 1000.0);
}

TEST(Allocation, AmongMaximalAllocationsTheCheapestIsChosen) {
  Instance inst;
  inst.problem.materials = {{100.0, 1.0, 50.0}};
  inst.problem.supplies = {{0, 0, 50.0}};
  inst.problem.receivers = {{1, 0, 50.0, false}, {2, 0, 50.0, false}};
  inst.km = {{0, 30, 10}, {30, 0, 0}, {10, 0, 0}};
  const Allocation a = allocateOptimal(inst.problem, findCandidates(inst.problem, table(inst), {0}));
  ASSERT_EQ(a.exchanges.size(), 1U);
  EXPECT_EQ(a.exchanges[0].receiver, 1U);  // site 2, 10 km
  EXPECT_DOUBLE_EQ(a.transportCost, 500.0);
}

TEST(Allocation, ReceiversOfUnknownCapacityAreListedNotFilled) {
  Instance inst;
  inst.problem.materials = {{100.0, 1.0, 50.0}};
  inst.problem.supplies = {{0, 0, 50.0}};
  inst.problem.receivers = {{1, 0, std::nullopt, false}};
  inst.km = {{0, 5}, {5, 0}};
  const auto candidates = findCandidates(inst.problem, table(inst), {0});
  EXPECT_EQ(candidates.size(), 1U);
  const Allocation a = allocateOptimal(inst.problem, candidates);
  EXPECT_TRUE(a.exchanges.empty());
  EXPECT_EQ(a.receiversWithoutCapacity, std::vector<std::uint32_t>{0});
}

// Exhaustive reference: every integer allocation on the candidate pairs; the best is the one with
// the most units moved, then the least cost.
std::pair<double, double> exhaustiveBest(const ExchangeProblem& p, const std::vector<Candidate>& pairs) {
  std::pair<double, double> best{0.0, 0.0};
  std::vector<double> flow(pairs.size(), 0.0);
  std::function<void(std::size_t)> visit = [&](std::size_t k) {
    if (k == pairs.size()) {
      std::vector<double> out(p.supplies.size(), 0.0);
      std::vector<double> in(p.receivers.size(), 0.0);
      double moved = 0;
      double cost = 0;
      for (std::size_t i = 0; i < pairs.size(); ++i) {
        out[pairs[i].supply] += flow[i];
        in[pairs[i].receiver] += flow[i];
        moved += flow[i];
        cost += flow[i] * std::round(pairs[i].transportCostPerUnit * 1000) / 1000;
      }
      for (std::size_t s = 0; s < out.size(); ++s) {
        if (out[s] > *p.supplies[s].quantity) return;
      }
      for (std::size_t r = 0; r < in.size(); ++r) {
        if (in[r] > *p.receivers[r].capacity) return;
      }
      if (moved > best.first || (moved == best.first && cost < best.second)) best = {moved, cost};
      return;
    }
    const double limit = *p.supplies[pairs[k].supply].quantity;
    for (double q = 0; q <= limit; q += 1) {
      flow[k] = q;
      visit(k + 1);
    }
    flow[k] = 0;
  };
  visit(0);
  return best;
}

TEST(Allocation, OptimalOnRandomSmallInstancesMatchesExhaustiveSearch) {
  std::mt19937 rng(42);
  for (int round = 0; round < 40; ++round) {
    Instance inst;
    inst.problem.materials = {{60.0, 1.0, 100.0}};
    std::uniform_int_distribution<int> qty(0, 3);
    std::uniform_real_distribution<double> dist(1.0, 80.0);
    for (std::uint32_t s = 0; s < 3; ++s) inst.problem.supplies.push_back({s, 0, static_cast<double>(qty(rng))});
    for (std::uint32_t r = 0; r < 2; ++r) {
      inst.problem.receivers.push_back({3 + r, 0, static_cast<double>(qty(rng)), false});
    }
    inst.km = std::vector<std::vector<double>>(5, std::vector<double>(5, 0.0));
    for (auto& row : inst.km) {
      for (auto& d : row) d = std::round(dist(rng) * 10) / 10;
    }
    const auto pairs = findCandidates(inst.problem, table(inst), {0});
    const Allocation a = allocateOptimal(inst.problem, pairs);
    const auto [moved, cost] = exhaustiveBest(inst.problem, pairs);
    EXPECT_DOUBLE_EQ(a.matched, moved) << "round " << round;
    EXPECT_NEAR(a.transportCost, cost, 1e-6) << "round " << round;
    const Allocation g = allocateGreedy(inst.problem, pairs);
    EXPECT_LE(g.matched, a.matched) << "round " << round;
  }
}

TEST(Allocation, CapacitiesAreNeverExceededAndResultsAreDeterministic) {
  std::mt19937 rng(7);
  Instance inst;
  inst.problem.materials = {{300.0, 0.4, 30.0}, {50.0, 0.1, 5.0}};
  std::uniform_real_distribution<double> qty(10.0, 5000.0);
  std::uniform_real_distribution<double> dist(1.0, 400.0);
  for (std::uint32_t s = 0; s < 40; ++s) inst.problem.supplies.push_back({s, s % 2, std::round(qty(rng))});
  for (std::uint32_t r = 0; r < 30; ++r) {
    inst.problem.receivers.push_back({40 + r, r % 2, std::round(qty(rng)), true});
  }
  inst.km = std::vector<std::vector<double>>(70, std::vector<double>(70));
  for (auto& row : inst.km) {
    for (auto& d : row) d = dist(rng);
  }
  const auto pairs = findCandidates(inst.problem, table(inst), {0});
  const Allocation a = allocateOptimal(inst.problem, pairs);
  std::vector<double> out(40, 0.0);
  std::vector<double> in(30, 0.0);
  for (const auto& e : a.exchanges) {
    out[e.supply] += e.quantity;
    in[e.receiver] += e.quantity;
  }
  for (std::size_t s = 0; s < out.size(); ++s) EXPECT_LE(out[s], *inst.problem.supplies[s].quantity);
  for (std::size_t r = 0; r < in.size(); ++r) EXPECT_LE(in[r], *inst.problem.receivers[r].capacity);

  const Allocation again = allocateOptimal(inst.problem, findCandidates(inst.problem, table(inst), {0}));
  ASSERT_EQ(again.exchanges.size(), a.exchanges.size());
  for (std::size_t i = 0; i < a.exchanges.size(); ++i) {
    EXPECT_EQ(again.exchanges[i].supply, a.exchanges[i].supply);
    EXPECT_EQ(again.exchanges[i].receiver, a.exchanges[i].receiver);
    EXPECT_EQ(again.exchanges[i].quantity, a.exchanges[i].quantity);
  }
}

}  // namespace
}  // namespace circatlas::analysis::partners
