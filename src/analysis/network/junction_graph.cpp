// JunctionGraph: chain nodes found in one pass, then every run walked from its kept ends into a GraphBuilder.
#include "analysis/network/junction_graph.h"

#include <cassert>
#include <iterator>
#include <optional>
#include <utility>

#include "analysis/network/graph_builder.h"
#include "core/parallel.h"

namespace circatlas::analysis::network {
namespace {

// Whether v only passes a road on: exactly two distinct neighbours and no parallel arcs, in or out.
bool isChainNode(const RoadGraph& graph, NodeId v) {
  const ArcRange out = graph.outArcs(v);
  const std::span<const ArcId> in = graph.inArcs(v);
  if (out.size() > 2 || in.size() > 2) return false;
  if (out.size() == 2 && graph.head(*out.begin()) == graph.head(*std::next(out.begin()))) return false;
  if (in.size() == 2 && graph.tail(in[0]) == graph.tail(in[1])) return false;
  return graph.distinctNeighbours(v, 2) == 2;
}

// The arc onward from chain node `at`, reached from `from`: the one that does not turn back, if any.
std::optional<ArcId> onward(const RoadGraph& graph, std::uint32_t at, std::uint32_t from) {
  for (const ArcId arc : graph.outArcs(NodeId(at))) {
    if (graph.head(arc).value() != from) return arc;
  }
  return std::nullopt;
}

}  // namespace

JunctionGraph::JunctionGraph(const RoadGraph& graph, std::span<const NodeId> keep) {
  const std::uint32_t n = graph.nodeCount();
  std::vector<std::uint8_t> kept(n, 0);
  core::parallelFor(n, 0, 1 << 16, [&](unsigned, std::size_t begin, std::size_t end) {
    for (std::size_t v = begin; v < end; ++v)
      kept[v] = isChainNode(graph, NodeId(static_cast<std::uint32_t>(v))) ? 0 : 1;
  });
  for (const NodeId node : keep) kept[node.value()] = 1;

  GraphBuilder builder;
  nodeOf_.assign(n, kNone);
  for (std::uint32_t v = 0; v < n; ++v) {
    if (kept[v]) nodeOf_[v] = builder.addNode(graph.position(NodeId(v))).value();
  }
  // Every arc leaving a kept node starts one run; the run's other end is the next kept node along it.
  // When a chain node has no arc onward, the road is one-way against the walk: no arc this way.
  for (std::uint32_t k = 0; k < n; ++k) {
    if (!kept[k]) continue;
    for (const ArcId first : graph.outArcs(NodeId(k))) {
      Totals sum = graph.totals(first);
      std::uint32_t previous = k;
      std::uint32_t at = graph.head(first).value();
      bool blocked = false;
      while (!kept[at] && !blocked) {
        const std::optional<ArcId> next = onward(graph, at, previous);
        blocked = !next;
        if (next) {
          sum = sum + graph.totals(*next);
          previous = std::exchange(at, graph.head(*next).value());
        }
      }
      if (blocked || at == k) continue;  // one-way against the walk, or a loop back to k
      builder.addEdge({NodeId(nodeOf_[k]), NodeId(nodeOf_[at]), sum.length, sum.time, sum.cost, true, std::nullopt});
    }
  }
  graph_ = builder.build();
}

std::vector<std::vector<Anchor>> JunctionGraph::translate(std::span<const std::vector<Anchor>> anchors) const {
  std::vector<std::vector<Anchor>> out(anchors.size());
  for (std::size_t i = 0; i < anchors.size(); ++i) {
    out[i].reserve(anchors[i].size());
    for (const Anchor& a : anchors[i]) {
      assert(nodeOf_[a.node.value()] != kNone);
      out[i].push_back({NodeId(nodeOf_[a.node.value()]), a.offset});
    }
  }
  return out;
}

}  // namespace circatlas::analysis::network
