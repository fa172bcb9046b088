// JunctionGraph: chain nodes found in one pass, then every run walked from its kept ends into a GraphBuilder.
#include "analysis/network/junction_graph.h"

#include <cassert>

#include "analysis/network/graph_builder.h"
#include "core/parallel.h"

namespace circatlas::analysis::network {
namespace {

// Whether v only passes a road on: exactly two distinct neighbours and no parallel arcs, in or out.
bool isChainNode(const RoadGraph& graph, std::uint32_t v) {
  const ArcRange out = graph.outArcs(NodeId(v));
  const std::span<const ArcId> in = graph.inArcs(NodeId(v));
  if (out.size() > 2 || in.size() > 2 || out.size() + in.size() < 2) return false;
  std::uint32_t heads[2];
  std::uint32_t tails[2];
  std::size_t h = 0;
  for (const ArcId arc : out) heads[h++] = graph.head(arc).value();
  std::size_t t = 0;
  for (const ArcId arc : in) tails[t++] = graph.tail(arc).value();
  if ((h == 2 && heads[0] == heads[1]) || (t == 2 && tails[0] == tails[1])) return false;
  std::uint32_t neighbours[2];
  std::size_t count = 0;
  for (std::size_t i = 0; i < h + t; ++i) {
    const std::uint32_t other = i < h ? heads[i] : tails[i - h];
    if (count > 0 && neighbours[0] == other) continue;
    if (count > 1 && neighbours[1] == other) continue;
    if (count == 2) return false;
    neighbours[count++] = other;
  }
  return count == 2;
}

}  // namespace

JunctionGraph::JunctionGraph(const RoadGraph& graph, std::span<const NodeId> keep) {
  const std::uint32_t n = graph.nodeCount();
  std::vector<std::uint8_t> kept(n, 0);
  core::parallelFor(n, 0, 1 << 16, [&](unsigned, std::size_t begin, std::size_t end) {
    for (std::size_t v = begin; v < end; ++v) kept[v] = isChainNode(graph, static_cast<std::uint32_t>(v)) ? 0 : 1;
  });
  for (const NodeId node : keep) kept[node.value()] = 1;

  GraphBuilder builder;
  nodeOf_.assign(n, kNone);
  for (std::uint32_t v = 0; v < n; ++v) {
    if (kept[v]) nodeOf_[v] = builder.addNode(graph.position(NodeId(v))).value();
  }
  // Every arc leaving a kept node starts one run; the run's other end is the next kept node along it.
  // A chain node has two neighbours, so the walk's next arc is the one that does not turn back; when
  // there is none the road is one-way against the walk and the run gives no arc this way.
  for (std::uint32_t k = 0; k < n; ++k) {
    if (!kept[k]) continue;
    for (const ArcId first : graph.outArcs(NodeId(k))) {
      Totals sum = graph.totals(first);
      std::uint32_t previous = k;
      std::uint32_t at = graph.head(first).value();
      bool open = true;
      while (!kept[at]) {
        open = false;
        for (const ArcId arc : graph.outArcs(NodeId(at))) {
          const std::uint32_t next = graph.head(arc).value();
          if (next == previous) continue;
          sum = sum + graph.totals(arc);
          previous = at;
          at = next;
          open = true;
          break;
        }
        if (!open) break;
      }
      if (!open || at == k) continue;  // blocked by a one-way road, or a loop back to k
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
