// GeoPackage export of 1 M points with 10 attributes: io::writeExport beside a plain GDAL write and ogr2ogr.
//
// The three write the same features to a new GeoPackage with transactions of 100 000 features and a
// spatial index: circatlas's export (from core::Layer), GDAL's C++ API in the tightest loop (from
// plain arrays), and the ogr2ogr program copying a FlatGeobuf of the same features (it reads too).
// The target of issue 9: the export within 1.5× of ogr2ogr.
#include <benchmark/benchmark.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

#include "core/layer.h"
#include "io/export_writer.h"
#include "io/layer_writer.h"

namespace {

namespace fs = std::filesystem;
using namespace circatlas;

constexpr std::size_t kPoints = 1'000'000;

const fs::path& workDir() {
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("circatlas-export-bench-" + std::to_string(getpid()));
    fs::create_directories(d);
    return d;
  }();
  return dir;
}

/// Seeded synthetic points over Gansu's bounding box: 3 integer, 4 real, 3 text fields (one Chinese).
const core::Layer& points() {
  static const core::Layer layer = [] {
    core::Schema schema({{"id", core::FieldType::Integer},
                         {"employees", core::FieldType::Integer},
                         {"founded", core::FieldType::Integer},
                         {"output_t", core::FieldType::Real},
                         {"input_t", core::FieldType::Real},
                         {"capacity", core::FieldType::Real},
                         {"score", core::FieldType::Real},
                         {"code", core::FieldType::String},
                         {"name_zh", core::FieldType::String},
                         {"industry", core::FieldType::String}});
    core::Layer l("points", "EPSG:4326", core::GeometryType::Point, schema);
    l.reserve(kPoints);
    std::mt19937_64 rng(20120517);
    std::uniform_real_distribution<double> lon(92.3, 108.7), lat(32.6, 42.8), q(0, 1e6);
    for (std::size_t i = 0; i < kPoints; ++i) {
      const auto n = static_cast<std::int64_t>(i);
      l.add({core::FeatureId(n + 1),
             core::Geometry::point({lon(rng), lat(rng)}),
             {n, n % 5000, 1950 + n % 70, q(rng), q(rng), q(rng), q(rng) / 1e6, "E" + std::to_string(i),
              std::string("甘肃企业") + std::to_string(i), std::to_string(1000 + i % 4000)}});
    }
    return l;
  }();
  return layer;
}

/// User + system CPU seconds of this process (RUSAGE_SELF) or of its finished children.
double cpuSeconds(int who) {
  rusage u{};
  getrusage(who, &u);
  auto s = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

/// The machine may be shared: wall times swing with other load, CPU seconds (user + system, the
/// child's for ogr2ogr) compare the work itself.
void reportCpu(benchmark::State& state, double cpuTotal) {
  state.counters["cpu_s"] = benchmark::Counter(cpuTotal / static_cast<double>(state.iterations()));
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kPoints));
}

void removeTarget(const fs::path& p) {
  std::error_code ec;
  fs::remove(p, ec);
}

void BM_CircatlasExport(benchmark::State& state) {
  const core::Layer& layer = points();
  const fs::path out = workDir() / "circatlas.gpkg";
  const io::ExportLayer item{&layer, "1 M synthetic points", {{"circatlas_source", "bench"}}, std::nullopt};
  double cpu = 0;
  for (auto _ : state) {
    removeTarget(out);
    const double before = cpuSeconds(RUSAGE_SELF);
    io::writeExport(std::span(&item, 1), out.string(), {});
    cpu += cpuSeconds(RUSAGE_SELF) - before;
  }
  reportCpu(state, cpu);
}

void BM_GdalPlainWrite(benchmark::State& state) {
  const core::Layer& layer = points();
  const fs::path out = workDir() / "gdal.gpkg";
  GDALAllRegister();
  double cpu = 0;
  for (auto _ : state) {
    removeTarget(out);
    const double before = cpuSeconds(RUSAGE_SELF);
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(driver->Create(out.string().c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    OGRLayer* ogr = ds->CreateLayer("points", &srs, wkbPoint, nullptr);
    const OGRFieldType types[] = {OFTInteger64, OFTInteger64, OFTInteger64, OFTReal,   OFTReal,
                                  OFTReal,      OFTReal,      OFTString,    OFTString, OFTString};
    for (std::size_t i = 0; i < layer.schema().size(); ++i) {
      OGRFieldDefn f(layer.schema()[i].name.c_str(), types[i]);
      if (ogr->CreateField(&f) != OGRERR_NONE) state.SkipWithError("CreateField failed");
    }
    bool ok = ogr->StartTransaction() == OGRERR_NONE;
    std::size_t n = 0;
    for (const auto& f : layer.features()) {
      OGRFeature feature(ogr->GetLayerDefn());
      for (int i = 0; i < 10; ++i) {
        const auto& v = f.values[static_cast<std::size_t>(i)];
        if (i < 3) feature.SetField(i, static_cast<GIntBig>(std::get<std::int64_t>(v)));
        else if (i < 7) feature.SetField(i, std::get<double>(v));
        else feature.SetField(i, std::get<core::Text>(v).c_str());
      }
      const auto c = f.geometry.coords()[0];
      feature.SetGeometryDirectly(new OGRPoint(c.x, c.y));
      ok &= ogr->CreateFeature(&feature) == OGRERR_NONE;
      if (++n % 100000 == 0) {
        ok &= ogr->CommitTransaction() == OGRERR_NONE;
        ok &= ogr->StartTransaction() == OGRERR_NONE;
      }
    }
    ok &= ogr->CommitTransaction() == OGRERR_NONE;
    ds.reset();
    cpu += cpuSeconds(RUSAGE_SELF) - before;
    if (!ok) state.SkipWithError("writing failed");
  }
  reportCpu(state, cpu);
}

void BM_Ogr2ogr(benchmark::State& state) {
  const fs::path source = workDir() / "points.fgb";
  if (!fs::exists(source)) io::writeLayer(points(), source.string());
  const fs::path out = workDir() / "ogr2ogr.gpkg";
  const std::string command = "ogr2ogr -f GPKG -gt 100000 '" + out.string() + "' '" + source.string() + "' -nln points";
  double cpu = 0;
  for (auto _ : state) {
    removeTarget(out);
    const double before = cpuSeconds(RUSAGE_CHILDREN);
    if (std::system(command.c_str()) != 0) state.SkipWithError("ogr2ogr failed (is gdal-bin installed?)");
    cpu += cpuSeconds(RUSAGE_CHILDREN) - before;
  }
  reportCpu(state, cpu);
}

// One write per run; repeat with interleaving so that the three meet the same load:
//   export_bench --benchmark_repetitions=3 --benchmark_enable_random_interleaving=true
BENCHMARK(BM_CircatlasExport)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
BENCHMARK(BM_GdalPlainWrite)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);
BENCHMARK(BM_Ogr2ogr)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(1);

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::error_code ec;
  fs::remove_all(workDir(), ec);
  return 0;
}
