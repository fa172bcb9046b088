// ExportTool: CRS of the export, styles for every geometry layer, provenance of results, layer selection.
#include "tools/export_tool.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "geo/transformer.h"
#include "io/layer_reader.h"
#include "test_support.h"

namespace circatlas::tools {
namespace {

core::Layer seats() {
  core::Layer layer("seats", "EPSG:4326", core::GeometryType::Point,
                    core::Schema({{"name_zh", core::FieldType::String}}));
  layer.add({core::FeatureId(1), core::Geometry::point({103.8343, 36.0611}), {std::string("兰州")}});
  layer.add({core::FeatureId(2), core::Geometry::point({102.1879, 38.5201}), {std::string("金昌")}});
  return layer;
}

ExportItem item(core::Layer layer) {
  return {std::move(layer), {"县城", "Seats"}, std::nullopt, "test literal", "public domain", "", "", {}, true};
}

TEST(ExportTool, LayersAreTransformedIntoTheRequestedCrs) {
  test::TempDir dir;
  ExportParams params;
  params.out = (dir / "utm.gpkg").string();
  params.crs = "EPSG:32648";  // UTM 48N
  core::NullProgress progress;
  std::vector<ExportItem> items;
  items.push_back(item(seats()));
  runExport(std::move(items), params, progress);
  const core::Layer back = io::readLayer(params.out, {.layer = "seats", .sql = std::nullopt});
  EXPECT_EQ(back.crs(), "EPSG:32648");
  const geo::Transformer toUtm("EPSG:4326", "EPSG:32648");
  const core::Layer original = seats();
  for (std::size_t i = 0; i < back.size(); ++i) {
    const core::Coord want = toUtm.forward(original[i].geometry.coords()[0]);
    EXPECT_NEAR(back[i].geometry.coords()[0].x, want.x, 1e-6);
    EXPECT_NEAR(back[i].geometry.coords()[0].y, want.y, 1e-6);
  }
}

TEST(ExportTool, UnstyledGeometryLayersGetAPlainStyleAndTablesNone) {
  test::TempDir dir;
  ExportParams params;
  params.out = (dir / "a.gpkg").string();
  core::NullProgress progress;
  std::vector<ExportItem> items;
  items.push_back(item(seats()));
  // the same title as the seats: identifiers must still be unique
  core::Layer table("whatif", "", core::GeometryType::None, core::Schema({{"project_id", core::FieldType::String}}));
  table.add({core::FeatureId(1), {}, {std::string("J003")}});
  ExportItem result = item(std::move(table));
  result.producedBy = "circatlas whatif";
  result.parameters = "detour=1.3";
  items.push_back(std::move(result));
  const ExportSummary summary = runExport(std::move(items), params, progress);
  EXPECT_EQ(summary.report.layers, 2U);
  EXPECT_EQ(summary.styledLayers, 1U);
  const core::Layer styles = io::readLayer(params.out, {.layer = "layer_styles", .sql = std::nullopt});
  ASSERT_EQ(styles.size(), 1U);
  EXPECT_EQ(std::get<core::Text>(styles.value(0, "f_table_name")), "seats");
  EXPECT_NE(std::get<core::Text>(styles.value(0, "styleQML")).view().find("singleSymbol"), std::string::npos);
  const core::Layer contents = io::readLayer(
      params.out,
      {.layer = std::nullopt, .sql = "SELECT identifier, description FROM gpkg_contents WHERE table_name = 'whatif'"});
  ASSERT_EQ(contents.size(), 1U);
  EXPECT_EQ(std::get<core::Text>(contents.value(0, "identifier")), "县城 / Seats (whatif)");
  EXPECT_EQ(std::get<core::Text>(contents.value(0, "description")),
            "县城 / Seats; made by circatlas whatif (detour=1.3); public domain");
}

TEST(ExportTool, PlainStyleFollowsTheGeometry) {
  EXPECT_EQ(plainStyle(seats()).geometry, render::StyleGeometry::Point);
  const core::Layer lines("l", "EPSG:4326", core::GeometryType::MultiLineString, core::Schema());
  EXPECT_EQ(plainStyle(lines).geometry, render::StyleGeometry::Line);
  EXPECT_TRUE(plainStyle(lines).classes.at(0).symbol.stroke.has_value());
  const core::Layer areas("a", "EPSG:4326", core::GeometryType::Polygon, core::Schema());
  EXPECT_EQ(plainStyle(areas).geometry, render::StyleGeometry::Polygon);
}

TEST(ExportTool, RenamedLayerKeepsFeaturesUnderTheNewName) {
  const core::Layer renamed = renamedLayer(seats(), "county_seats");
  EXPECT_EQ(renamed.name(), "county_seats");
  EXPECT_EQ(renamed.size(), 2U);
  EXPECT_EQ(renamed.schema(), seats().schema());
  EXPECT_EQ(renamed[1].values, seats()[1].values);
}

}  // namespace
}  // namespace circatlas::tools
