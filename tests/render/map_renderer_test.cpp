// MapRenderer's account of what it drew: the legend counts only features a reader can see.
#include <gtest/gtest.h>

#include <QImage>
#include <QPainter>

#include <vector>

#include "core/layer.h"
#include "render/map_renderer.h"
#include "render/render_session.h"

namespace circatlas::render {
namespace {

Style twoClassPoints() {
  Style style;
  style.name = "kinds";
  style.geometry = StyleGeometry::Point;
  style.renderer = SymbolRenderer::Categorised;
  style.field = "kind";
  style.classes = {StyleClass{{"a", "a"}, {"a"}, {}, {}, {}}, StyleClass{{"b", "b"}, {"b"}, {}, {}, {}}};
  return style;
}

TEST(MapRenderer, WithAFocusRegionOnlyFeaturesTouchingItAreCountedForTheLegend) {
  ensureRenderSession();
  // Class "a" inside the focus square (0–10), class "b" in the frame but outside it (veiled).
  core::Layer points("points", "EPSG:3857", core::GeometryType::Point,
                     core::Schema({{"kind", core::FieldType::String}}));
  points.add({core::FeatureId(1), core::Geometry::point({5, 5}), {std::string("a")}});
  points.add({core::FeatureId(2), core::Geometry::point({15, 5}), {std::string("b")}});
  points.add({core::FeatureId(3), core::Geometry::point({15, 15}), {std::string("b")}});
  const Style style = twoClassPoints();

  MapSettings settings = MapSettings::fitted({-2, -2, 22, 22}, 200, 200, 96, "EPSG:3857", 0.0);
  const std::vector<RenderLayer> layers = {{"points", &points, &style, false}};
  QImage image(200, 200, QImage::Format_ARGB32_Premultiplied);
  {
    QPainter painter(&image);
    const RenderResult all = MapRenderer(settings).render(painter, layers);
    ASSERT_EQ(all.classCounts.size(), 1u);
    EXPECT_EQ(all.classCounts[0], (std::vector<std::size_t>{1, 2, 0}));
  }
  const std::vector<std::vector<core::Coord>> square = {{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}};
  settings.focus = core::Geometry::polygon(square);
  QPainter painter(&image);
  const RenderResult focused = MapRenderer(settings).render(painter, layers);
  // "b" is drawn (under the veil) but not counted: the legend will not list it.
  EXPECT_EQ(focused.classCounts[0], (std::vector<std::size_t>{1, 0, 0}));
}

}  // namespace
}  // namespace circatlas::render
