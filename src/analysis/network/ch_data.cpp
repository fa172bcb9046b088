// ContractionHierarchy::fromData: a hierarchy from arrays kept elsewhere, checked against itself and its graph.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "analysis/network/contraction_hierarchy.h"
#include "core/error.h"

namespace circatlas::analysis::network {
namespace {

[[noreturn]] void refuse(const std::string& what) {
  throw core::InputError("the contraction hierarchy does not fit the road network: " + what);
}

// Offsets of n nodes' arcs into an array of `arcs` arcs: n + 1 of them, from 0, never decreasing, ending at `arcs`.
// Returns each arc's owner node.
std::unique_ptr<std::uint32_t[]> checkOffsets(const core::SharedArray<std::uint32_t>& begin, std::uint32_t n,
                                              std::size_t arcs, const char* side) {
  if (begin.size() != std::size_t{n} + 1 || begin.front() != 0 || begin.back() != arcs) {
    refuse(std::string(side) + " arc offsets do not cover the " + side + " arcs");
  }
  // All of them first: an offset past the arcs is found before any arc is visited through it.
  for (std::uint32_t v = 0; v < n; ++v) {
    if (begin[v] > begin[v + 1]) refuse(std::string(side) + " arc offsets decrease at node " + std::to_string(v));
  }
  // Not zeroed first: every entry is written (the offsets cover the arcs).
  auto owner = std::make_unique_for_overwrite<std::uint32_t[]>(arcs);
  for (std::uint32_t v = 0; v < n; ++v) std::fill(owner.get() + begin[v], owner.get() + begin[v + 1], v);
  return owner;
}

}  // namespace

ContractionHierarchy ContractionHierarchy::fromData(const RoadGraph& graph, Metric metric, Data&& data) {
  const std::uint32_t n = graph.nodeCount();
  if (data.rank.size() != n) {
    refuse(std::to_string(data.rank.size()) + " ranked nodes for a network of " + std::to_string(n));
  }
  if (data.coreBegin > n) refuse("the core starts past the last rank");
  std::vector<bool> taken(n, false);
  for (std::uint32_t r : data.rank) {
    if (r >= n || taken[r]) refuse("the contraction order is not one rank per node");
    taken[r] = true;
  }
  const auto forwardOwner = checkOffsets(data.forwardBegin, n, data.forward.size(), "forward");
  const auto backwardOwner = checkOffsets(data.backwardBegin, n, data.backward.size(), "backward");
  const auto& rank = data.rank;
  const auto isCore = [&](std::uint32_t v) { return rank[v] >= data.coreBegin; };

  // One arc of node v's list; `forward`: v → other, else other → v.
  const auto check = [&](std::uint32_t v, const ChArc& arc, bool forward) {
    // The message is made only on failure: this runs for every arc of the hierarchy.
    const auto fail = [&](const char* what) {
      refuse(std::string("the ") + (forward ? "forward" : "backward") + " arc of node " + std::to_string(v) + what);
    };
    if (arc.other >= n) fail(" leads to no node");
    if (isCore(v) ? !isCore(arc.other) : rank[arc.other] <= rank[v]) fail(" does not lead up");
    const std::uint32_t tail = forward ? v : arc.other;
    const std::uint32_t head = forward ? arc.other : v;
    if (!arc.isShortcut()) {
      if (arc.first >= graph.arcCount() || graph.tail(ArcId(arc.first)).value() != tail ||
          graph.head(ArcId(arc.first)).value() != head) {
        fail(" is not an arc of the network");
      }
      if (!(graph.totals(ArcId(arc.first)) == arc.totals) || arc.weight != arc.totals.in(metric)) {
        fail(" has other figures than the network's arc");
      }
      return;
    }
    // A shortcut tail → head via b: the backward arc tail → b and the forward arc b → head, both stored at b,
    // which was contracted before both ends (so unpacking always ends).
    if (arc.first >= data.backward.size() || arc.second >= data.forward.size()) {
      fail(" is a shortcut of arcs that do not exist");
    }
    const ChArc& a = data.backward[arc.first];
    const ChArc& b = data.forward[arc.second];
    const std::uint32_t via = backwardOwner[arc.first];
    if (forwardOwner[arc.second] != via || a.other != tail || b.other != head || rank[via] >= rank[v] ||
        rank[via] >= rank[arc.other]) {
      fail(" is a shortcut whose halves do not meet below its ends");
    }
    if (arc.weight != a.weight + b.weight || !(arc.totals == a.totals + b.totals)) {
      fail(" is a shortcut whose figures are not the sum of its halves");
    }
  };
  const auto checkNode = [&](std::uint32_t v) {
    for (std::uint32_t i = data.forwardBegin[v]; i < data.forwardBegin[v + 1]; ++i) check(v, data.forward[i], true);
    for (std::uint32_t i = data.backwardBegin[v]; i < data.backwardBegin[v + 1]; ++i) {
      check(v, data.backward[i], false);
    }
  };
  // Every node's arcs, on all cores (the arrays are only read). When some do not fit, the nodes are checked
  // again in order, so the error names the first of them however the work was split.
  std::atomic<bool> misfit = false;
  tbb::parallel_for(tbb::blocked_range<std::uint32_t>(0, n, 16384), [&](const tbb::blocked_range<std::uint32_t>& r) {
    try {
      for (std::uint32_t v = r.begin(); v != r.end(); ++v) checkNode(v);
    } catch (const core::InputError&) {
      misfit = true;
    }
  });
  if (misfit) {
    for (std::uint32_t v = 0; v < n; ++v) checkNode(v);
  }

  ContractionHierarchy ch(graph, metric);
  ch.shortcuts_ = static_cast<std::size_t>(data.shortcuts);
  ch.coreBegin_ = data.coreBegin;
  ch.rank_ = std::move(data.rank);
  ch.forwardBegin_ = std::move(data.forwardBegin);
  ch.forward_ = std::move(data.forward);
  ch.backwardBegin_ = std::move(data.backwardBegin);
  ch.backward_ = std::move(data.backward);
  return ch;
}

}  // namespace circatlas::analysis::network
