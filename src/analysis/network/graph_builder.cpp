// GraphBuilder: validation of input edges, expansion into arcs, parallel-arc policy and CSR assembly.
#include "analysis/network/graph_builder.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <limits>
#include <memory>
#include <numeric>
#include <string>
#include <tuple>

#include "core/error.h"

namespace circatlas::analysis::network {
namespace {

constexpr std::size_t kMaxIndex = std::numeric_limits<std::uint32_t>::max() - 1;

void checkWeight(double value, const char* what, const InputEdge& edge) {
  if (!std::isfinite(value) || value < 0.0) {
    core::InputError error(std::string("road edge ") + what + " must be a finite number ≥ 0, got " +
                           std::to_string(value));
    if (edge.sourceFeature) error.setFeature(edge.sourceFeature->value());
    throw error;
  }
}

struct RawArc {
  std::uint32_t tail;
  std::uint32_t head;
  std::uint32_t edge;
};

}  // namespace

NodeId GraphBuilder::addNode(core::XY position) {
  if (positions_.size() >= kMaxIndex) throw core::InputError("road network has too many nodes (more than 2^32 - 2)");
  positions_.push_back(position);
  return NodeId(static_cast<std::uint32_t>(positions_.size() - 1));
}

EdgeId GraphBuilder::addEdge(const InputEdge& edge) {
  for (NodeId node : {edge.from, edge.to}) {
    if (node.value() >= positions_.size()) {
      core::InputError error("road edge refers to node " + std::to_string(node.value()) + " but there are only " +
                             std::to_string(positions_.size()) + " nodes");
      if (edge.sourceFeature) error.setFeature(edge.sourceFeature->value());
      throw error;
    }
  }
  checkWeight(edge.length.value(), "length", edge);
  checkWeight(edge.time.value(), "travel time", edge);
  checkWeight(edge.cost.value(), "cost", edge);
  if (edges_.size() >= kMaxIndex) throw core::InputError("road network has too many edges (more than 2^32 - 2)");
  edges_.push_back({edge.from.value(), edge.to.value(), Totals{edge.length, edge.time, edge.cost}});
  oneway_.push_back(edge.oneway ? 1 : 0);
  edgeHasSource_.push_back(edge.sourceFeature ? 1 : 0);
  edgeSources_.push_back(edge.sourceFeature ? edge.sourceFeature->value() : 0);
  return EdgeId(static_cast<std::uint32_t>(edges_.size() - 1));
}

void GraphBuilder::reserve(std::size_t nodes, std::size_t edges) {
  positions_.reserve(nodes);
  edges_.reserve(edges);
  oneway_.reserve(edges);
  edgeHasSource_.reserve(edges);
  edgeSources_.reserve(edges);
}

// Debug builds: both offset arrays start at 0, never decrease and end at the arc count; every arc
// lies in its tail's out-range and is listed once in its head's in-range.
void GraphBuilder::checkCsr([[maybe_unused]] const RoadGraph& graph) {
#ifndef NDEBUG
  const std::size_t arcs = graph.heads_.size();
  assert(graph.firstOut_.front() == 0 && graph.firstOut_.back() == arcs);
  assert(graph.firstIn_.front() == 0 && graph.firstIn_.back() == arcs);
  assert(std::is_sorted(graph.firstOut_.begin(), graph.firstOut_.end()));
  assert(std::is_sorted(graph.firstIn_.begin(), graph.firstIn_.end()));
  for (std::uint32_t a = 0; a < arcs; ++a) {
    const std::uint32_t tail = graph.tails_[a];
    assert(graph.firstOut_[tail] <= a && a < graph.firstOut_[tail + 1]);
    const ArcId in = graph.inArcs_[a];
    const std::uint32_t head = graph.heads_[in.value()];
    assert(graph.firstIn_[head] <= a && a < graph.firstIn_[head + 1]);
  }
#endif
}

RoadGraph GraphBuilder::build() {
  report_ = BuildReport{};
  report_.edgesAdded = edges_.size();

  // Arcs ordered by (tail, head, edge), which groups parallel arcs and keeps the earlier edge first for
  // ties: a counting sort by tail, then each tail's few arcs sorted by (head, edge).
  const auto nodeCount = static_cast<std::uint32_t>(positions_.size());
  std::vector<std::uint32_t> tailStart(nodeCount + 1, 0);
  std::size_t arcCount = 0;
  for (std::size_t e = 0; e < edges_.size(); ++e) {
    const Edge& edge = edges_[e];
    if (edge.totals.length.value() == 0.0) ++report_.zeroLengthEdges;
    if (edge.from == edge.to) {
      ++report_.selfLoopsDropped;
      continue;
    }
    ++tailStart[edge.from + 1];
    ++arcCount;
    if (oneway_[e] == 0) {
      ++tailStart[edge.to + 1];
      ++arcCount;
    }
  }
  if (arcCount > kMaxIndex) throw core::InputError("road network has too many arcs (more than 2^32 - 2)");
  std::partial_sum(tailStart.begin(), tailStart.end(), tailStart.begin());
  // Default-initialised: every element is written below, so the array is not cleared first.
  const auto raw = std::make_unique_for_overwrite<RawArc[]>(arcCount);
  {
    std::vector<std::uint32_t> fill(tailStart.begin(), tailStart.end() - 1);
    for (std::uint32_t e = 0; e < edges_.size(); ++e) {
      const Edge& edge = edges_[e];
      if (edge.from == edge.to) continue;
      raw[fill[edge.from]++] = {edge.from, edge.to, e};
      if (oneway_[e] == 0) raw[fill[edge.to]++] = {edge.to, edge.from, e};
    }
  }
  const auto byHeadThenEdge = [](const RawArc& a, const RawArc& b) {
    return std::tie(a.head, a.edge) < std::tie(b.head, b.edge);
  };
  for (std::uint32_t v = 0; v < nodeCount; ++v) {
    // Most nodes have one or two arcs: no call to the general sort for those.
    RawArc* first = raw.get() + tailStart[v];
    RawArc* last = raw.get() + tailStart[v + 1];
    if (last - first == 2) {
      if (byHeadThenEdge(first[1], first[0])) std::swap(first[0], first[1]);
    } else if (last - first > 2) {
      std::sort(first, last, byHeadThenEdge);
    }
  }

  RoadGraph::Arrays<RoadGraph::Vector> v;  // the graph's arrays, filled here and then handed to it
  v.positions = std::move(positions_);
  v.firstOut.assign(nodeCount + 1, 0);
  v.tails.reserve(arcCount);
  v.heads.reserve(arcCount);
  v.totals.reserve(arcCount);
  v.edges.reserve(arcCount);
  auto keep = [&](const RawArc& arc) {
    v.tails.push_back(arc.tail);
    v.heads.push_back(arc.head);
    v.totals.push_back(edges_[arc.edge].totals);
    v.edges.push_back(arc.edge);
    ++v.firstOut[arc.tail + 1];
  };
  for (std::size_t begin = 0; begin < arcCount;) {
    std::size_t end = begin + 1;
    while (end < arcCount && raw[end].tail == raw[begin].tail && raw[end].head == raw[begin].head) ++end;
    if (end == begin + 1) {  // no parallel arc: the common case
      keep(raw[begin]);
      begin = end;
      continue;
    }
    // Keep every arc of the group that is strictly the cheapest in some metric (earliest wins ties).
    const auto totalsOf = [&](std::size_t i) -> const Totals& { return edges_[raw[i].edge].totals; };
    std::array<std::size_t, 3> best{begin, begin, begin};
    for (std::size_t i = begin + 1; i < end; ++i) {
      for (std::size_t m = 0; m < 3; ++m) {
        const auto metric = static_cast<Metric>(m);
        if (totalsOf(i).in(metric) < totalsOf(best[m]).in(metric)) best[m] = i;
      }
    }
    std::sort(best.begin(), best.end());
    const auto last = std::unique(best.begin(), best.end());
    for (auto it = best.begin(); it != last; ++it) keep(raw[*it]);
    report_.parallelArcsDropped += (end - begin) - static_cast<std::size_t>(last - best.begin());
    begin = end;
  }
  std::partial_sum(v.firstOut.begin(), v.firstOut.end(), v.firstOut.begin());
  report_.arcsKept = v.heads.size();

  // Reverse adjacency: arc ids grouped by head (counting sort keeps them in tail order).
  v.firstIn.assign(nodeCount + 1, 0);
  for (std::uint32_t head : v.heads) ++v.firstIn[head + 1];
  std::partial_sum(v.firstIn.begin(), v.firstIn.end(), v.firstIn.begin());
  v.inArcs.resize(v.heads.size());
  std::vector<std::uint32_t> fill(v.firstIn.begin(), v.firstIn.end() - 1);
  for (std::uint32_t a = 0; a < v.heads.size(); ++a) v.inArcs[fill[v.heads[a]]++] = ArcId(a);

  v.edgeHasSource = std::move(edgeHasSource_);
  v.edgeSources = std::move(edgeSources_);
  // The builder is empty from here on (moved-from vectors are emptied to be sure).
  positions_.clear();
  edges_ = {};
  oneway_ = {};
  edgeHasSource_.clear();
  edgeSources_.clear();
  RoadGraph graph = RoadGraph::adopt({std::move(v.positions), std::move(v.firstOut), std::move(v.tails),
                                      std::move(v.heads), std::move(v.totals), std::move(v.edges), std::move(v.firstIn),
                                      std::move(v.inArcs), std::move(v.edgeHasSource), std::move(v.edgeSources)});
  checkCsr(graph);
  return graph;
}

}  // namespace circatlas::analysis::network
