// GeoPackage bulk writing: the tables, blobs, extents, counts and spatial index equal GDAL's per-feature writing.
#include "io/geopackage_bulk.h"

#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <string>
#include <vector>

#include "io/gdal_session.h"
#include "io/layer_writer.h"
#include "io/layer_writer_detail.h"
#include "test_support.h"

namespace circatlas::io {
namespace {

core::Layer points() {
  core::Layer layer("points", "EPSG:4326", core::GeometryType::Point,
                    core::Schema({{"id", core::FieldType::String},
                                  {"name_zh", core::FieldType::String},
                                  {"members", core::FieldType::Integer},
                                  {"share", core::FieldType::Real},
                                  {"pilot", core::FieldType::Boolean}}));
  layer.add({core::FeatureId(1),
             core::Geometry::point({102.1876543219, 38.5212345678}),
             {std::string("P001"), std::string("金昌经济技术开发区"), std::int64_t{45}, 98.25, true}});
  layer.add({core::FeatureId(2),
             core::Geometry::point({-0.5, 51.25}),
             {std::string("it's"), std::monostate{}, std::int64_t{-7}, std::monostate{}, false}});
  layer.add({core::FeatureId(3),
             core::Geometry(core::GeometryType::Point),
             {std::monostate{}, std::string(""), std::monostate{}, 1e-300, std::monostate{}}});
  return layer;
}

core::Layer areas() {
  core::Layer layer("areas", "EPSG:4326", core::GeometryType::MultiPolygon,
                    core::Schema({{"code", core::FieldType::String}}));
  core::Geometry g(core::GeometryType::MultiPolygon);
  g.addPath(std::vector<core::Coord>{{100, 36}, {104, 36}, {104, 40}, {100, 40}});  // left open: closed on writing
  g.addPath(std::vector<core::Coord>{{101, 37}, {102, 37}, {102, 38}, {101, 37}});
  g.closePart();
  g.addPath(std::vector<core::Coord>{{90, 30}, {91, 30}, {91, 31}, {90, 30}});
  g.closePart();
  layer.add({core::FeatureId(1), g, {std::string("620100")}});
  return layer;
}

core::Layer table() {
  core::Layer layer("summary", "", core::GeometryType::None, core::Schema({{"total", core::FieldType::Real}}));
  layer.add({core::FeatureId(1), core::Geometry(), {2.5}});
  return layer;
}

// Every row of every table the test compares, as text (geometry blobs in hex).
std::vector<std::string> dump(const std::string& path) {
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
  EXPECT_TRUE(ds);
  std::vector<std::string> rows;
  const char* queries[] = {
      "SELECT fid, hex(geom), id, name_zh, members, share, pilot FROM points ORDER BY fid",
      "SELECT fid, hex(geom), code FROM areas ORDER BY fid",
      "SELECT fid, total FROM summary ORDER BY fid",
      "SELECT table_name, min_x, min_y, max_x, max_y, srs_id FROM gpkg_contents ORDER BY table_name",
      "SELECT table_name, feature_count FROM gpkg_ogr_contents ORDER BY table_name",
      "SELECT table_name, column_name, geometry_type_name, srs_id FROM gpkg_geometry_columns ORDER BY table_name",
      "SELECT table_name, column_name, extension_name FROM gpkg_extensions ORDER BY table_name, extension_name",
      "SELECT id, minx, maxx, miny, maxy FROM rtree_points_geom ORDER BY id",
      "SELECT id, minx, maxx, miny, maxy FROM rtree_areas_geom ORDER BY id",
      "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"};
  for (const char* sql : queries) {
    OGRLayer* result = ds->ExecuteSQL(sql, nullptr, "SQLITE");
    EXPECT_NE(result, nullptr) << sql;
    if (!result) continue;
    for (auto& f : *result) {
      std::string row = sql;
      for (int i = 0; i < f->GetFieldCount(); ++i) row += std::string("|") + f->GetFieldAsString(i);
      rows.push_back(row);
    }
    ds->ReleaseResultSet(result);
  }
  return rows;
}

// SQLite's own consistency check of an R*Tree ("ok" when every box, parent and rowid link holds).
std::string rtreeCheck(GDALDataset& ds, const std::string& rtree) {
  OGRLayer* result = ds.ExecuteSQL(("SELECT rtreecheck('" + rtree + "')").c_str(), nullptr, "SQLITE");
  if (!result) return "no result";
  std::string answer;
  for (auto& f : *result) answer = f->GetFieldAsString(0);
  ds.ReleaseResultSet(result);
  return answer;
}

TEST(GeoPackageBulk, WritesWhatGdalsPerFeaturePathWrites) {
  detail::ensureGdalInitialised();
  test::TempDir dir;
  const core::Layer a = points(), b = areas(), c = table();
  ASSERT_TRUE(detail::fillableByBulkInsert(a) && detail::fillableByBulkInsert(b) && detail::fillableByBulkInsert(c));
  const core::Layer* layers[] = {&a, &b, &c};
  const std::string bulk = (dir / "bulk.gpkg").string();
  writeLayers(layers, bulk);

  const std::string reference = (dir / "gdal.gpkg").string();
  {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(driver->Create(reference.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    for (const core::Layer* layer : layers) detail::writeLayerInto(*ds, "GPKG", *layer, reference);
  }
  const auto expected = dump(reference);
  const auto actual = dump(bulk);
  ASSERT_EQ(expected.size(), 46U);  // every row of the queries above, GDAL's triggers included
  EXPECT_EQ(actual, expected);
  {
    GDALDatasetUniquePtr check(GDALDataset::Open(bulk.c_str(), GDAL_OF_VECTOR));
    EXPECT_EQ(rtreeCheck(*check, "rtree_points_geom"), "ok");
    EXPECT_EQ(rtreeCheck(*check, "rtree_areas_geom"), "ok");
  }

  // The spatial index answers spatial filters.
  GDALDatasetUniquePtr ds(GDALDataset::Open(bulk.c_str(), GDAL_OF_VECTOR));
  OGRLayer* p = ds->GetLayerByName("points");
  p->SetSpatialFilterRect(100, 30, 110, 40);
  EXPECT_EQ(p->GetFeatureCount(), 1);
}

TEST(GeoPackageBulk, PackedSpatialIndexOfThreeLevelsAnswersLikeABruteForceScan) {
  detail::ensureGdalInitialised();
  test::TempDir dir;
  core::Layer layer("many", "EPSG:4326", core::GeometryType::Point, core::Schema({{"k", core::FieldType::Integer}}));
  std::vector<core::Coord> coords;
  std::uint64_t state = 2026;
  auto next = [&state] {  // a small LCG: reproducible without a seeded library generator
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11) / 9007199254740992.0;
  };
  for (int i = 0; i < 6000; ++i) {
    coords.push_back({92.3 + 16.4 * next(), 32.6 + 10.2 * next()});
    layer.add({core::FeatureId(i + 1),
               i % 100 == 7 ? core::Geometry(core::GeometryType::Point) : core::Geometry::point(coords.back()),
               {std::int64_t{i}}});
  }
  const std::string path = (dir / "many.gpkg").string();
  writeLayer(layer, path);
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(ds);
  EXPECT_EQ(rtreeCheck(*ds, "rtree_many_geom"), "ok");
  OGRLayer* result = ds->ExecuteSQL("SELECT count(*), max(nodeno) FROM rtree_many_geom_node", nullptr, "SQLITE");
  ASSERT_NE(result, nullptr);
  for (auto& f : *result) EXPECT_GT(f->GetFieldAsInteger(0), 51 + 1) << "expected more than two levels";
  ds->ReleaseResultSet(result);
  OGRLayer* many = ds->GetLayerByName("many");
  const double boxes[][4] = {{100, 35, 101, 36}, {92, 32, 109, 43}, {104.5, 40.2, 104.6, 40.3}, {0, 0, 1, 1}};
  for (const auto& b : boxes) {
    std::int64_t expected = 0;
    for (int i = 0; i < 6000; ++i) {
      const auto& c = coords[static_cast<std::size_t>(i)];
      expected += i % 100 != 7 && c.x >= b[0] && c.x <= b[2] && c.y >= b[1] && c.y <= b[3];
    }
    many->SetSpatialFilterRect(b[0], b[1], b[2], b[3]);
    EXPECT_EQ(many->GetFeatureCount(), expected) << b[0] << " " << b[1];
  }
}

// Rows go in several to a statement: layers of none, one, a whole number of batches and one row more come
// back whole, in order, with fids 1, 2, … and every row's own values, and each point is found by the index.
TEST(GeoPackageBulk, LayersOfEverySizeAroundABatchComeBackWhole) {
  detail::ensureGdalInitialised();
  test::TempDir dir;
  for (const int n : {0, 1, 63, 64, 65, 128, 129}) {
    core::Layer layer("rows", "EPSG:4326", core::GeometryType::Point,
                      core::Schema({{"k", core::FieldType::Integer}, {"name", core::FieldType::String}}));
    for (int i = 0; i < n; ++i) {
      layer.add(
          {core::FeatureId(1000 + i),
           i % 10 == 3 ? core::Geometry(core::GeometryType::Point) : core::Geometry::point({100.0 + i * 0.01, 36}),
           {std::int64_t{i * 7}, std::string("行") + std::to_string(i)}});
    }
    const std::string path = (dir / ("rows" + std::to_string(n) + ".gpkg")).string();
    writeLayer(layer, path);
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR));
    ASSERT_TRUE(ds) << n;
    OGRLayer* back = ds->GetLayerByName("rows");
    ASSERT_NE(back, nullptr) << n;
    EXPECT_EQ(back->GetFeatureCount(), n);
    int i = 0;
    for (auto& f : *back) {
      EXPECT_EQ(f->GetFID(), i + 1) << n;
      EXPECT_EQ(f->GetFieldAsInteger64("k"), i * 7) << n;
      EXPECT_EQ(std::string(f->GetFieldAsString("name")), "行" + std::to_string(i)) << n;
      EXPECT_EQ(f->GetGeometryRef() == nullptr, i % 10 == 3) << n << " " << i;
      ++i;
    }
    EXPECT_EQ(i, n);
    if (n > 0) {
      EXPECT_EQ(rtreeCheck(*ds, "rtree_rows_geom"), "ok") << n;
    }
    for (int j = 0; j < n; j += 16) {
      back->SetSpatialFilterRect(100.0 + j * 0.01 - 0.001, 35.9, 100.0 + j * 0.01 + 0.001, 36.1);
      EXPECT_EQ(back->GetFeatureCount(), j % 10 == 3 ? 0 : 1) << n << " " << j;
    }
    back->SetSpatialFilter(nullptr);
  }
}

TEST(GeoPackageBulk, DatesAndMistypedValuesKeepGdalsPath) {
  core::Layer dated("d", "EPSG:4326", core::GeometryType::Point, core::Schema({{"on", core::FieldType::Date}}));
  EXPECT_FALSE(detail::fillableByBulkInsert(dated));
  core::Layer mistyped("m", "EPSG:4326", core::GeometryType::Point, core::Schema({{"n", core::FieldType::Integer}}));
  mistyped.add({core::FeatureId(1), core::Geometry::point({1, 2}), {std::string("12")}});
  EXPECT_FALSE(detail::fillableByBulkInsert(mistyped));
  core::Layer badText("b", "EPSG:4326", core::GeometryType::Point, core::Schema({{"s", core::FieldType::String}}));
  badText.add({core::FeatureId(1), core::Geometry::point({1, 2}), {std::string("\xff\xfe")}});
  EXPECT_FALSE(detail::fillableByBulkInsert(badText));
  // A text with a NUL byte, which GDAL ends there: GDAL's path, so the file holds what GDAL writes.
  core::Layer nul("z", "EPSG:4326", core::GeometryType::Point, core::Schema({{"s", core::FieldType::String}}));
  nul.add({core::FeatureId(1), core::Geometry::point({1, 2}), {std::string("ab\0cd", 5)}});
  EXPECT_FALSE(detail::fillableByBulkInsert(nul));
  core::Layer chinese("c", "EPSG:4326", core::GeometryType::Point, core::Schema({{"s", core::FieldType::String}}));
  chinese.add({core::FeatureId(1), core::Geometry::point({1, 2}), {std::string("金昌")}});
  EXPECT_TRUE(detail::fillableByBulkInsert(chinese));
}

}  // namespace
}  // namespace circatlas::io
