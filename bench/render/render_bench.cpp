// MapRenderer speed: 100 000 seeded random points over Gansu plus the 87 county polygons, 1920 × 1080.
#include <benchmark/benchmark.h>

#include <QImage>
#include <QPainter>
#include <random>

#include "core/data_paths.h"
#include "definitions/style_parser.h"
#include "geo/transformer.h"
#include "io/layer_reader.h"
#include "render/map_renderer.h"
#include "render/render_session.h"

namespace {

using namespace circatlas;

struct Scene {
  core::Layer counties;
  core::Layer points;
  render::Style countyStyle;
  render::Style pointStyle;
  render::MapSettings settings;
};

Scene& scene() {
  static Scene* s = [] {
    render::ensureRenderSession();
    const std::string crs(render::displayCrs());
    core::Layer counties = io::readLayer(core::DataPaths::fromEnvironment().basemap().string(),
                                         {.layer = "counties", .sql = std::nullopt});
    geo::transformLayer(counties, crs);
    core::Layer points("points", crs, core::GeometryType::Point, core::Schema({{"group", core::FieldType::String}}));
    const core::Extent e = counties.extent();
    std::mt19937_64 rng(20240517);  // fixed seed: synthetic data, never mixed into the catalogue
    std::uniform_real_distribution<double> x(e.minX, e.maxX), y(e.minY, e.maxY);
    std::uniform_int_distribution<int> g(0, 5);
    for (int i = 0; i < 100000; ++i) {
      points.add({core::FeatureId(i), core::Geometry::point({x(rng), y(rng)}), {std::string(1, char('A' + g(rng)))}});
    }
    auto* out = new Scene{
        std::move(counties),
        std::move(points),
        definitions::parseStyle(R"({"name": "c", "geometry": "polygon",
                            "symbol": {"fill": "#f6f3ea", "stroke": "#c9c1ae", "stroke_width": 0.13}})",
                                "c"),
        definitions::parseStyle(R"({"name": "p", "geometry": "point", "renderer": "categorised", "field": "group",
                            "classes": [{"values": ["A"], "symbol": {"fill": "#e6550d", "size": 1.2}},
                                        {"values": ["B"], "symbol": {"fill": "#3182bd", "size": 1.2}},
                                        {"values": ["C"], "symbol": {"fill": "#31a354", "size": 1.2}}],
                            "other": {"symbol": {"fill": "#969696", "size": 1.0}}})",
                                "p"),
        {}};
    out->settings = render::MapSettings::fitted(e, 1920, 1080, 96, crs);
    return out;
  }();
  return *s;
}

void BM_Render100kPointsAndCounties(benchmark::State& state) {
  Scene& s = scene();
  const std::vector<render::RenderLayer> layers{{"counties", &s.counties, &s.countyStyle, false},
                                                {"points", &s.points, &s.pointStyle, false}};
  const render::MapRenderer renderer(s.settings);
  for (auto _ : state) {
    QImage image(1920, 1080, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    benchmark::DoNotOptimize(renderer.render(painter, layers));
  }
}
BENCHMARK(BM_Render100kPointsAndCounties)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
