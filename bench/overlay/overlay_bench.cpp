// Benchmark: point-in-polygon of 1 k – 1 M seeded points against Gansu's 87 counties (geo::locateAll).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <random>

#include "core/data_paths.h"
#include "geo/polygon_index.h"
#include "io/layer_reader.h"

namespace {

using namespace circatlas;

const std::vector<core::Geometry>& counties() {
  static const std::vector<core::Geometry> shapes = [] {
    if (!std::getenv("CIRCATLAS_DATA_DIR")) setenv("CIRCATLAS_DATA_DIR", CIRCATLAS_DATA_DIR_DEFAULT, 0);
    const core::Layer layer = io::readLayer(core::DataPaths::fromEnvironment().basemap().string(),
                                            {.layer = "counties", .sql = std::nullopt});
    std::vector<core::Geometry> out;
    for (const auto& f : layer.features()) out.push_back(f.geometry);
    return out;
  }();
  return shapes;
}

void BM_LocateInCounties(benchmark::State& state) {
  std::mt19937_64 rng(20120517);
  std::uniform_real_distribution<double> lon(92.34, 108.71);
  std::uniform_real_distribution<double> lat(32.60, 42.80);
  // Points inside Gansu only (drawn in its box, kept where a county covers them): points outside
  // are rejected by the tree alone and would flatter the timing.
  std::vector<core::Coord> points;
  const auto wanted = static_cast<std::size_t>(state.range(0));
  while (points.size() < wanted) {
    std::vector<core::Coord> draw(wanted);
    for (auto& p : draw) p = {lon(rng), lat(rng)};
    const auto found = geo::locateAll(counties(), draw);
    for (std::size_t i = 0; i < draw.size() && points.size() < wanted; ++i) {
      if (found[i]) points.push_back(draw[i]);
    }
  }
  std::size_t inside = 0;
  for (auto _ : state) {
    const auto found = geo::locateAll(counties(), points);
    inside = static_cast<std::size_t>(
        std::count_if(found.begin(), found.end(), [](const auto& c) { return c.has_value(); }));
    benchmark::DoNotOptimize(inside);
  }
  state.counters["inside_share"] = static_cast<double>(inside) / static_cast<double>(points.size());
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

BENCHMARK(BM_LocateInCounties)->Arg(1000)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
