// Dijkstra with a binary heap and lazy deletion, timestamps instead of clearing arrays per query.
#include "analysis/network/dijkstra.h"

#include <algorithm>
#include <cassert>
#include <functional>
#include <limits>
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

Dijkstra::Dijkstra(const RoadGraph& graph, Metric metric)
    : graph_(&graph),
      metric_(metric),
      labels_(graph.nodeCount()),
      totals_(graph.nodeCount()),
      parentArc_(graph.nodeCount(), kNoArc) {}

void Dijkstra::run(NodeId source, std::span<const NodeId> targets) {
  const Anchor from[] = {{source, {}}};
  search(from, targets);
}

std::optional<Path> Dijkstra::route(NodeId source, NodeId target) {
  const NodeId targets[] = {target};
  run(source, targets);
  if (!reached(target.value())) return std::nullopt;
  Path path;
  path.totals = totals_[target.value()];
  for (std::uint32_t v = target.value(); v != source.value();) {
    const ArcId arc(parentArc_[v]);
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
  std::size_t remaining = 0;
  for (NodeId t : stopAt) {
    if (labels_[t.value()].target != round_) {
      labels_[t.value()].target = round_;
      ++remaining;
    }
  }
  heap_.clear();
  for (const Anchor& anchor : anchors) {
    const std::uint32_t v = anchor.node.value();
    const double d = anchor.offset.in(metric_);
    Label& label = labels_[v];
    if (label.stamp != round_ || d < label.dist) {
      label.stamp = round_;
      label.dist = d;
      totals_[v] = anchor.offset;
      parentArc_[v] = kNoArc;
      heap_.emplace_back(d, v);
      std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
    }
  }
  if (backward) {
    settleAll<true>(remaining);
  } else {
    settleAll<false>(remaining);
  }
}

template <bool Backward>
void Dijkstra::settleAll(std::size_t remaining) {
  const RoadGraph& graph = *graph_;
  const auto relax = [&](std::uint32_t u, double d, ArcId arc, std::uint32_t v) {
    assert(graph.weight(arc, metric_) >= 0.0);
    const double candidate = d + graph.weight(arc, metric_);
    Label& label = labels_[v];
    if (label.stamp != round_ || candidate < label.dist) {
      label.stamp = round_;
      label.dist = candidate;
      totals_[v] = totals_[u] + graph.totals(arc);
      parentArc_[v] = arc.value();
      heap_.emplace_back(candidate, v);
      std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
    }
  };
  SettleOrder order;
  while (!heap_.empty() && remaining > 0) {
    std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
    const auto [d, u] = heap_.back();
    heap_.pop_back();
    Label& label = labels_[u];
    if (d > label.dist) continue;  // stale entry
    order.settle(d);
    if (label.target == round_) {
      label.target = 0;
      --remaining;
    }
    if constexpr (Backward) {
      for (ArcId arc : graph.inArcs(NodeId(u))) relax(u, d, arc, graph.tail(arc).value());
    } else {
      for (ArcId arc : graph.outArcs(NodeId(u))) relax(u, d, arc, graph.head(arc).value());
    }
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
  result.totals = totals_[best->node.value()] + best->offset;
  result.targetNode = best->node;
  std::uint32_t v = best->node.value();
  for (; parentArc_[v] != kNoArc; v = graph_->tail(ArcId(parentArc_[v])).value())
    result.arcs.emplace_back(parentArc_[v]);
  result.sourceNode = NodeId(v);
  std::reverse(result.arcs.begin(), result.arcs.end());
  return result;
}

std::vector<std::optional<Totals>> Dijkstra::distances(NodeId source, std::span<const NodeId> targets) {
  run(source, targets);
  std::vector<std::optional<Totals>> result;
  result.reserve(targets.size());
  for (NodeId t : targets) {
    result.push_back(reached(t.value()) ? std::optional<Totals>(totals_[t.value()]) : std::nullopt);
  }
  return result;
}

}  // namespace circatlas::analysis::network
