// Dijkstra with a radix heap and lazy deletion, timestamps instead of clearing arrays per query, totals summed on
// demand.
#include "analysis/network/dijkstra.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

namespace circatlas::analysis::network {
namespace {
constexpr std::uint32_t kNoArc = 0xffffffffu;

// Debug builds: with non-negative weights nodes settle in non-decreasing distance.
class SettleOrder {
 public:
  void settle([[maybe_unused]] double distance) {
#ifndef NDEBUG
    assert(distance >= last_);
    last_ = distance;
#endif
  }

 private:
#ifndef NDEBUG
  double last_ = -std::numeric_limits<double>::infinity();
#endif
};
}  // namespace

SearchArcs::SearchArcs(const RoadGraph& graph, Metric metric, bool backward) : metric_(metric), backward_(backward) {
  const RoadGraph::View view = graph.view();
  first_ = backward ? view.firstIn : view.firstOut;
  arcs_.resize(graph.arcCount());
  for (std::uint32_t i = 0; i < graph.arcCount(); ++i) {
    const ArcId arc = backward ? view.inArcs[i] : ArcId(i);
    arcs_[i] = {graph.weight(arc, metric), backward ? graph.tail(arc).value() : graph.head(arc).value(), arc.value()};
  }
}

Dijkstra::Dijkstra(const RoadGraph& graph, Metric metric)
    : graph_(&graph), metric_(metric), labels_(graph.nodeCount()), isTarget_((graph.nodeCount() + 63) / 64, 0) {}

Dijkstra::Dijkstra(const RoadGraph& graph, const SearchArcs& arcs) : Dijkstra(graph, arcs.metric()) {
  if (arcs.size() != graph.arcCount()) {
    throw std::invalid_argument("Dijkstra: search arcs of " + std::to_string(arcs.size()) + " arcs for a graph of " +
                                std::to_string(graph.arcCount()));
  }
  arcs_ = &arcs;
}

void Dijkstra::run(NodeId source, std::span<const NodeId> targets) {
  const Anchor from[] = {{source, {}}};
  search(from, targets);
}

std::optional<Path> Dijkstra::route(NodeId source, NodeId target) {
  const NodeId targets[] = {target};
  run(source, targets);
  if (!reached(target.value())) return std::nullopt;
  Path path;
  path.totals = totals(target.value());
  for (std::uint32_t v = target.value(); v != source.value();) {
    const ArcId arc(labels_[v].parentArc);
    path.arcs.push_back(arc);
    path.nodes.emplace_back(v);
    v = graph_->tail(arc).value();
  }
  path.nodes.push_back(source);
  std::reverse(path.nodes.begin(), path.nodes.end());
  std::reverse(path.arcs.begin(), path.arcs.end());
  return path;
}

void Dijkstra::search(std::span<const Anchor> anchors, std::span<const NodeId> stopAt, bool backward) {
  ++round_;
  backward_ = backward;
  std::size_t remaining = 0;
  for (NodeId t : stopAt) {
    std::uint64_t& word = isTarget_[t.value() / 64];
    const std::uint64_t bit = std::uint64_t{1} << (t.value() % 64);
    if (!(word & bit)) {
      word |= bit;
      ++remaining;
    }
  }
  heap_.clear();
  roots_.clear();
  for (const Anchor& anchor : anchors) {
    const std::uint32_t v = anchor.node.value();
    const double d = anchor.offset.in(metric_);
    Label& label = labels_[v];
    if (label.stamp != round_ || d < label.dist) {
      if (label.stamp != round_) {
        roots_.push_back({v, anchor.offset});
      } else {
        for (Root& root : roots_) {
          if (root.node == v) root.offset = anchor.offset;
        }
      }
      label.stamp = round_;
      label.dist = d;
      label.parentArc = kNoArc;
      heap_.push(d, v);
    }
  }
  const RoadGraph& graph = *graph_;
  const Metric metric = metric_;
  if (arcs_ && arcs_->backward() == backward) {
    settleAll(remaining, [this](std::uint32_t u, auto&& relax) {
      for (const SearchArcs::Arc& a : arcs_->of(u)) relax(a.weight, a.other, a.arc);
    });
  } else if (backward) {
    settleAll(remaining, [&graph, metric](std::uint32_t u, auto&& relax) {
      for (ArcId arc : graph.inArcs(NodeId(u))) relax(graph.weight(arc, metric), graph.tail(arc).value(), arc.value());
    });
  } else {
    settleAll(remaining, [&graph, metric](std::uint32_t u, auto&& relax) {
      for (ArcId arc : graph.outArcs(NodeId(u))) relax(graph.weight(arc, metric), graph.head(arc).value(), arc.value());
    });
  }
  // Targets left unsettled (unreachable, or the heap ran dry) are unmarked for the next search.
  for (NodeId t : stopAt) isTarget_[t.value() / 64] &= ~(std::uint64_t{1} << (t.value() % 64));
}

std::uint32_t Dijkstra::parentOf(std::uint32_t node) const {
  const ArcId arc(labels_[node].parentArc);
  return backward_ ? graph_->head(arc).value() : graph_->tail(arc).value();
}

const Totals& Dijkstra::totals(std::uint32_t node) {
  assert(reached(node));
  if (totals_.empty()) {
    totals_.resize(labels_.size());
    totalsStamp_.assign(labels_.size(), 0);
  }
  // Back along the parent arcs to an anchor or a node summed before, then forward adding each arc.
  pathScratch_.clear();
  std::uint32_t v = node;
  while (totalsStamp_[v] != round_ && labels_[v].parentArc != kNoArc) {
    pathScratch_.push_back(v);
    v = parentOf(v);
  }
  if (totalsStamp_[v] != round_) {
    const auto root = std::find_if(roots_.begin(), roots_.end(), [v](const Root& r) { return r.node == v; });
    assert(root != roots_.end());
    totals_[v] = root->offset;
    totalsStamp_[v] = round_;
  }
  for (auto it = pathScratch_.rbegin(); it != pathScratch_.rend(); ++it) {
    totals_[*it] = totals_[v] + graph_->totals(ArcId(labels_[*it].parentArc));
    totalsStamp_[*it] = round_;
    v = *it;
  }
  return totals_[node];
}

template <typename ArcsOf>
void Dijkstra::settleAll(std::size_t remaining, const ArcsOf& arcsOf) {
  const auto relax = [this](double d) {
    return [this, d](double weight, std::uint32_t v, std::uint32_t arc) {
      assert(weight >= 0.0);
      const double candidate = d + weight;
      Label& label = labels_[v];
      if (label.stamp != round_ || candidate < label.dist) {
        label.stamp = round_;
        label.dist = candidate;
        label.parentArc = arc;
        heap_.push(candidate, v);
      }
    };
  };
  SettleOrder order;
  while (!heap_.empty() && remaining > 0) {
    const auto [d, u] = heap_.pop();
    if (d > labels_[u].dist) continue;  // stale entry
    order.settle(d);
    std::uint64_t& word = isTarget_[u / 64];
    const std::uint64_t bit = std::uint64_t{1} << (u % 64);
    if (word & bit) {
      word &= ~bit;
      --remaining;
    }
    arcsOf(u, relax(d));
  }
}

std::optional<AnchoredRoute> Dijkstra::route(std::span<const Anchor> sources, std::span<const Anchor> targets) {
  std::vector<NodeId> stop;
  stop.reserve(targets.size());
  for (const Anchor& t : targets) stop.push_back(t.node);
  search(sources, stop);
  const Anchor* best = nullptr;
  double bestValue = 0.0;
  for (const Anchor& t : targets) {
    if (!reached(t.node.value())) continue;
    const double value = labels_[t.node.value()].dist + t.offset.in(metric_);
    if (!best || value < bestValue) {
      best = &t;
      bestValue = value;
    }
  }
  if (!best) return std::nullopt;
  AnchoredRoute result;
  result.totals = totals(best->node.value()) + best->offset;
  result.targetNode = best->node;
  std::uint32_t v = best->node.value();
  for (; labels_[v].parentArc != kNoArc; v = graph_->tail(ArcId(labels_[v].parentArc)).value())
    result.arcs.emplace_back(labels_[v].parentArc);
  result.sourceNode = NodeId(v);
  std::reverse(result.arcs.begin(), result.arcs.end());
  return result;
}

std::vector<std::optional<Totals>> Dijkstra::distances(NodeId source, std::span<const NodeId> targets) {
  run(source, targets);
  std::vector<std::optional<Totals>> result;
  result.reserve(targets.size());
  for (NodeId t : targets) {
    result.push_back(reached(t.value()) ? std::optional<Totals>(totals(t.value())) : std::nullopt);
  }
  return result;
}

}  // namespace circatlas::analysis::network
