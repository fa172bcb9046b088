// Exact allocation by min-cost max-flow (Boost.Graph) and the greedy nearest-first baseline.
#include "analysis/partners/allocation.h"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/successive_shortest_path_nonnegative_weights.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace circatlas::analysis::partners {

namespace {

using Traits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<boost::edge_capacity_t, long,
                    boost::property<boost::edge_residual_capacity_t, long,
                                    boost::property<boost::edge_reverse_t, Traits::edge_descriptor,
                                                    boost::property<boost::edge_weight_t, long>>>>>;
using Edge = Traits::edge_descriptor;

constexpr double kCostScale = 1000.0;  // costs in 0.001 CNY per unit

class FlowBuilder {
 public:
  explicit FlowBuilder(std::size_t vertices) : g_(vertices) {}

  Edge add(std::size_t from, std::size_t to, long capacity, long cost) {
    auto capacityMap = boost::get(boost::edge_capacity, g_);
    auto reverseMap = boost::get(boost::edge_reverse, g_);
    auto weightMap = boost::get(boost::edge_weight, g_);
    const Edge e = boost::add_edge(from, to, g_).first;
    const Edge back = boost::add_edge(to, from, g_).first;
    capacityMap[e] = capacity;
    capacityMap[back] = 0;
    weightMap[e] = cost;
    weightMap[back] = -cost;
    reverseMap[e] = back;
    reverseMap[back] = e;
    return e;
  }

  void solve(std::size_t source, std::size_t sink) {
    boost::successive_shortest_path_nonnegative_weights(g_, source, sink);
  }

  [[nodiscard]] long flow(Edge e) const {
    return boost::get(boost::edge_capacity, g_, e) - boost::get(boost::edge_residual_capacity, g_, e);
  }

 private:
  FlowGraph g_;
};

void addExchange(Allocation& a, const ExchangeProblem& problem, const Candidate& c, double quantity) {
  const double cost = quantity * c.transportCostPerUnit;
  a.exchanges.push_back({c.supply, c.receiver, quantity, c.leg.km, cost});
  a.matched += quantity;
  a.unitKm += quantity * c.leg.km;
  a.transportCost += cost;
  a.matchedPerMaterial[problem.supplies[c.supply].material] += quantity;
}

Allocation emptyAllocation(const ExchangeProblem& problem) {
  Allocation a;
  a.matchedPerMaterial.assign(problem.materials.size(), 0.0);
  a.suppliedPerMaterial.assign(problem.materials.size(), 0.0);
  for (const auto& s : problem.supplies) a.suppliedPerMaterial.at(s.material) += s.quantity;
  for (std::uint32_t r = 0; r < problem.receivers.size(); ++r) {
    if (!problem.receivers[r].capacity) a.receiversWithoutCapacity.push_back(r);
  }
  return a;
}

bool usable(const ExchangeProblem& problem, const Candidate& c) {
  return problem.receivers[c.receiver].capacity.has_value();
}

}  // namespace

Allocation allocateOptimal(const ExchangeProblem& problem, const std::vector<Candidate>& candidates) {
  Allocation result = emptyAllocation(problem);
  // Materials never compete for the same capacity, so each is its own flow network.
  std::map<std::uint32_t, std::vector<const Candidate*>> byMaterial;
  for (const auto& c : candidates) {
    if (usable(problem, c)) byMaterial[problem.supplies[c.supply].material].push_back(&c);
  }
  for (const auto& [material, pairs] : byMaterial) {
    // Vertices: 0 source, 1 sink, then one per supply and per receiver that appears in a pair.
    std::map<std::uint32_t, std::size_t> supplyVertex;
    std::map<std::uint32_t, std::size_t> receiverVertex;
    std::size_t next = 2;
    for (const Candidate* c : pairs) {
      if (!supplyVertex.contains(c->supply)) supplyVertex[c->supply] = next++;
      if (!receiverVertex.contains(c->receiver)) receiverVertex[c->receiver] = next++;
    }
    FlowBuilder flow(next);
    for (const auto& [s, v] : supplyVertex) flow.add(0, v, std::lround(problem.supplies[s].quantity), 0);
    for (const auto& [r, v] : receiverVertex) flow.add(v, 1, std::lround(*problem.receivers[r].capacity), 0);
    std::vector<std::pair<const Candidate*, Edge>> links;
    for (const Candidate* c : pairs) {
      const long cost = std::lround(c->transportCostPerUnit * kCostScale);
      const long capacity = std::lround(problem.supplies[c->supply].quantity);
      links.emplace_back(c, flow.add(supplyVertex[c->supply], receiverVertex[c->receiver], capacity, cost));
    }
    flow.solve(0, 1);
    for (const auto& [c, e] : links) {
      if (const long q = flow.flow(e); q > 0) addExchange(result, problem, *c, static_cast<double>(q));
    }
  }
  return result;
}

Allocation allocateGreedy(const ExchangeProblem& problem, const std::vector<Candidate>& candidates) {
  Allocation result = emptyAllocation(problem);
  std::vector<const Candidate*> order;
  for (const auto& c : candidates) {
    if (usable(problem, c)) order.push_back(&c);
  }
  std::stable_sort(order.begin(), order.end(), [](const Candidate* a, const Candidate* b) {
    return std::tie(a->leg.km, a->supply, a->receiver) < std::tie(b->leg.km, b->supply, b->receiver);
  });
  std::vector<double> supplyLeft;
  for (const auto& s : problem.supplies) supplyLeft.push_back(std::round(s.quantity));
  std::vector<double> capacityLeft;
  for (const auto& r : problem.receivers) capacityLeft.push_back(r.capacity ? std::round(*r.capacity) : 0.0);
  for (const Candidate* c : order) {
    const double q = std::min(supplyLeft[c->supply], capacityLeft[c->receiver]);
    if (q <= 0) continue;
    supplyLeft[c->supply] -= q;
    capacityLeft[c->receiver] -= q;
    addExchange(result, problem, *c, q);
  }
  return result;
}

}  // namespace circatlas::analysis::partners
