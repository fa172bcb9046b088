// Writing layers through GDAL: round trips keep types, text and geometry; failures leave targets intact.
#include "io/layer_writer.h"

#include <gtest/gtest.h>

#include <fstream>

#include "core/error.h"
#include "io/layer_reader.h"
#include "test_support.h"

namespace circatlas::io {
namespace {

core::Layer sampleParks() {
  core::Layer layer("parks", "EPSG:4326", core::GeometryType::Point,
                    core::Schema({{"id", core::FieldType::String},
                                  {"name_zh", core::FieldType::String},
                                  {"enterprises", core::FieldType::Integer},
                                  {"area_km2", core::FieldType::Real},
                                  {"national_pilot", core::FieldType::Boolean},
                                  {"approved", core::FieldType::Date}}));
  layer.add({core::FeatureId(1),
             core::Geometry::point({102.1876543219, 38.5212345678}),
             {std::string("P001"), std::string("金昌经济技术开发区"), std::int64_t{45}, 98.25, true,
              core::DateTime{2012, 5, 17, 0, 0, 0.0, std::nullopt}}});
  layer.add({core::FeatureId(2),
             core::Geometry::point({102.08, 38.37}),
             {std::string("P002"), std::string("河西堡化工循环经济产业园"), std::monostate{}, std::monostate{}, false,
              std::monostate{}}});
  return layer;
}

TEST(LayerWriter, GeoPackageRoundTripKeepsTypesChineseNullsAndCoordinates) {
  test::TempDir dir;
  const std::string path = (dir / "parks.gpkg").string();
  const core::Layer original = sampleParks();
  writeLayer(original, path);
  const core::Layer back = readLayer(path);
  ASSERT_EQ(back.size(), 2U);
  EXPECT_EQ(back.crs(), "EPSG:4326");
  EXPECT_EQ(back.schema(), original.schema());
  for (std::size_t i = 0; i < back.size(); ++i) {
    EXPECT_EQ(back[i].values, original[i].values) << i;
    EXPECT_NEAR(back[i].geometry.coords()[0].x, original[i].geometry.coords()[0].x, 1e-9);
    EXPECT_NEAR(back[i].geometry.coords()[0].y, original[i].geometry.coords()[0].y, 1e-9);
  }
}

// A date-time keeps its fraction of a second and its time zone through a GeoPackage (OGR carries
// seconds as a float, as core::DateTime does) and is written out in ISO 8601.
TEST(LayerWriter, DateTimeKeepsFractionalSecondsAndTimeZone) {
  test::TempDir dir;
  const std::string path = (dir / "readings.gpkg").string();
  core::Layer layer("readings", "EPSG:4326", core::GeometryType::Point,
                    core::Schema({{"taken", core::FieldType::DateTime}}));
  const core::DateTime taken{2024, 7, 1, 8, 30, 15.25F, 8 * 60};
  layer.add({core::FeatureId(1), core::Geometry::point({103.8, 36.06}), {taken}});
  writeLayer(layer, path);
  const core::Layer back = readLayer(path);
  ASSERT_EQ(back.size(), 1U);
  EXPECT_EQ(std::get<core::DateTime>(back.value(0, "taken")), taken);
  EXPECT_EQ(core::toString(back.value(0, "taken")), "2024-07-01T08:30:15.250+08:00");
}

TEST(LayerWriter, ShapefileDeclaresUtf8) {
  test::TempDir dir;
  writeLayer(sampleParks(), (dir / "parks.shp").string());
  std::ifstream cpg(dir / "parks.cpg");
  std::string encoding;
  std::getline(cpg, encoding);
  EXPECT_EQ(encoding, "UTF-8");
  EXPECT_EQ(std::get<core::Text>(readLayer((dir / "parks.shp").string()).value(1, "name_zh")),
            "河西堡化工循环经济产业园");
}

TEST(LayerWriter, CsvOfPointsWithLonLatFieldsHasNoGeometryColumn) {
  test::TempDir dir;
  core::Layer layer(
      "e", "EPSG:4326", core::GeometryType::Point,
      core::Schema({{"id", core::FieldType::String}, {"lon", core::FieldType::Real}, {"lat", core::FieldType::Real}}));
  layer.add({core::FeatureId(1), core::Geometry::point({103.5, 36.5}), {std::string("E1"), 103.5, 36.5}});
  writeLayer(layer, (dir / "e.csv").string());
  std::ifstream in(dir / "e.csv");
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header, "id,lon,lat");
}

TEST(LayerWriter, FailedWriteLeavesTheExistingFileByteIdentical) {
  test::TempDir dir;
  const auto target = test::writeFile(dir / "parks.gpkg", "previous contents");
  core::Layer broken("parks", "EPSG:999999", core::GeometryType::Point, core::Schema());
  broken.add({core::FeatureId(1), core::Geometry::point({0, 0}), {}});
  EXPECT_THROW(writeLayer(broken, target.string()), core::CrsError);
  std::ifstream in(target);
  std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(content, "previous contents");
  // No temporary folder is left behind.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir.path())) ++entries;
  EXPECT_EQ(entries, 1U);
}

TEST(LayerWriter, MissingFolderIsAnIoError) {
  EXPECT_THROW(writeLayer(sampleParks(), "/no/such/folder/parks.gpkg"), core::IoError);
}

TEST(LayerWriter, UnknownExtensionIsAParameterError) {
  EXPECT_THROW((void)driverForPath("parks.xlsx"), core::ParameterError);
}

}  // namespace
}  // namespace circatlas::io
