// Canvas redraw speed: every atlas layer plus 1 000 or 100 000 seeded synthetic enterprises, 1600 × 1000, as
// the viewer's worker thread renders it (viewer::renderMap: image, all layers, labels).
#include <benchmark/benchmark.h>

#include <map>
#include <random>

#include "atlas/atlas_data.h"
#include "core/data_paths.h"
#include "core/progress.h"
#include "definitions/definition_paths.h"
#include "definitions/layer_set.h"
#include "definitions/style_parser.h"
#include "render/render_session.h"
#include "viewer/layer_stack.h"
#include "viewer/map_drawing.h"

namespace {

using namespace circatlas;

struct Scene {
  viewer::LayerStack stack;
  render::MapSettings province;
};

// Synthetic enterprises (fixed seed; never mixed into the catalogue) in WGS 84 over Gansu's
// extent, with industry codes spread over the style's classes.
core::Layer syntheticEnterprises(const core::Extent& lonLat, int n) {
  core::Layer layer("synthetic_enterprises", "EPSG:4326", core::GeometryType::Point,
                    core::Schema({{"industry_code", core::FieldType::String},
                                  {"name_zh", core::FieldType::String},
                                  {"name_en", core::FieldType::String}}));
  std::mt19937_64 rng(20240517);
  std::uniform_real_distribution<double> lon(lonLat.minX, lonLat.maxX), lat(lonLat.minY, lonLat.maxY);
  const char* codes[] = {"4411", "0610", "3216", "2614", "3011", "1310", "3911"};
  std::uniform_int_distribution<int> code(0, 6);
  layer.reserve(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const std::string id = "S" + std::to_string(i);
    layer.add(
        {core::FeatureId(i), core::Geometry::point({lon(rng), lat(rng)}), {std::string(codes[code(rng)]), id, id}});
  }
  return layer;
}

// The atlas plus n synthetic enterprises, built once per n.
Scene& scene(int n) {
  static std::map<int, Scene*> scenes;
  Scene*& s = scenes[n];
  if (!s) {
    render::ensureRenderSession();
    s = new Scene;
    core::NullProgress progress;
    s->stack.setAtlas(atlas::AtlasData::load(definitions::loadBuiltinLayerSet(core::DataPaths::fromEnvironment()),
                                             core::DataPaths::fromEnvironment(), progress));
    const core::Extent lonLat = s->stack.find("province")->source->extent();
    s->stack.put(viewer::makeViewerLayer(
        "synthetic", {"合成企业", "Synthetic enterprises"}, syntheticEnterprises(lonLat, n),
        definitions::parseStyleFile(core::DataPaths::fromEnvironment().stylesDir() / "enterprises.json")));
    s->province = render::MapSettings::fitted(s->stack.homeExtent(), 1600, 1000, 96, std::string(render::displayCrs()));
  }
  return *s;
}

// The argument is the number of synthetic enterprises: 100 k is the target, 1 k shows what the
// atlas itself costs.
void BM_FullRedrawProvince(benchmark::State& state) {
  Scene& s = scene(static_cast<int>(state.range(0)));
  const auto items = viewer::drawItems(s.stack);
  for (auto _ : state) benchmark::DoNotOptimize(viewer::renderMap(items, s.province));
}
BENCHMARK(BM_FullRedrawProvince)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

// Panning at about 1:1 M around Lanzhou, where enterprise labels are on: one redraw per step.
void BM_PanRedrawLanzhou(benchmark::State& state) {
  Scene& s = scene(static_cast<int>(state.range(0)));
  const auto items = viewer::drawItems(s.stack);
  render::MapSettings view = s.province;
  const double upp = 1000000.0 / (view.pixelsPerMm() * 1000.0);
  const core::Coord c{-20000.0, -150000.0};  // near Lanzhou in the display CRS (101°E, 37.5°N origin)
  int step = 0;
  for (auto _ : state) {
    const double dx = (step++ % 20) * 40 * upp;
    view.extent = {c.x + dx - 800 * upp, c.y - 500 * upp, c.x + dx + 800 * upp, c.y + 500 * upp};
    benchmark::DoNotOptimize(viewer::renderMap(items, view));
  }
}
BENCHMARK(BM_PanRedrawLanzhou)->Arg(1000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
