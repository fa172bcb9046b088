// Start-up: the built-in atlas's layers are loaded in the set's order and the map gets drawn.
#include <QImage>

#include <set>

#include "core/data_paths.h"
#include "definitions/layer_set.h"
#include "viewer/cluster_panel.h"
#include "viewer/layer_stack.h"
#include "viewer/legend_panel.h"
#include "viewer/map_canvas.h"
#include "viewer/partners_panel.h"
#include "viewer_fixture.h"

namespace circatlas::viewer::testing {
namespace {

using ViewerStartup = ViewerTest;

TEST_F(ViewerStartup, LoadsEveryLayerOfTheBuiltinAtlasInOrder) {
  const auto set = definitions::loadBuiltinLayerSet(core::DataPaths::fromEnvironment());
  const LayerStack& layers = window->layers();
  ASSERT_GE(layers.size(), set.layers.size());
  for (std::size_t i = 0; i < set.layers.size(); ++i) EXPECT_EQ(layers.at(i).id, set.layers[i].id);
  EXPECT_EQ(layers.find("prefectures")->source->size(), 14u);
  EXPECT_EQ(layers.find("counties")->source->size(), 87u);
  EXPECT_GT(layers.find("enterprises")->source->size(), 50u);
  EXPECT_NE(window->clusterPanel(), nullptr);
  EXPECT_NE(window->partnersPanel(), nullptr);
}

TEST_F(ViewerStartup, DrawsGansuInTheMapFrame) {
  window->resize(1200, 800);
  window->show();
  MapCanvas* canvas = window->canvas();
  ASSERT_TRUE(waitUntil([&] { return !canvas->lastRender().image.isNull() && !canvas->isRendering(); }));
  const QImage image = canvas->lastRender().image;
  ASSERT_EQ(image.size(), canvas->size());
  // Not blank: most of the frame is the province and its neighbours, not paper.
  const QRgb paper = mapBackground().rgb();
  int drawn = 0;
  int total = 0;
  for (int y = 0; y < image.height(); y += 4) {
    for (int x = 0; x < image.width(); x += 4) {
      ++total;
      drawn += image.pixel(x, y) != paper;
    }
  }
  EXPECT_GT(drawn, total / 2);
  // Gansu is where it should be: the centre of its extent is inside the frame, and the frame
  // spans its whole west–east extent (92.3°E to 108.7°E).
  const auto west = canvas->fromLonLat({92.5, 40.0});
  const auto east = canvas->fromLonLat({108.5, 35.5});
  ASSERT_TRUE(west && east);
  for (const auto& p : {*west, *east}) {
    const QPointF px = canvas->toPixel(p);
    EXPECT_TRUE(QRectF(canvas->rect()).contains(px)) << px.x() << ", " << px.y();
  }
  // The legend follows the drawn styles: the enterprises' classes are listed.
  const QStringList legend = window->legendPanel()->labels();
  EXPECT_TRUE(legend.contains(QStringLiteral("Power and heat"))) << legend.join(" | ").toStdString();
  // The window grab holds the map too (the screenshot the run script's users would see).
  const QImage grab = window->grab().toImage();
  EXPECT_FALSE(grab.isNull());
}

}  // namespace
}  // namespace circatlas::viewer::testing
