// Cluster hulls: a tiny hull stays visible at province scale; Cancel is honoured at every progress step of the job.
#include <gtest/gtest.h>

#include <QColor>
#include <QImage>
#include <QPainter>

#include <memory>
#include <string>
#include <vector>

#include "core/data_paths.h"
#include "core/progress.h"
#include "render/map_settings.h"
#include "tools/cluster_tool.h"
#include "viewer/analysis_inputs.h"
#include "viewer/cluster_panel.h"
#include "viewer/map_drawing.h"

namespace circatlas::viewer::testing {
namespace {

// Counts reports; asks to stop once `stopAfter` reports have been made (never when negative).
class StopAfter final : public core::Progress {
 public:
  explicit StopAfter(int stopAfter) : stopAfter_(stopAfter) {}
  void report(double, std::string_view stage) override {
    ++reports;
    stages.emplace_back(stage);
  }
  [[nodiscard]] bool cancelled() const override { return stopAfter_ >= 0 && reports >= stopAfter_; }
  int reports = 0;
  std::vector<std::string> stages;

 private:
  int stopAfter_;
};

TEST(ClusterJob, CancelAtEveryProgressStepStopsTheJobAtThatStep) {
  const auto inputs = AnalysisInputs::loadBuiltin(core::DataPaths::fromEnvironment());
  tools::ClusterParams params;
  StopAfter full(-1);
  const ClusterOutcome outcome = runClusterJob(*inputs, params, full);
  ASSERT_GT(outcome.clusters, 0u);
  ASSERT_TRUE(outcome.hulls.has_value());
  const int steps = full.reports;
  ASSERT_GE(steps, 5) << "projecting, clustering, profiles, one per hull, the viewer's list and hull layer";
  EXPECT_EQ(full.stages.back(), "projecting the hulls") << "the viewer's own stages are checked too";
  for (int k = 0; k < steps; ++k) {
    StopAfter progress(k);
    EXPECT_THROW((void)runClusterJob(*inputs, params, progress), core::Cancelled) << "cancelled after step " << k;
    EXPECT_EQ(progress.reports, k) << "no step is reported after Cancel (cancelled after step " << k << ")";
  }
}

// A 300 m square at the centre of a 1,500 km wide view (about 0.2 px) and a 100 km one.
struct Scene {
  render::MapSettings settings;
  std::shared_ptr<core::Layer> layer;
  std::shared_ptr<render::Style> style;
};

Scene provinceScene() {
  Scene s;
  const std::string crs(render::displayCrs());
  core::Extent view;
  view.minX = -750e3;
  view.maxX = 750e3;
  view.minY = -550e3;
  view.maxY = 550e3;
  s.settings = render::MapSettings::fitted(view, 800, 600, 96.0, crs, 0.0);
  s.layer = std::make_shared<core::Layer>("cluster_hulls", crs, core::GeometryType::Polygon, core::Schema());
  auto square = [](double cx, double cy, double half) {
    return std::vector<std::vector<core::Coord>>{{{cx - half, cy - half},
                                                  {cx + half, cy - half},
                                                  {cx + half, cy + half},
                                                  {cx - half, cy + half},
                                                  {cx - half, cy - half}}};
  };
  const auto tiny = square(0, 0, 150);
  const auto large = square(400e3, 0, 50e3);
  s.layer->add({core::FeatureId(1), core::Geometry::polygon(tiny), {}});
  s.layer->add({core::FeatureId(2), core::Geometry::polygon(large), {}});
  s.style = std::make_shared<render::Style>();
  s.style->geometry = render::StyleGeometry::Polygon;
  render::StyleClass all;
  all.symbol.fill = render::Color{200, 0, 0, 80};
  all.symbol.stroke = render::Color{200, 0, 0, 255};
  s.style->classes.push_back(all);
  return s;
}

// Pixels around the view's centre that differ from the paper colour.
int drawnPixelsAtCentre(const QImage& image) {
  int drawn = 0;
  const QColor paper = mapBackground();
  for (int y = image.height() / 2 - 15; y <= image.height() / 2 + 15; ++y) {
    for (int x = image.width() / 2 - 15; x <= image.width() / 2 + 15; ++x) drawn += image.pixelColor(x, y) != paper;
  }
  return drawn;
}

TEST(ClusterHulls, ATinyHullIsDrawnWithTheMinimumSizeAtProvinceScale) {
  const Scene s = provinceScene();
  DrawItem item{"cluster_hulls", s.layer, s.style, false, 1.0, 0.0};
  const int plain = drawnPixelsAtCentre(renderMap({item}, s.settings).image);
  EXPECT_LT(plain, 6) << "drawn as it is, a 300 m hull is a speck at this scale";

  item.minFeatureMm = kMinimumHullMm;
  const RenderedMap map = renderMap({item}, s.settings);
  const int ringed = drawnPixelsAtCentre(map.image);
  const double diameterPx = kMinimumHullMm * s.settings.pixelsPerMm();
  EXPECT_GT(ringed, static_cast<int>(3.0 * diameterPx)) << "at least the ring's outline (" << diameterPx << " px)";
  const QColor centre =
      map.image.pixelColor(map.image.width() / 2 + static_cast<int>(diameterPx / 2), map.image.height() / 2);
  EXPECT_GT(centre.red(), centre.green() + 60) << "in the style's colour";

  // Only the polygons smaller than the minimum get a ring.
  QImage image(s.settings.widthPx, s.settings.heightPx, QImage::Format_ARGB32_Premultiplied);
  image.fill(mapBackground());
  QPainter painter(&image);
  EXPECT_EQ(drawMinimumSizes(painter, item, s.settings), 1u);
}

}  // namespace
}  // namespace circatlas::viewer::testing
