// Bucket many-to-many: parallel backward searches into buckets, then parallel forward searches per source.
#include "analysis/network/distance_matrix.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <thread>

#include "analysis/network/dijkstra.h"
#include "analysis/network/upward_search.h"
#include "core/parallel.h"

namespace circatlas::analysis::network {
namespace {

// Runs work(index, workspaceOfThisWorker) for index in [0, count) on `threads` threads, handing out
// indices one at a time so that uneven search spaces balance out. makeWorkspace() is called at most
// once per worker, when it first gets an index.
template <typename MakeWorkspace, typename Work>
void parallelFor(std::size_t count, unsigned threads, MakeWorkspace&& makeWorkspace, Work&& work) {
  using Workspace = decltype(makeWorkspace());
  std::vector<std::optional<Workspace>> workspaces(core::workerCount(threads));
  core::parallelFor(count, threads, 1, [&](unsigned worker, std::size_t begin, std::size_t end) {
    std::optional<Workspace>& workspace = workspaces[worker];
    if (!workspace) workspace.emplace(makeWorkspace());
    for (std::size_t i = begin; i < end; ++i) work(i, *workspace);
  });
}

struct Bucket {
  std::uint32_t target;
  double dist;
};

}  // namespace

DistanceMatrix computeDistanceMatrix(const ContractionHierarchy& ch, std::span<const std::vector<Anchor>> sources,
                                     std::span<const std::vector<Anchor>> targets, unsigned threads) {
  DistanceMatrix matrix(sources.size(), targets.size());
  if (ch.empty() || sources.empty() || targets.empty()) return matrix;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const std::uint32_t nodeCount = ch.graph().nodeCount();

  // Backward searches: each target's settled nodes with their distance and totals.
  struct Visit {
    std::uint32_t node;
    double dist;
    Totals totals;
  };
  std::vector<std::vector<Visit>> visits(targets.size());
  parallelFor(
      targets.size(), threads, [&] { return UpwardSearch(ch, false, false); },
      [&](std::size_t t, UpwardSearch& search) {
        search.run(targets[t]);
        auto& list = visits[t];
        list.reserve(search.settled().size());
        for (std::uint32_t x : search.settled()) list.push_back({x, search.dist(x), search.totals(x)});
      });

  // Buckets in CSR form by node (counting sort), entries of a node in target order.
  std::vector<std::uint32_t> start(nodeCount + 1, 0);
  for (const auto& list : visits) {
    for (const Visit& v : list) ++start[v.node + 1];
  }
  for (std::uint32_t i = 0; i < nodeCount; ++i) start[i + 1] += start[i];
  std::vector<Bucket> buckets(start.back());
  std::vector<Totals> bucketTotals(start.back());
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::uint32_t t = 0; t < visits.size(); ++t) {
      for (const Visit& v : visits[t]) {
        const std::uint32_t i = fill[v.node]++;
        buckets[i] = {t, v.dist};
        bucketTotals[i] = v.totals;
      }
      std::vector<Visit>().swap(visits[t]);
    }
  }

  // Forward searches: each row is written by exactly one thread.
  parallelFor(
      sources.size(), threads, [&] { return UpwardSearch(ch, true, true); },
      [&](std::size_t s, UpwardSearch& search) {
        search.run(sources[s]);
        thread_local std::vector<double> best;
        thread_local std::vector<std::uint32_t> bestNode;
        thread_local std::vector<std::uint32_t> bestBucket;
        best.assign(targets.size(), std::numeric_limits<double>::infinity());
        bestNode.assign(targets.size(), 0);
        bestBucket.assign(targets.size(), 0);
        for (std::uint32_t x : search.settled()) {
          const double d = search.dist(x);
          for (std::uint32_t i = start[x]; i < start[x + 1]; ++i) {
            const Bucket& b = buckets[i];
            if (d + b.dist < best[b.target]) {
              best[b.target] = d + b.dist;
              bestNode[b.target] = x;
              bestBucket[b.target] = i;
            }
          }
        }
        for (std::size_t t = 0; t < targets.size(); ++t) {
          if (best[t] < std::numeric_limits<double>::infinity()) {
            matrix.set(s, t, search.totals(bestNode[t]) + bucketTotals[bestBucket[t]]);
          }
        }
      });
  return matrix;
}

DistanceMatrix computeDistanceMatrix(const RoadGraph& graph, Metric metric,
                                     std::span<const std::vector<Anchor>> sources,
                                     std::span<const std::vector<Anchor>> targets, unsigned threads) {
  DistanceMatrix matrix(sources.size(), targets.size());
  if (sources.empty() || targets.empty()) return matrix;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  // Search from the smaller side: forward from each source, or backward (against the arcs) from each target.
  const bool backward = targets.size() < sources.size();
  const auto& from = backward ? targets : sources;
  const auto& to = backward ? sources : targets;
  std::vector<NodeId> stop;
  for (const auto& anchors : to) {
    for (const Anchor& a : anchors) stop.push_back(a.node);
  }
  std::sort(stop.begin(), stop.end());
  stop.erase(std::unique(stop.begin(), stop.end()), stop.end());
  parallelFor(
      from.size(), threads, [&] { return Dijkstra(graph, metric); },
      [&](std::size_t i, Dijkstra& search) {
        search.search(from[i], stop, backward);
        for (std::size_t j = 0; j < to.size(); ++j) {
          const Anchor* best = nullptr;
          double bestValue = 0.0;
          for (const Anchor& a : to[j]) {
            if (!search.reached(a.node.value())) continue;
            const double value = search.dist(a.node.value()) + a.offset.in(metric);
            if (!best || value < bestValue) {
              best = &a;
              bestValue = value;
            }
          }
          if (!best) continue;
          const Totals totals = backward ? best->offset + search.totals(best->node.value())
                                         : search.totals(best->node.value()) + best->offset;
          if (backward) {
            matrix.set(j, i, totals);
          } else {
            matrix.set(i, j, totals);
          }
        }
      });
  return matrix;
}

DistanceMatrix computeDistanceMatrix(const ContractionHierarchy& ch, std::span<const NodeId> sources,
                                     std::span<const NodeId> targets, unsigned threads) {
  auto wrap = [](std::span<const NodeId> nodes) {
    std::vector<std::vector<Anchor>> anchors;
    anchors.reserve(nodes.size());
    for (NodeId node : nodes) anchors.push_back({Anchor{node, {}}});
    return anchors;
  };
  const auto s = wrap(sources);
  const auto t = wrap(targets);
  return computeDistanceMatrix(ch, s, t, threads);
}

}  // namespace circatlas::analysis::network
