// Bucket many-to-many: parallel backward searches into buckets, then parallel forward searches per source.
#include "analysis/network/distance_matrix.h"

#include <algorithm>
#include <limits>
#include <optional>
#include <thread>

#include "analysis/network/core_graph.h"
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
  std::uint32_t end;  // index on the side that filled the buckets
  double dist;
};

// One side's upward searches, which do not expand the core, leave buckets at the nodes they settle;
// the other side's searches, which expand it, scan them. sourcesScan: the sources scan with forward
// searches and the targets fill the buckets searching backward; otherwise the other way round. A
// hierarchy with a core pays most for the core's expansion, so it is done from the smaller side.
void fillByBuckets(const ContractionHierarchy& ch, std::span<const std::vector<Anchor>> bucketSide,
                   std::span<const std::vector<Anchor>> scanSide, bool sourcesScan, unsigned threads,
                   DistanceMatrix& matrix) {
  const std::uint32_t nodeCount = ch.graph().nodeCount();

  // The bucket side's searches: each one's settled nodes with their distance and totals.
  struct Visit {
    std::uint32_t node;
    double dist;
    Totals totals;
  };
  std::vector<std::vector<Visit>> visits(bucketSide.size());
  parallelFor(
      bucketSide.size(), threads, [&] { return UpwardSearch(ch, !sourcesScan, false); },
      [&](std::size_t b, UpwardSearch& search) {
        search.run(bucketSide[b]);
        auto& list = visits[b];
        list.reserve(search.settled().size());
        for (std::uint32_t x : search.settled()) list.push_back({x, search.dist(x), search.totals(x)});
      });

  // Buckets in CSR form by node (counting sort), entries of a node in bucket-side order.
  std::vector<std::uint32_t> start(nodeCount + 1, 0);
  for (const auto& list : visits) {
    for (const Visit& v : list) ++start[v.node + 1];
  }
  for (std::uint32_t i = 0; i < nodeCount; ++i) start[i + 1] += start[i];
  std::vector<Bucket> buckets(start.back());
  std::vector<Totals> bucketTotals(start.back());
  {
    std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
    for (std::uint32_t b = 0; b < visits.size(); ++b) {
      for (const Visit& v : visits[b]) {
        const std::uint32_t i = fill[v.node]++;
        buckets[i] = {b, v.dist};
        bucketTotals[i] = v.totals;
      }
      std::vector<Visit>().swap(visits[b]);
    }
  }

  // The scanning side's searches: each row (or column) is written by exactly one thread. They cross the
  // core, if there is one, on its own dense arrays.
  std::optional<CoreGraph> core;
  if (ch.coreSize() > 0) core.emplace(ch, sourcesScan);
  parallelFor(
      scanSide.size(), threads, [&] { return UpwardSearch(ch, sourcesScan, true, core ? &*core : nullptr); },
      [&](std::size_t s, UpwardSearch& search) {
        search.run(scanSide[s]);
        thread_local std::vector<double> best;
        thread_local std::vector<std::uint32_t> bestNode;
        thread_local std::vector<std::uint32_t> bestBucket;
        best.assign(bucketSide.size(), std::numeric_limits<double>::infinity());
        bestNode.assign(bucketSide.size(), 0);
        bestBucket.assign(bucketSide.size(), 0);
        const auto& settled = search.settled();
        const auto& settledDist = search.settledDistances();
        for (std::size_t k = 0; k < settled.size(); ++k) {
          const std::uint32_t x = settled[k];
          const double d = settledDist[k];
          for (std::uint32_t i = start[x]; i < start[x + 1]; ++i) {
            const Bucket& b = buckets[i];
            if (d + b.dist < best[b.end]) {
              best[b.end] = d + b.dist;
              bestNode[b.end] = x;
              bestBucket[b.end] = i;
            }
          }
        }
        for (std::size_t b = 0; b < bucketSide.size(); ++b) {
          if (best[b] == std::numeric_limits<double>::infinity()) continue;
          if (sourcesScan) {
            matrix.set(s, b, search.totals(bestNode[b]) + bucketTotals[bestBucket[b]]);
          } else {
            matrix.set(b, s, bucketTotals[bestBucket[b]] + search.totals(bestNode[b]));
          }
        }
      });
}

}  // namespace

DistanceMatrix computeDistanceMatrix(const ContractionHierarchy& ch, std::span<const std::vector<Anchor>> sources,
                                     std::span<const std::vector<Anchor>> targets, unsigned threads) {
  DistanceMatrix matrix(sources.size(), targets.size());
  if (ch.empty() || sources.empty() || targets.empty()) return matrix;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const bool sourcesScan = ch.coreSize() == 0 || sources.size() <= targets.size();
  if (sourcesScan) {
    fillByBuckets(ch, targets, sources, true, threads, matrix);
  } else {
    fillByBuckets(ch, sources, targets, false, threads, matrix);
  }
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
  const SearchArcs arcs(graph, metric, backward);  // laid out once for every thread's searches
  parallelFor(
      from.size(), threads, [&] { return Dijkstra(graph, metric, &arcs); },
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
