// Reading GDAL sources into layers: types, CRS, mixed geometries and every kind of unreadable input.
#include "io/layer_reader.h"

#include <gtest/gtest.h>

#include "core/data_paths.h"
#include "core/error.h"
#include "io/dataset_info.h"
#include "io/layer_writer.h"
#include "test_support.h"

namespace circatlas::io {
namespace {

using test::TempDir;
using test::writeFile;

const char* const kParks = R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "id": 1, "properties": {"name_zh": "金昌经济技术开发区", "level": 1, "area_km2": 98.5},
  "geometry": {"type": "Point", "coordinates": [102.19, 38.52]}},
 {"type": "Feature", "id": 2, "properties": {"name_zh": "河西堡化工循环经济产业园", "level": 2, "area_km2": null},
  "geometry": {"type": "Point", "coordinates": [102.08, 38.37]}}]})";

TEST(LayerReader, ReadsPointsWithTypedAttributesAndChineseText) {
  TempDir dir;
  const auto path = writeFile(dir / "parks.geojson", kParks).string();
  const core::Layer layer = readLayer(path);
  ASSERT_EQ(layer.size(), 2U);
  EXPECT_EQ(layer.geometryType(), core::GeometryType::Point);
  EXPECT_EQ(layer.crs(), "EPSG:4326");
  EXPECT_EQ(layer.schema()[layer.schema().require("level")].type, core::FieldType::Integer);
  EXPECT_EQ(layer.schema()[layer.schema().require("area_km2")].type, core::FieldType::Real);
  EXPECT_EQ(std::get<core::Text>(layer.value(1, "name_zh")), "河西堡化工循环经济产业园");
  EXPECT_TRUE(core::isNull(layer.value(1, "area_km2")));
  EXPECT_EQ(layer[0].geometry.coords()[0], (core::Coord{102.19, 38.52}));
}

TEST(LayerReader, PolygonsAndMultiPolygonsAreUnifiedAsMultiPolygons) {
  TempDir dir;
  const auto path = writeFile(dir / "zones.geojson", R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}},
 {"type": "Feature", "properties": {}, "geometry": {"type": "MultiPolygon",
   "coordinates": [[[[2,2],[3,2],[3,3],[2,2]]], [[[5,5],[6,5],[6,6],[5,5]]]]}},
 {"type": "Feature", "properties": {}, "geometry": null}]})")
                        .string();
  const core::Layer layer = readLayer(path);
  EXPECT_EQ(layer.geometryType(), core::GeometryType::MultiPolygon);
  EXPECT_EQ(layer[0].geometry.type(), core::GeometryType::MultiPolygon);
  EXPECT_EQ(layer[1].geometry.partCount(), 2U);
  EXPECT_TRUE(layer[2].geometry.isEmpty());
}

TEST(LayerReader, MixedGeometryFamiliesNameTheFeature) {
  TempDir dir;
  const auto path = writeFile(dir / "mixed.geojson", R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "id": 10, "properties": {}, "geometry": {"type": "Point", "coordinates": [0, 0]}},
 {"type": "Feature", "id": 11, "properties": {}, "geometry": {"type": "LineString", "coordinates": [[0,0],[1,1]]}}]})")
                        .string();
  try {
    (void)readLayer(path);
    FAIL() << "expected InputError";
  } catch (const core::InputError& e) {
    EXPECT_EQ(
        std::string(e.what()),
        path + ": layer 'mixed', feature 11: mixed geometry types: a LineString in a layer of MultiPoint geometries");
  }
}

TEST(LayerReader, MissingFileIsAnIoError) {
  try {
    (void)readLayer("no/such/enterprises.gpkg");
    FAIL() << "expected IoError";
  } catch (const core::IoError& e) {
    EXPECT_STREQ(e.what(), "no/such/enterprises.gpkg: no such file or directory");
  }
}

