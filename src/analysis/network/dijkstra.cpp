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
      stamp_(graph.nodeCount(), 0),
      dist_(graph.nodeCount(), 0.0),
      totals_(graph.nodeCount()),
      parentArc_(graph.nodeCount(), kNoArc),
      targetMark_(graph.nodeCount(), 0) {}

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
    if (targetMark_[t.value()] != round_) {
      targetMark_[t.value()] = round_;
      ++remaining;
    }
  }
  using Entry = std::pair<double, std::uint32_t>;
  heap_.clear();
  const auto push = [&](double d, std::uint32_t v) {
    heap_.emplace_back(d, v);
    std::push_heap(heap_.begin(), heap_.end(), std::greater<>{});
  };
  for (const Anchor& anchor : anchors) {
    const std::uint32_t v = anchor.node.value();
    const double d = anchor.offset.in(metric_);
    if (!reached(v) || d < dist_[v]) {
      stamp_[v] = round_;
      dist_[v] = d;
      totals_[v] = anchor.offset;
      parentArc_[v] = kNoArc;
      push(d, v);
    }
  }
  const auto relax = [&](std::uint32_t u, double d, ArcId arc, std::uint32_t v) {
    assert(graph_->weight(arc, metric_) >= 0.0);
    const double candidate = d + graph_->weight(arc, metric_);
    if (!reached(v) || candidate < dist_[v]) {
      stamp_[v] = round_;
      dist_[v] = candidate;
      totals_[v] = totals_[u] + graph_->totals(arc);
      parentArc_[v] = arc.value();
      push(candidate, v);
    }
  };
  SettleOrder order;
  while (!heap_.empty() && remaining > 0) {
    std::pop_heap(heap_.begin(), heap_.end(), std::greater<>{});
    const Entry top = heap_.back();
    heap_.pop_back();
    const auto [d, u] = top;
    if (d > dist_[u]) continue;  // stale entry
    order.settle(d);
    if (targetMark_[u] == round_) {
      targetMark_[u] = 0;
      --remaining;
    }
    if (backward) {
      for (ArcId arc : graph_->inArcs(NodeId(u))) relax(u, d, arc, graph_->tail(arc).value());
    } else {
      for (ArcId arc : graph_->outArcs(NodeId(u))) relax(u, d, arc, graph_->head(arc).value());
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
    const double value = dist_[t.node.value()] + t.offset.in(metric_);
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
