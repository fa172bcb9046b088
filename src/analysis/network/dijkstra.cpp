// Dijkstra with a bucket queue and lazy deletion, timestamps instead of clearing arrays per query.
#include "analysis/network/dijkstra.h"

#include <algorithm>
#include <cassert>
#include <limits>

#include "core/parallel.h"

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

SearchArcs::SearchArcs(const RoadGraph& graph, Metric metric, bool backward)
    : metric_(metric), backward_(backward), first_(graph.nodeCount() + 1, 0), arcs_(graph.arcCount()) {
  const std::uint32_t nodes = graph.nodeCount();
  for (std::uint32_t v = 0; v < nodes; ++v) {
    const std::size_t degree = backward ? graph.inArcs(NodeId(v)).size() : graph.outArcs(NodeId(v)).size();
    first_[v + 1] = first_[v] + static_cast<std::uint32_t>(degree);
  }
  core::parallelFor(nodes, 0, 1 << 14, [&](unsigned, std::size_t begin, std::size_t end) {
    for (auto v = static_cast<std::uint32_t>(begin); v < end; ++v) {
      Arc* out = arcs_.data() + first_[v];
      const auto put = [&](ArcId a, NodeId other) { *out++ = {graph.weight(a, metric), other.value(), a.value()}; };
      if (backward) {
        for (ArcId a : graph.inArcs(NodeId(v))) put(a, graph.tail(a));
      } else {
        for (ArcId a : graph.outArcs(NodeId(v))) put(a, graph.head(a));
      }
    }
  });
  for (const Arc& arc : arcs_) maxWeight_ = std::max(maxWeight_, arc.weight);
}

Dijkstra::Dijkstra(const RoadGraph& graph, Metric metric, const SearchArcs* shared)
    : graph_(&graph),
      metric_(metric),
      shared_(shared),
      labels_(graph.nodeCount()),
      totals_(graph.nodeCount()),
      summed_(graph.nodeCount(), 0),
      parentArc_(graph.nodeCount(), kNoArc) {}

const SearchArcs& Dijkstra::arcs(bool backward) {
  if (shared_ && shared_->backward() == backward && shared_->metric() == metric_) return *shared_;
  auto& own = own_[backward ? 1 : 0];
  if (!own) own = std::make_unique<SearchArcs>(*graph_, metric_, backward);
  return *own;
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
  const SearchArcs& laidOut = arcs(backward);
  queue_.clear(laidOut.maxWeight());
  for (const Anchor& anchor : anchors) {
    const std::uint32_t v = anchor.node.value();
    const double d = anchor.offset.in(metric_);
    Label& label = labels_[v];
    if (label.stamp != round_ || d < label.dist) {
      label.stamp = round_;
      label.dist = d;
      totals_[v] = anchor.offset;
      parentArc_[v] = kNoArc;
      queue_.push(d, v);
    }
  }
  settleAll(laidOut, remaining);
  sumTotals(stopAt, backward);
}

void Dijkstra::settleAll(const SearchArcs& arcs, std::size_t remaining) {
  SettleOrder order;
  while (!queue_.empty() && remaining > 0) {
    const auto [d, u] = queue_.pop();
    Label& label = labels_[u];
    if (d > label.dist) continue;  // stale entry
    order.settle(d);
    if (label.target == round_) {
      label.target = 0;
      --remaining;
    }
    for (const SearchArcs::Arc& arc : arcs.of(u)) {
      assert(arc.weight >= 0.0);
      const double candidate = d + arc.weight;
      Label& next = labels_[arc.node];
      if (next.stamp != round_ || candidate < next.dist) {
        next.stamp = round_;
        next.dist = candidate;
        parentArc_[arc.node] = arc.arc;
        queue_.push(candidate, arc.node);
        // The node is settled after the rest of the search front, by when its arcs are in the cache:
        // reading them then would otherwise wait for memory at every node.
        __builtin_prefetch(arcs.of(arc.node).data());
      }
    }
  }
}

void Dijkstra::sumTotals(std::span<const NodeId> nodes, bool backward) {
  const RoadGraph& graph = *graph_;
  const auto parent = [&](std::uint32_t v) {
    const ArcId arc(parentArc_[v]);
    return backward ? graph.head(arc).value() : graph.tail(arc).value();
  };
  for (NodeId node : nodes) {
    std::uint32_t v = node.value();
    if (labels_[v].stamp != round_) continue;
    // Up the tree to a node summed already or to an anchor (whose totals are its offset), then down again.
    path_.clear();
    while (summed_[v] != round_ && parentArc_[v] != kNoArc) {
      path_.push_back(v);
      v = parent(v);
    }
    for (auto it = path_.rbegin(); it != path_.rend(); ++it) {
      totals_[*it] = totals_[parent(*it)] + graph.totals(ArcId(parentArc_[*it]));
      summed_[*it] = round_;
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