TEST(LayerReader, NonSpatialFileIsAnInputErrorQuotingGdal) {
  TempDir dir;
  const auto path = writeFile(dir / "minutes.txt", "Minutes of the planning meeting, 17 May 2012.\n").string();
  try {
    (void)readLayer(path);
    FAIL() << "expected InputError";
  } catch (const core::InputError& e) {
    const std::string message = e.what();
    EXPECT_EQ(message.rfind(path + ": not a vector data source that GDAL can read", 0), 0U) << message;
    EXPECT_NE(message.find("not recognized as a supported file format"), std::string::npos) << message;
  }
}

TEST(LayerReader, UnknownLayerNameListsTheLayersThatExist) {
  try {
    (void)readLayer(core::DataPaths::fromEnvironment().basemap().string(), {.layer = "roads", .sql = std::nullopt});
    FAIL() << "expected ParameterError";
  } catch (const core::ParameterError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("no layer named 'roads' (layers: "), std::string::npos) << message;
    EXPECT_NE(message.find("counties"), std::string::npos) << message;
  }
}

TEST(LayerReader, SeveralLayersAndNoNameIsAParameterError) {
  EXPECT_THROW((void)readLayer(core::DataPaths::fromEnvironment().basemap().string()), core::ParameterError);
}

TEST(LayerReader, SqlSelectsFeatures) {
  const core::Layer lanzhou = readLayer(
      core::DataPaths::fromEnvironment().basemap().string(),
      {.layer = std::nullopt, .sql = "SELECT code, name_zh, geom FROM counties WHERE prefecture_code = '620100'"});
  EXPECT_EQ(lanzhou.size(), 8U);  // 5 districts and 3 counties
}

TEST(LayerReader, CorruptGeoPackageIsAnInputError) {
  TempDir dir;
  // A real GeoPackage whose pages after the first are overwritten, as by a copy cut short and
  // padded: SQLite's header survives, its tables do not.
  std::ifstream in(core::DataPaths::fromEnvironment().basemap(), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 65536U);
  for (std::size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 7919) & 0xFF);
  const auto path = writeFile(dir / "cut.gpkg", bytes).string();
  EXPECT_THROW((void)describeDataset(path), core::InputError);
  EXPECT_THROW((void)readLayer(path, {.layer = "counties", .sql = std::nullopt}), core::InputError);
}

// A GeoPackage table of more features than one reader should take alone is read in fid ranges, one
// connection each: the same features, values and coordinates in the same order as one reader gives
// (an SQL statement is always read by one).
TEST(LayerReader, LargeGeoPackageReadInFidRangesEqualsOneReader) {
  TempDir dir;
  const std::string path = (dir / "sites.gpkg").string();
  constexpr std::int64_t kSites = 150000;
  core::Layer sites("sites", "EPSG:4326", core::GeometryType::Point,
                    core::Schema({{"code", core::FieldType::String}, {"n", core::FieldType::Integer}}));
  for (std::int64_t i = 0; i < kSites; ++i) {
    sites.add(
        {core::FeatureId(i + 1),
         core::Geometry::point({100.0 + static_cast<double>(i) * 1e-5, 36.0 + static_cast<double>(i % 997) * 1e-4}),
         {"S" + std::to_string(i), i}});
  }
  writeLayer(sites, path);
  const core::Layer ranges = readLayer(path);
  const core::Layer one = readLayer(path, {.layer = std::nullopt, .sql = "SELECT * FROM sites"});
  ASSERT_EQ(ranges.size(), static_cast<std::size_t>(kSites));
  ASSERT_EQ(one.size(), ranges.size());
  std::size_t differing = 0;
  for (std::size_t i = 0; i < ranges.size(); ++i) {
    const bool same = ranges[i].id == one[i].id && ranges[i].geometry.coords()[0] == one[i].geometry.coords()[0] &&
                      ranges.value(i, "code") == one.value(i, "code") &&
                      std::get<std::int64_t>(ranges.value(i, "n")) == static_cast<std::int64_t>(i);
    differing += same ? 0 : 1;
  }
  EXPECT_EQ(differing, 0U);
}

}  // namespace
}  // namespace circatlas::io
