// Exact allocation by min-cost max-flow (LEMON) and the greedy nearest-first baseline.
#include "analysis/partners/allocation.h"

#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <stdexcept>

namespace circatlas::analysis::partners {

namespace {

constexpr double kCostScale = 1000.0;  // costs in 0.001 CNY per unit

// One material's transport network: source → supplies → receivers → sink.
class FlowNetwork {
 public:
  using Arc = lemon::SmartDigraph::Arc;

  FlowNetwork() : capacity_(g_), cost_(g_), source_(g_.addNode()), sink_(g_.addNode()) {}

  lemon::SmartDigraph::Node addNode() { return g_.addNode(); }
  lemon::SmartDigraph::Node source() const { return source_; }
  lemon::SmartDigraph::Node sink() const { return sink_; }

  Arc add(lemon::SmartDigraph::Node from, lemon::SmartDigraph::Node to, long capacity, long cost) {
    const Arc a = g_.addArc(from, to);
    capacity_[a] = capacity;
    cost_[a] = cost;
    return a;
  }

  // Phase 1 finds the most units that can move (push–relabel max flow); phase 2 moves exactly
  // that many at the least cost (network simplex). Together: max tonnage, then min transport.
  void solve() {
    lemon::Preflow<lemon::SmartDigraph, lemon::SmartDigraph::ArcMap<long>> maxFlow(g_, capacity_, source_, sink_);
    maxFlow.runMinCut();
    const long most = maxFlow.flowValue();
    simplex_ = std::make_unique<lemon::NetworkSimplex<lemon::SmartDigraph, long, long>>(g_);
    simplex_->upperMap(capacity_).costMap(cost_).stSupply(source_, sink_, most);
    if (simplex_->run() != lemon::NetworkSimplex<lemon::SmartDigraph, long, long>::OPTIMAL) {
      throw std::logic_error("min-cost flow found no optimum for a feasible flow value");
    }
  }

  [[nodiscard]] long flow(Arc a) const { return simplex_->flow(a); }

 private:
  lemon::SmartDigraph g_;
  lemon::SmartDigraph::ArcMap<long> capacity_;
  lemon::SmartDigraph::ArcMap<long> cost_;
  lemon::SmartDigraph::Node source_;
  lemon::SmartDigraph::Node sink_;
  std::unique_ptr<lemon::NetworkSimplex<lemon::SmartDigraph, long, long>> simplex_;
};

void addExchange(Allocation& a, const ExchangeProblem& problem, const std::vector<Candidate>& all, const Candidate& c,
                 double quantity) {
  const double cost = quantity * c.transportCostPerUnit;
  a.exchanges.push_back({static_cast<std::uint32_t>(&c - all.data()), c.supply, c.receiver, quantity, c.leg.km, cost});
  a.matched += quantity;
  a.unitKm += quantity * c.leg.km;
  a.transportCost += cost;
  a.matchedPerMaterial[problem.supplies[c.supply].material] += quantity;
}

Allocation emptyAllocation(const ExchangeProblem& problem) {
  Allocation a;
  a.matchedPerMaterial.assign(problem.materials.size(), 0.0);
  a.suppliedPerMaterial.assign(problem.materials.size(), 0.0);
  for (const auto& s : problem.supplies) a.suppliedPerMaterial.at(s.material) += s.quantity.value_or(0.0);
  for (std::uint32_t r = 0; r < problem.receivers.size(); ++r) {
    if (!problem.receivers[r].capacity) a.receiversWithoutCapacity.push_back(r);
  }
  return a;
}

bool usable(const ExchangeProblem& problem, const Candidate& c) {
  return problem.receivers[c.receiver].capacity.has_value() && problem.supplies[c.supply].quantity.has_value();
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
    FlowNetwork net;
    std::map<std::uint32_t, lemon::SmartDigraph::Node> supplyNode;
    std::map<std::uint32_t, lemon::SmartDigraph::Node> receiverNode;
    for (const Candidate* c : pairs) {
      if (!supplyNode.contains(c->supply)) {
        supplyNode[c->supply] = net.addNode();
        net.add(net.source(), supplyNode[c->supply], std::lround(*problem.supplies[c->supply].quantity), 0);
      }
      if (!receiverNode.contains(c->receiver)) {
        receiverNode[c->receiver] = net.addNode();
        net.add(receiverNode[c->receiver], net.sink(), std::lround(*problem.receivers[c->receiver].capacity), 0);
      }
    }
    std::vector<std::pair<const Candidate*, FlowNetwork::Arc>> links;
    links.reserve(pairs.size());
    for (const Candidate* c : pairs) {
      const long cost = std::lround(c->transportCostPerUnit * kCostScale);
      const long capacity = std::lround(*problem.supplies[c->supply].quantity);
      links.emplace_back(c, net.add(supplyNode[c->supply], receiverNode[c->receiver], capacity, cost));
    }
    net.solve();
    for (const auto& [c, arc] : links) {
      if (const long q = net.flow(arc); q > 0) addExchange(result, problem, candidates, *c, static_cast<double>(q));
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
  for (const auto& s : problem.supplies) supplyLeft.push_back(std::round(s.quantity.value_or(0.0)));
  std::vector<double> capacityLeft;
  for (const auto& r : problem.receivers) capacityLeft.push_back(r.capacity ? std::round(*r.capacity) : 0.0);
  for (const Candidate* c : order) {
    const double q = std::min(supplyLeft[c->supply], capacityLeft[c->receiver]);
    if (q <= 0) continue;
    supplyLeft[c->supply] -= q;
    capacityLeft[c->receiver] -= q;
    addExchange(result, problem, candidates, *c, q);
  }
  return result;
}

}  // namespace circatlas::analysis::partners
