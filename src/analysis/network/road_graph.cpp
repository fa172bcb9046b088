// RoadGraph look-ups that are more than an array access, and the graph's arrays out and back in.
#include "analysis/network/road_graph.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>

#include "core/error.h"

namespace circatlas::analysis::network {
namespace {

[[noreturn]] void refuse(const std::string& what) { throw core::InputError("road graph arrays: " + what); }

// Offsets into `size` entries: `nodes` + 1 of them, rising from 0 to size.
void checkOffsets(const core::SharedArray<std::uint32_t>& offsets, std::size_t nodes, std::size_t size,
                  const char* name) {
  if (offsets.size() != nodes + 1)
    refuse(std::string(name) + " offsets: " + std::to_string(offsets.size()) + " for " + std::to_string(nodes) +
           " nodes");
  if (offsets.front() != 0 || offsets.back() != size) refuse(std::string(name) + " offsets do not span the arcs");
  for (std::size_t v = 0; v < nodes; ++v) {
    if (offsets[v] > offsets[v + 1]) refuse(std::string(name) + " offsets fall at node " + std::to_string(v));
  }
}

bool finiteFigures(const Totals& t) {
  const double values[] = {t.length.value(), t.time.value(), t.cost.value()};
  for (double v : values) {
    if (!std::isfinite(v) || v < 0) return false;
  }
  return true;
}

}  // namespace

std::size_t RoadGraph::distinctNeighbours(NodeId node, std::size_t limit) const {
  assert(limit <= 3);
  std::uint32_t found[4];
  std::size_t count = 0;
  auto see = [&](std::uint32_t other) {
    if (count > limit || std::find(found, found + count, other) != found + count) return;
    found[count++] = other;
  };
  for (const ArcId arc : outArcs(node)) see(head(arc).value());
  for (const ArcId arc : inArcs(node)) see(tail(arc).value());
  return count;
}

std::optional<ArcId> RoadGraph::cheapestArc(NodeId from, NodeId to, Metric metric) const {
  std::optional<ArcId> best;
  for (ArcId arc : outArcs(from)) {
    if (head(arc) == to && (!best || weight(arc, metric) < weight(*best, metric))) best = arc;
  }
  return best;
}

RoadGraph::View RoadGraph::view() const noexcept {
  return {positions_.span(), firstOut_.span(), tails_.span(),  heads_.span(),         totals_.span(),
          edges_.span(),     firstIn_.span(),  inArcs_.span(), edgeHasSource_.span(), edgeSources_.span()};
}

RoadGraph RoadGraph::adopt(Data&& d) {
  RoadGraph g;
  g.positions_ = std::move(d.positions);
  g.firstOut_ = std::move(d.firstOut);
  g.tails_ = std::move(d.tails);
  g.heads_ = std::move(d.heads);
  g.totals_ = std::move(d.totals);
  g.edges_ = std::move(d.edges);
  g.firstIn_ = std::move(d.firstIn);
  g.inArcs_ = std::move(d.inArcs);
  g.edgeHasSource_ = std::move(d.edgeHasSource);
  g.edgeSources_ = std::move(d.edgeSources);
  return g;
}

RoadGraph RoadGraph::fromData(Data&& d) {
  const std::size_t nodes = d.positions.size();
  const std::size_t arcs = d.heads.size();
  if (d.tails.size() != arcs || d.totals.size() != arcs || d.edges.size() != arcs || d.inArcs.size() != arcs) {
    refuse("the arc arrays differ in size");
  }
  if (nodes > UINT32_MAX || arcs > UINT32_MAX || d.edgeSources.size() > UINT32_MAX) refuse("too many nodes or arcs");
  if (d.edgeHasSource.size() != d.edgeSources.size()) refuse("the edge arrays differ in size");
  for (std::size_t e = 0; e < d.edgeHasSource.size(); ++e) {
    if (d.edgeHasSource[e] > 1) refuse("edge " + std::to_string(e) + " neither has a source feature nor has none");
  }
  for (std::size_t v = 0; v < nodes; ++v) {
    if (!std::isfinite(d.positions[v].x) || !std::isfinite(d.positions[v].y)) {
      refuse("node " + std::to_string(v) + " has no finite position");
    }
  }
  checkOffsets(d.firstOut, nodes, arcs, "out-arc");
  checkOffsets(d.firstIn, nodes, arcs, "in-arc");
  for (std::size_t v = 0; v < nodes; ++v) {
    for (std::uint32_t a = d.firstOut[v]; a < d.firstOut[v + 1]; ++a) {
      const auto arc = [a](const char* what) { refuse("arc " + std::to_string(a) + what); };
      if (d.tails[a] != v) arc(" leaves another node than the one it is listed under");
      if (d.heads[a] >= nodes || d.heads[a] == v) arc(" leads to no other node of the graph");
      if (a > d.firstOut[v] && d.heads[a] < d.heads[a - 1]) arc(" is out of order (arcs sort by head)");
      if (d.edges[a] >= d.edgeSources.size()) arc(" comes from an edge the graph does not have");
      if (!finiteFigures(d.totals[a])) arc(" has a negative or not finite length, time or cost");
    }
  }
  // The in-lists regroup every arc exactly once, under its head.
  std::vector<bool> listed(arcs, false);
  for (std::size_t v = 0; v < nodes; ++v) {
    for (std::uint32_t i = d.firstIn[v]; i < d.firstIn[v + 1]; ++i) {
      const std::uint32_t a = d.inArcs[i].value();
      if (a >= arcs || listed[a] || d.heads[a] != v) {
        refuse("the in-arcs of node " + std::to_string(v) + " are not its arcs");
      }
      listed[a] = true;
    }
  }
  return adopt(std::move(d));
}

}  // namespace circatlas::analysis::network
