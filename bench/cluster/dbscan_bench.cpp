// Benchmarks of DBSCAN and the k-distance report on 1 k – 1 M synthetic Gansu points; also dumps them as CSV.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <string>
#include <thread>

#include "analysis/cluster/dbscan.h"
#include "analysis/cluster/k_distance.h"
#include "cluster/synthetic_points.h"

namespace circatlas::bench {
namespace {

using analysis::cluster::DbscanParams;
using analysis::cluster::DbscanResult;
using analysis::cluster::PointRole;

constexpr DbscanParams kParams{.epsMeters = 5000.0, .minPoints = 5, .borderPointsAsNoise = false};
constexpr unsigned kProjectionThreads = 2;

// A field of /proc/self/status in MB (VmHWM: peak resident memory).
double statusMegabytes(const char* field) {
  std::ifstream status("/proc/self/status");
  const std::size_t length = std::strlen(field);
  for (std::string line; std::getline(status, line);) {
    if (line.compare(0, length, field) == 0) return std::stod(line.substr(length)) / 1024.0;
  }
  return 0.0;
}

// Resets VmHWM to the current resident size (Linux ≥ 4.0), so each benchmark measures its own peak.
void resetPeakMemory() {
  std::ofstream clear("/proc/self/clear_refs");
  clear << "5";
}

// Inputs are generated once per size and shared by the benchmarks.
const std::vector<core::LonLat>& lonLatPoints(std::size_t n) {
  static std::map<std::size_t, std::vector<core::LonLat>> cache;
  auto& points = cache[n];
  if (points.empty()) points = makeSyntheticParkPoints(n);
  return points;
}
const std::vector<core::XY>& projectedPoints(std::size_t n) {
  static std::map<std::size_t, std::vector<core::XY>> cache;
  auto& points = cache[n];
  if (points.empty()) points = projectToAnalysisCrs(lonLatPoints(n), kProjectionThreads);
  return points;
}

// peak_MB is the process's peak resident memory during the benchmark, cached inputs of every size
// included; run one benchmark alone (--benchmark_filter) for the figure of one size.
void reportClusters(benchmark::State& state, const DbscanResult& r) {
  state.counters["clusters"] = static_cast<double>(r.clusterCount());
  state.counters["core"] = static_cast<double>(r.countOf(PointRole::Core));
  state.counters["border"] = static_cast<double>(r.countOf(PointRole::Border));
  state.counters["noise"] = static_cast<double>(r.countOf(PointRole::Noise));
  state.counters["peak_MB"] = statusMegabytes("VmHWM:");
}

void BM_DbscanWithProjection(benchmark::State& state) {
  const auto& lonLat = lonLatPoints(static_cast<std::size_t>(state.range(0)));
  resetPeakMemory();
  DbscanResult result;
  for (auto _ : state) {
    const std::vector<core::XY> xy = projectToAnalysisCrs(lonLat, kProjectionThreads);
    result = analysis::cluster::dbscan(xy, kParams);
    benchmark::DoNotOptimize(result);
  }
  reportClusters(state, result);
}

void BM_DbscanKernel(benchmark::State& state) {
  const auto& xy = projectedPoints(static_cast<std::size_t>(state.range(0)));
  resetPeakMemory();
  DbscanResult result;
  for (auto _ : state) {
    result = analysis::cluster::dbscan(xy, kParams);
    benchmark::DoNotOptimize(result);
  }
  reportClusters(state, result);
}

void BM_Projection(benchmark::State& state) {
  const auto& lonLat = lonLatPoints(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(projectToAnalysisCrs(lonLat, kProjectionThreads));
}

void BM_KDistanceReport(benchmark::State& state) {
  const auto& xy = projectedPoints(static_cast<std::size_t>(state.range(0)));
  resetPeakMemory();
  analysis::cluster::KDistanceReport report;
  for (auto _ : state) {
    report = analysis::cluster::kDistanceReport(xy, kParams.minPoints);
    benchmark::DoNotOptimize(report);
  }
  for (const auto& q : report.quantiles) {
    state.counters["p" + std::to_string(static_cast<int>(q.fraction * 100 + 0.5)) + "_m"] = q.distanceMeters;
  }
  state.counters["knee_m"] = report.kneeEpsMeters.value_or(0.0);
  state.counters["peak_MB"] = statusMegabytes("VmHWM:");
}

#define CLUSTER_SIZES Arg(1000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond)->UseRealTime()
BENCHMARK(BM_DbscanWithProjection)->CLUSTER_SIZES;
BENCHMARK(BM_DbscanKernel)->CLUSTER_SIZES;
BENCHMARK(BM_Projection)->CLUSTER_SIZES;
BENCHMARK(BM_KDistanceReport)->CLUSTER_SIZES;

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// `--dump N file.csv`: writes the N projected points with circatlas' clustering (eps 5 km, minPoints 5)
// as x,y,cluster,role (cluster −1 = noise; role core/border/noise) for compare_sklearn.py, and prints
// the timings as key=value lines.
int dumpCsv(std::size_t n, const char* path) {
  const std::vector<core::LonLat> lonLat = makeSyntheticParkPoints(n);
  auto start = std::chrono::steady_clock::now();
  const std::vector<core::XY> xy = projectToAnalysisCrs(lonLat, kProjectionThreads);
  const double projectionSeconds = secondsSince(start);
  start = std::chrono::steady_clock::now();
  const DbscanResult r = analysis::cluster::dbscan(xy, kParams);
  const double dbscanSeconds = secondsSince(start);
  std::FILE* out = std::fopen(path, "w");
  if (!out) {
    std::perror(path);
    return 1;
  }
  std::fprintf(out, "x,y,cluster,role\n");
  for (std::size_t i = 0; i < xy.size(); ++i) {
    const auto id = r.clusterOf(i);
    const PointRole role = r.roleOf(i);
    std::fprintf(out, "%.17g,%.17g,%d,%s\n", xy[i].x, xy[i].y, id ? id->value() : -1,
                 role == PointRole::Core     ? "core"
                 : role == PointRole::Border ? "border"
                                             : "noise");
  }
  std::fclose(out);
  std::printf("points=%zu\nprojection_seconds=%.4f\ndbscan_seconds=%.4f\nclusters=%zu\npeak_MB=%.1f\n", n,
              projectionSeconds, dbscanSeconds, r.clusterCount(), statusMegabytes("VmHWM:"));
  return 0;
}

}  // namespace
}  // namespace circatlas::bench

int main(int argc, char** argv) {
  if (argc == 4 && std::strcmp(argv[1], "--dump") == 0) {
    return circatlas::bench::dumpCsv(std::stoul(argv[2]), argv[3]);
  }
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
