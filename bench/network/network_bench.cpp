// Benchmarks of the road-network kernel on a Gansu-sized synthetic network: build, contraction, matrices.
#include <benchmark/benchmark.h>

#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/graph/dijkstra_shortest_paths.hpp>

#include <chrono>
#include <cmath>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>

#include "analysis/network/components.h"
#include "analysis/network/contraction_hierarchy.h"
#include "analysis/network/distance_matrix.h"
#include "network/synthetic_network.h"

namespace circatlas::bench {
namespace {

using namespace analysis::network;

constexpr Metric kMetric = Metric::Time;
constexpr std::size_t kOrigins = 1000;
constexpr std::size_t kDestinations = 1000;
constexpr std::size_t kBoostSampleOrigins = 50;  // Boost runs from this many origins, extrapolated

// Peak resident memory of the process so far, in MB (VmHWM from /proc/self/status).
double peakMemoryMegabytes() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0.0;
}

// Built once and shared by the benchmarks, which run in registration order.
struct Shared {
  std::optional<RoadGraph> graph;
  std::optional<ContractionHierarchy> hierarchy;
  std::vector<NodeId> origins;
  std::vector<NodeId> destinations;
  std::optional<DistanceMatrix> matrix;
};
Shared& shared() {
  static Shared instance;
  return instance;
}

void ensureGraph() {
  Shared& s = shared();
  if (!s.graph) s.graph = makeSyntheticGansu().build();
  if (!s.origins.empty()) return;
  std::mt19937 rng(7);
  std::uniform_int_distribution<std::uint32_t> any(0, s.graph->nodeCount() - 1);
  for (std::size_t i = 0; i < kOrigins; ++i) s.origins.push_back(NodeId(any(rng)));
  for (std::size_t i = 0; i < kDestinations; ++i) s.destinations.push_back(NodeId(any(rng)));
}

void ensureHierarchy() {
  ensureGraph();
  if (!shared().hierarchy) shared().hierarchy = ContractionHierarchy::build(*shared().graph, kMetric);
}

// Times GraphBuilder::build() alone (CSR assembly from ~1 M input edges); generating the synthetic
// edges is not timed.
void BM_GraphBuild(benchmark::State& state) {
  const GraphBuilder edges = makeSyntheticGansu();
  for (auto _ : state) {
    state.PauseTiming();
    GraphBuilder builder = edges;  // build() takes the builder's arrays
    state.ResumeTiming();
    RoadGraph graph = builder.build();
    benchmark::DoNotOptimize(graph);
    state.PauseTiming();
    state.counters["nodes"] = graph.nodeCount();
    state.counters["arcs"] = graph.arcCount();
    state.counters["edges"] = graph.edgeCount();
    if (!shared().graph) shared().graph = std::move(graph);
    state.ResumeTiming();
  }
  ensureGraph();
  const ComponentsReport components = analyseComponents(*shared().graph);
  state.counters["largest_scc_share"] = components.strong.largestShare();
  state.counters["peak_MB"] = peakMemoryMegabytes();
}

void BM_ContractionHierarchy(benchmark::State& state) {
  ensureGraph();
  for (auto _ : state) {
    shared().hierarchy.reset();
    shared().hierarchy = ContractionHierarchy::build(*shared().graph, kMetric);
  }
  state.counters["shortcuts"] = static_cast<double>(shared().hierarchy->shortcutCount());
  state.counters["peak_MB"] = peakMemoryMegabytes();
}

void BM_Matrix1000x1000(benchmark::State& state) {
  ensureHierarchy();
  const Shared& s = shared();
  state.counters["threads"] = std::thread::hardware_concurrency();
  for (auto _ : state) {
    shared().matrix.reset();
    shared().matrix = computeDistanceMatrix(*s.hierarchy, s.origins, s.destinations, 0);
  }
  std::size_t unreachable = 0;
  for (std::size_t r = 0; r < kOrigins; ++r) {
    for (std::size_t c = 0; c < kDestinations; ++c) unreachable += !s.matrix->at(r, c);
  }
  state.counters["unreachable_pairs"] = static_cast<double>(unreachable);
  state.counters["peak_MB"] = peakMemoryMegabytes();
}

// One-to-many Dijkstra on the plain graph, as a matrix with few origins runs (no preprocessing): a sample of
// origins to all 1,000 destinations on one thread; "extrapolated_1000_origins_s" scales it to 1,000 origins.
void BM_PlainSearches(benchmark::State& state) {
  ensureGraph();
  const Shared& s = shared();
  const auto anchored = [](std::span<const NodeId> nodes, std::size_t count) {
    std::vector<std::vector<Anchor>> out;
    for (std::size_t i = 0; i < count; ++i) out.push_back({Anchor{nodes[i], {}}});
    return out;
  };
  const auto origins = anchored(s.origins, kBoostSampleOrigins);
  const auto destinations = anchored(s.destinations, kDestinations);
  double seconds = 0.0;
  for (auto _ : state) {
    const auto start = std::chrono::steady_clock::now();
    const DistanceMatrix m = computeDistanceMatrix(*s.graph, kMetric, origins, destinations, 1);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    benchmark::DoNotOptimize(m);
  }
  const double perOrigin = seconds / static_cast<double>(state.iterations()) / kBoostSampleOrigins;
  state.counters["sample_origins"] = kBoostSampleOrigins;
  state.counters["per_origin_ms"] = perOrigin * 1000.0;
  state.counters["extrapolated_1000_origins_s"] = perOrigin * kOrigins;
  state.counters["peak_MB"] = peakMemoryMegabytes();
}

// Boost.Graph's Dijkstra (compressed sparse row graph, full search) from a sample of origins; the
// reported time is scaled to all 1,000 origins (the "extrapolated_s" counter) and the sample's
// distances are checked against the hierarchy's matrix.
void BM_BoostDijkstraPerOrigin(benchmark::State& state) {
  ensureHierarchy();
  const Shared& s = shared();
  const RoadGraph& graph = *s.graph;
  using Csr = boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, double>;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> arcs;
  std::vector<double> weights;
  for (std::uint32_t a = 0; a < graph.arcCount(); ++a) {
    arcs.emplace_back(graph.tail(ArcId(a)).value(), graph.head(ArcId(a)).value());
    weights.push_back(graph.weight(ArcId(a), kMetric));
  }
  const Csr csr(boost::edges_are_sorted, arcs.begin(), arcs.end(), weights.begin(), graph.nodeCount());
  std::vector<double> dist(graph.nodeCount());
  double maxError = 0.0;
  double seconds = 0.0;
  for (auto _ : state) {
    for (std::size_t i = 0; i < kBoostSampleOrigins; ++i) {
      const auto start = std::chrono::steady_clock::now();
      boost::dijkstra_shortest_paths(
          csr, s.origins[i].value(),
          boost::weight_map(boost::get(boost::edge_bundle, csr))
              .distance_map(boost::make_iterator_property_map(dist.begin(), boost::get(boost::vertex_index, csr))));
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      state.PauseTiming();
      for (std::size_t c = 0; s.matrix && c < kDestinations; ++c) {
        const auto ch = s.matrix->at(i, c);
        const double reference = dist[s.destinations[c].value()];
        maxError = std::max(maxError, ch ? std::abs(ch->in(kMetric)-reference) : (reference < 1e300 ? 1e300 : 0.0));
      }
      state.ResumeTiming();
    }
  }
  state.counters["sample_origins"] = kBoostSampleOrigins;
  state.counters["per_origin_ms"] = seconds / kBoostSampleOrigins * 1000.0;
  state.counters["extrapolated_1000_origins_s"] = seconds / kBoostSampleOrigins * kOrigins;
  state.counters["max_abs_error_vs_CH_s"] = maxError;
  state.counters["peak_MB"] = peakMemoryMegabytes();
}

BENCHMARK(BM_GraphBuild)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_PlainSearches)->Unit(benchmark::kMillisecond)->Iterations(3);
BENCHMARK(BM_ContractionHierarchy)->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK(BM_Matrix1000x1000)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_BoostDijkstraPerOrigin)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace circatlas::bench

BENCHMARK_MAIN();
