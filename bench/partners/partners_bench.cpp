// Benchmark: candidate partners and the optimal allocation on seeded synthetic registries (1 k – 100 k).
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>

#include "catalogue/catalogue.h"
#include "catalogue/synthetic_registry.h"
#include "core/data_paths.h"
#include "io/catalogue_reader.h"
#include "io/layer_reader.h"
#include "tools/partners_tool.h"

namespace {

using namespace circatlas;

// Peak resident memory of the process so far, in MiB (VmHWM).
double peakMiB() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  }
  return 0.0;
}

struct Fixture {
  catalogue::Catalogue builtin;
  std::unique_ptr<catalogue::AdminAreas> admin;

  Fixture() {
    if (!std::getenv("CIRCATLAS_DATA_DIR")) setenv("CIRCATLAS_DATA_DIR", CIRCATLAS_DATA_DIR_DEFAULT, 0);
    admin = std::make_unique<catalogue::AdminAreas>(io::readLayer(core::DataPaths::fromEnvironment().basemap().string(),
                                                                  {.layer = "counties", .sql = std::nullopt}));
    builtin =
        catalogue::catalogueFromTables(io::readCatalogueTables(core::DataPaths::fromEnvironment().catalogueDir()));
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

// state.range(1): 1 = with the coefficient table and ranking parameters (as the commands run),
// 0 = declared flows and material_uses only (the workload before the coefficient table existed).
void BM_PartnersAndAllocation(benchmark::State& state) {
  auto& f = fixture();
  catalogue::SyntheticParams params;
  params.enterprises = static_cast<std::size_t>(state.range(0));
  const auto registry = catalogue::generateRegistry(params, *f.admin);
  // As the commands run it: the coefficient table and the ranking parameters included, so every
  // synthetic enterprise also gets its inferred outputs and inputs.
  const tools::CatalogueInput input{registry.enterprises,
                                    registry.flows,
                                    f.builtin.materials,
                                    f.builtin.materialUses,
                                    state.range(1) ? &f.builtin.industryProfiles : nullptr,
                                    state.range(1) ? &f.builtin.exchangeParameters : nullptr};
  std::size_t exchanges = 0;
  for (auto _ : state) {
    const auto result = tools::runPartners(input, {});
    exchanges = result.optimal.size();
    benchmark::DoNotOptimize(exchanges);
  }
  state.counters["exchanges"] = static_cast<double>(exchanges);
  state.counters["flows"] = static_cast<double>(registry.flows.size());
  state.counters["peak_MiB"] = peakMiB();
}

BENCHMARK(BM_PartnersAndAllocation)
    ->ArgsProduct({{1000, 10000, 100000}, {0, 1}})
    ->ArgNames({"enterprises", "profiles"})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
