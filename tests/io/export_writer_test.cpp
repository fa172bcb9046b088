// Export writer: GeoPackage round trips, layer_styles, provenance, per-layer formats, and targets untouched on failure.
#include "io/export_writer.h"

#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>

#include "core/error.h"
#include "io/layer_reader.h"
#include "test_support.h"

namespace circatlas::io {
namespace {

namespace fs = std::filesystem;

core::Layer parks() {
  core::Layer layer("parks", "EPSG:4326", core::GeometryType::Point,
                    core::Schema({{"id", core::FieldType::String},
                                  {"name_zh", core::FieldType::String},
                                  {"enterprises", core::FieldType::Integer},
                                  {"area_km2", core::FieldType::Real},
                                  {"approved", core::FieldType::Date}}));
  layer.add({core::FeatureId(1),
             core::Geometry::point({102.1876543219, 38.5212345678}),
             {std::string("P001"), std::string("金昌经济技术开发区"), std::int64_t{45}, 98.25,
              core::DateTime{2012, 5, 17, 0, 0, 0.0, std::nullopt}}});
  layer.add({core::FeatureId(2),
             core::Geometry::point({102.08, 38.37}),
             {std::string("P002"), std::string("河西堡化工循环经济产业园"), std::monostate{}, std::monostate{},
              std::monostate{}}});
  return layer;
}

core::Layer hulls() {
  core::Layer layer("cluster_hulls", "EPSG:4326", core::GeometryType::Polygon,
                    core::Schema({{"cluster_id", core::FieldType::Integer}, {"prefectures", core::FieldType::String}}));
  const std::vector<std::vector<core::Coord>> rings{
      {{102.0, 38.0}, {103.0, 38.0}, {103.0, 39.0}, {102.0, 39.0}, {102.0, 38.0}},
      {{102.2, 38.2}, {102.4, 38.2}, {102.4, 38.4}, {102.2, 38.2}}};
  layer.add({core::FeatureId(1), core::Geometry::polygon(rings), {std::int64_t{1}, std::string("620300;620600")}});
  return layer;
}

core::Layer links() {
  core::Layer layer("partner_links", "EPSG:4326", core::GeometryType::LineString,
                    core::Schema({{"material_code", core::FieldType::String}, {"tonnes", core::FieldType::Real}}));
  const std::vector<core::Coord> line{{103.8123456789, 36.0612345678}, {104.1734, 36.5458}};
  layer.add({core::FeatureId(1), core::Geometry::lineString(line), {std::string("FLY_ASH"), 120000.5}});
  return layer;
}

core::Layer flows() {
  core::Layer layer("flows", "", core::GeometryType::None,
                    core::Schema({{"enterprise_id", core::FieldType::String}, {"quantity", core::FieldType::Real}}));
  layer.add({core::FeatureId(1), {}, {std::string("E001"), 1.5e6}});
  layer.add({core::FeatureId(2), {}, {std::string("E002"), std::monostate{}}});
  return layer;
}

LayerStyleDocument style(const std::string& name) {
  return {name, "<!DOCTYPE qgis><qgis><renderer-v2 type=\"singleSymbol\"/></qgis>", "<StyledLayerDescriptor/>", name};
}

std::string bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Rows of a one-column SQL result, as text.
std::vector<std::string> query(const fs::path& gpkg, const std::string& sql) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.string().c_str(), GDAL_OF_VECTOR));
  EXPECT_TRUE(ds) << gpkg;
  std::vector<std::string> rows;
  if (!ds) return rows;
  OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
  EXPECT_NE(result, nullptr) << sql;
  if (!result) return rows;
  for (auto& f : *result) rows.emplace_back(f->IsFieldSetAndNotNull(0) ? f->GetFieldAsString(0) : "NULL");
  ds->ReleaseResultSet(result);
  return rows;
}

struct Fixture {
  core::Layer a = parks();
  core::Layer b = hulls();
  core::Layer c = links();
  core::Layer d = flows();
  std::vector<ExportLayer> layers() const {
    return {{&a, "Parks 园区", {{"circatlas_source", "catalogue, parks.csv"}}, style("parks")},
            {&b, "Cluster hulls", {{"circatlas_parameters", "eps_m=5000 min_points=5"}}, style("clusters")},
            {&c, "Partner links", {}, style("partner_links")},
            {&d, "Flows", {}, std::nullopt}};
  }
};

void expectSameLayer(const core::Layer& back, const core::Layer& original) {
  ASSERT_EQ(back.size(), original.size()) << original.name();
  EXPECT_EQ(back.schema(), original.schema()) << original.name();
  for (std::size_t i = 0; i < back.size(); ++i) {
    EXPECT_EQ(back[i].values, original[i].values) << original.name() << " feature " << i;
    const auto got = back[i].geometry.coords();
    const auto want = original[i].geometry.coords();
    ASSERT_EQ(got.size(), want.size()) << original.name() << " feature " << i;
    for (std::size_t k = 0; k < got.size(); ++k) {
      EXPECT_NEAR(got[k].x, want[k].x, 1e-9);
      EXPECT_NEAR(got[k].y, want[k].y, 1e-9);
    }
    EXPECT_EQ(back[i].geometry.pathCount(), original[i].geometry.pathCount());
  }
}

TEST(ExportWriter, GeoPackageRoundTripKeepsFeaturesTypesChineseNullsAndGeometries) {
  test::TempDir dir;
  const Fixture f;
  const auto layers = f.layers();
  const auto path = dir / "atlas.gpkg";
  const ExportReport report = writeExport(layers, path.string(), {});
  EXPECT_EQ(report.driver, "GPKG");
  EXPECT_EQ(report.layers, 4U);
  for (const auto& l : layers) {
    const core::Layer back = readLayer(path.string(), {.layer = l.layer->name(), .sql = std::nullopt});
    expectSameLayer(back, *l.layer);
    if (l.layer->geometryType() != core::GeometryType::None) {
      EXPECT_EQ(back.crs(), "EPSG:4326");
    }
  }
}

TEST(ExportWriter, EveryGeometryLayerHasASpatialIndex) {
  test::TempDir dir;
  const Fixture f;
  const auto path = dir / "atlas.gpkg";
  writeExport(f.layers(), path.string(), {});
  const auto indexed = query(path,
                             "SELECT table_name FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index' "
                             "ORDER BY table_name");
  EXPECT_EQ(indexed, (std::vector<std::string>{"cluster_hulls", "parks", "partner_links"}));
}

TEST(ExportWriter, LayerStylesHoldOneDefaultRowPerStyledLayer) {
  test::TempDir dir;
  const Fixture f;
  const auto path = dir / "atlas.gpkg";
  writeExport(f.layers(), path.string(), {});
  EXPECT_EQ(query(path,
                  "SELECT f_table_name || ':' || styleName || ':' || useAsDefault || ':' || f_geometry_column "
                  "FROM layer_styles ORDER BY f_table_name"),
            (std::vector<std::string>{"cluster_hulls:clusters:1:geom", "parks:parks:1:geom",
                                      "partner_links:partner_links:1:geom"}));
  EXPECT_EQ(query(path, "SELECT data_type FROM gpkg_contents WHERE table_name = 'layer_styles'"),
            (std::vector<std::string>{"attributes"}));
  EXPECT_EQ(query(path, "SELECT styleQML FROM layer_styles WHERE f_table_name = 'parks'"),
            (std::vector<std::string>{"<!DOCTYPE qgis><qgis><renderer-v2 type=\"singleSymbol\"/></qgis>"}));
}

TEST(ExportWriter, DescriptionsAndProvenanceAreInTheGeoPackageMetadata) {
  test::TempDir dir;
  const Fixture f;
  const auto path = dir / "atlas.gpkg";
  ExportWriteOptions options;
  options.datasetMetadata = {{"circatlas_tool_version", "circatlas 9.9.9"}};
  writeExport(f.layers(), path.string(), options);
  EXPECT_EQ(query(path, "SELECT description FROM gpkg_contents WHERE table_name = 'parks'"),
            (std::vector<std::string>{"Parks 园区"}));
  const auto hullMetadata = query(path,
                                  "SELECT m.metadata FROM gpkg_metadata m JOIN gpkg_metadata_reference r "
                                  "ON r.md_file_id = m.id WHERE r.table_name = 'cluster_hulls'");
  ASSERT_EQ(hullMetadata.size(), 1U);
  EXPECT_NE(hullMetadata[0].find("eps_m=5000 min_points=5"), std::string::npos) << hullMetadata[0];
  const auto datasetMetadata = query(path,
                                     "SELECT m.metadata FROM gpkg_metadata m JOIN gpkg_metadata_reference r "
                                     "ON r.md_file_id = m.id WHERE r.reference_scope = 'geopackage'");
  ASSERT_EQ(datasetMetadata.size(), 1U);
  EXPECT_NE(datasetMetadata[0].find("circatlas 9.9.9"), std::string::npos) << datasetMetadata[0];
}

/// The first python3 on PATH that has GDAL's Python utilities (python3-gdal), if any: a Python
/// of its own (pyenv, venv) may come first on PATH without them.
std::optional<std::string> pythonWithGdal() {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  for (std::size_t start = 0; start <= dirs.size();) {
    const std::size_t end = std::min(dirs.find(':', start), dirs.size());
    const fs::path candidate = fs::path(dirs.substr(start, end - start)) / "python3";
    start = end + 1;
    if (candidate.parent_path().empty() || !fs::exists(candidate)) continue;
    const std::string python = "'" + candidate.string() + "'";
    if (test::runCommand(python + " -c 'import osgeo_utils.samples.validate_gpkg'").exitCode == 0) return python;
  }
  return std::nullopt;
}

TEST(ExportWriter, GeoPackagePassesGdalsValidator) {
  const auto python = pythonWithGdal();
  if (!python) GTEST_SKIP() << "GDAL's Python validator (python3-gdal) is not installed";
  test::TempDir dir;
  const Fixture f;
  const auto path = dir / "atlas.gpkg";
  writeExport(f.layers(), path.string(), {});
  const auto r = test::runCommand(*python + " -m osgeo_utils.samples.validate_gpkg '" + path.string() + "'");
  EXPECT_EQ(r.exitCode, 0) << r.output;
}

TEST(ExportWriter, ExistingTargetNeedsOverwriteOrAppend) {
  test::TempDir dir;
  const Fixture f;
  const auto path = dir / "atlas.gpkg";
  test::writeFile(path, "not yet a GeoPackage");
  try {
    writeExport(f.layers(), path.string(), {});
    FAIL() << "expected a ParameterError";
  } catch (const core::ParameterError& e) {
    EXPECT_NE(std::string(e.what()).find("--overwrite"), std::string::npos) << e.what();
  }
  EXPECT_EQ(bytes(path), "not yet a GeoPackage");
  ExportWriteOptions overwrite;
  overwrite.existing = ExistingTarget::Overwrite;
  writeExport(f.layers(), path.string(), overwrite);
  EXPECT_EQ(readLayer(path.string(), {.layer = "parks", .sql = std::nullopt}).size(), 2U);
}

TEST(ExportWriter, AppendAddsLayersAndReplacesSameNamedOnesWithTheirStyles) {
  test::TempDir dir;
  const Fixture f;
  const auto path = dir / "atlas.gpkg";
  const auto all = f.layers();
  writeExport(std::span(all).first(2), path.string(), {});
  core::Layer fewerParks = parks();
  fewerParks.mutableFeatures()[0].values[1] = std::string("金川集团");
  const std::vector<ExportLayer> more{{&fewerParks, "Parks again", {}, style("parks")}, all[2]};
  ExportWriteOptions append;
  append.existing = ExistingTarget::Append;
  writeExport(more, path.string(), append);
  EXPECT_EQ(query(path, "SELECT f_table_name FROM layer_styles ORDER BY f_table_name"),
            (std::vector<std::string>{"cluster_hulls", "parks", "partner_links"}));
  EXPECT_EQ(std::get<core::Text>(readLayer(path.string(), {.layer = "parks", .sql = std::nullopt}).value(0, "name_zh")),
            "金川集团");
  EXPECT_EQ(readLayer(path.string(), {.layer = "cluster_hulls", .sql = std::nullopt}).size(), 1U);
}

/// Cancels at its n-th report: the export then stops between two chunks of features.
class CancelAfter final : public core::Progress {
 public:
  explicit CancelAfter(int reports) : left_(reports) {}
  void report(double, std::string_view) override { --left_; }
  [[nodiscard]] bool cancelled() const override { return left_ <= 0; }

 private:
  int left_;
};

core::Layer manyPoints(std::size_t n) {
  core::Layer layer("points", "EPSG:4326", core::GeometryType::Point, core::Schema({{"i", core::FieldType::Integer}}));
  for (std::size_t i = 0; i < n; ++i) {
    layer.add({core::FeatureId(static_cast<std::int64_t>(i + 1)),
               core::Geometry::point({100.0 + i * 1e-4, 37.0}),
               {static_cast<std::int64_t>(i)}});
  }
  return layer;
}

TEST(ExportWriter, CancellationHalfWayLeavesTheExistingTargetByteIdentical) {
  test::TempDir dir;
  const Fixture f;
  const auto path = dir / "atlas.gpkg";
  writeExport(f.layers(), path.string(), {});
  const std::string before = bytes(path);
  const core::Layer points = manyPoints(1000);
  const std::vector<ExportLayer> layers{{&points, "", {}, std::nullopt}};
  for (ExistingTarget mode : {ExistingTarget::Overwrite, ExistingTarget::Append}) {
    CancelAfter cancel(3);  // layer start, first chunk of 100, second chunk: stop
    ExportWriteOptions options;
    options.existing = mode;
    options.featuresPerTransaction = 100;
    options.progress = &cancel;
    EXPECT_THROW(writeExport(layers, path.string(), options), core::Cancelled);
    EXPECT_EQ(bytes(path), before);
  }
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1) << "temporary files left";
}

TEST(ExportWriter, ALayerThatFailsHalfWayLeavesTheExistingTargetByteIdentical) {
  test::TempDir dir;
  const Fixture f;
  const auto path = dir / "atlas.gpkg";
  writeExport(f.layers(), path.string(), {});
  const std::string before = bytes(path);
  const core::Layer good = manyPoints(10);
  const core::Layer bad("bad_crs", "EPSG:999999", core::GeometryType::Point, core::Schema());
  const std::vector<ExportLayer> layers{{&good, "", {}, std::nullopt}, {&bad, "", {}, std::nullopt}};
  ExportWriteOptions options;
  options.existing = ExistingTarget::Overwrite;
  try {
    writeExport(layers, path.string(), options);
    FAIL() << "expected a CrsError";
  } catch (const core::CrsError& e) {
    EXPECT_NE(std::string(e.what()).find("layer 'bad_crs'"), std::string::npos) << e.what();
  }
  EXPECT_EQ(bytes(path), before);
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1) << "temporary files left";
}

// Read-only by permissions for a user; for root, which writes through permissions, a read-only tmpfs.
TEST(ExportWriter, ReadOnlyFolderIsAnIoErrorNamingTheTarget) {
  test::TempDir dir;
  std::optional<test::TmpfsMount> readOnlyDisk;
  if (geteuid() == 0) {
    readOnlyDisk.emplace(dir / "ro", "ro,size=64k");
    if (!readOnlyDisk->mounted())
      GTEST_SKIP() << "root writes into read-only folders, and no tmpfs can be mounted here";
  } else {
    fs::create_directory(dir / "ro");
    fs::permissions(dir / "ro", fs::perms::owner_read | fs::perms::owner_exec);
  }
  const Fixture f;
  const auto path = dir / "ro" / "atlas.gpkg";
  try {
    writeExport(f.layers(), path.string(), {});
    FAIL() << "expected an IoError";
  } catch (const core::IoError& e) {
    EXPECT_NE(std::string(e.what()).find(path.string()), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(path));
  if (!readOnlyDisk) fs::permissions(dir / "ro", fs::perms::owner_all);
}

TEST(ExportWriter, MissingFolderIsAnIoError) {
  test::TempDir dir;
  const Fixture f;
  EXPECT_THROW(writeExport(f.layers(), (dir / "no" / "such" / "atlas.gpkg").string(), {}), core::IoError);
}

TEST(ExportWriter, ShapefilesGoOnePerLayerIntoAFolderWithCpgAndStyles) {
  test::TempDir dir;
  const Fixture f;
  const auto all = f.layers();
  const ExportReport report = writeExport(std::span(all).first(3), (dir / "atlas.shp").string(), {});
  EXPECT_EQ(report.driver, "ESRI Shapefile");
  const fs::path folder = dir / "atlas.shp";
  for (const char* name : {"parks", "cluster_hulls", "partner_links"}) {
    EXPECT_TRUE(fs::exists(folder / (std::string(name) + ".shp"))) << name;
    EXPECT_EQ(bytes(folder / (std::string(name) + ".cpg")), "UTF-8") << name;
    EXPECT_TRUE(fs::exists(folder / (std::string(name) + ".qml"))) << name;
    EXPECT_TRUE(fs::exists(folder / (std::string(name) + ".sld"))) << name;
  }
  EXPECT_EQ(std::get<core::Text>(readLayer((folder / "parks.shp").string()).value(1, "name_zh")),
            "河西堡化工循环经济产业园");
}

TEST(ExportWriter, GeoJsonAndFlatGeobufRoundTripPerLayer) {
  for (const std::string format : {"GeoJSON", "FlatGeobuf"}) {
    test::TempDir dir;
    const Fixture f;
    const auto all = f.layers();
    ExportWriteOptions options;
    options.format = format;
    writeExport(std::span(all).first(3), (dir / "out").string(), options);  // a folder named as given
    const std::string ext = format == "GeoJSON" ? ".geojson" : ".fgb";
    const core::Layer back = readLayer((dir / "out" / ("cluster_hulls" + ext)).string());
    ASSERT_EQ(back.size(), 1U) << format;
    EXPECT_EQ(back[0].geometry.pathCount(), 2U) << format;
    EXPECT_EQ(std::get<core::Text>(back.value(0, "prefectures")), "620300;620600") << format;
  }
}

TEST(ExportWriter, CsvWritesGeometryAsWkt) {
  test::TempDir dir;
  const Fixture f;
  const auto all = f.layers();
  writeExport(std::span(all).subspan(1, 1), (dir / "out.csv").string(), {});
  const std::string csv = bytes(dir / "out.csv" / "cluster_hulls.csv");
  EXPECT_NE(csv.find("POLYGON ((102 38,103 38,103 39,102 39,102 38),(102.2 38.2,102.4 38.2,102.4 38.4,102.2 38.2))"),
            std::string::npos)
      << csv;
}

TEST(ExportWriter, ExistingFolderNeedsOverwrite) {
  test::TempDir dir;
  const Fixture f;
  const auto all = f.layers();
  writeExport(std::span(all).first(1), (dir / "atlas.geojson").string(), {});
  EXPECT_THROW(writeExport(std::span(all).first(1), (dir / "atlas.geojson").string(), {}), core::ParameterError);
  ExportWriteOptions overwrite;
  overwrite.existing = ExistingTarget::Overwrite;
  writeExport(std::span(all).subspan(1, 1), (dir / "atlas.geojson").string(), overwrite);
  EXPECT_FALSE(fs::exists(dir / "atlas.geojson" / "parks.geojson"));
  EXPECT_TRUE(fs::exists(dir / "atlas.geojson" / "cluster_hulls.geojson"));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1) << "temporary folders left";
}

TEST(ExportWriter, FormatsWriteIntoFoldersNamedAsTypedAndNeverReplaceEachOther) {
  test::TempDir dir;
  const Fixture f;
  const auto all = f.layers();
  for (const char* ext : {"geojson", "shp", "fgb", "csv"})
    writeExport(std::span(all).first(2), (dir / ("atlas." + std::string(ext))).string(), {});
  ExportWriteOptions overwrite;
  overwrite.existing = ExistingTarget::Overwrite;
  writeExport(std::span(all).subspan(1, 1), (dir / "atlas.shp").string(), overwrite);
  EXPECT_FALSE(fs::exists(dir / "atlas.shp" / "parks.shp"));
  EXPECT_TRUE(fs::exists(dir / "atlas.shp" / "cluster_hulls.shp"));
  for (const char* other : {"atlas.geojson/parks.geojson", "atlas.fgb/parks.fgb", "atlas.csv/parks.csv"}) {
    EXPECT_TRUE(fs::exists(dir / other)) << other;
  }
}

/// A polygon whose outer ring runs clockwise (as the base map's do) with a counter-clockwise hole.
core::Layer clockwise() {
  core::Layer layer("clockwise", "EPSG:4326", core::GeometryType::Polygon,
                    core::Schema({{"id", core::FieldType::Integer}}));
  const std::vector<std::vector<core::Coord>> rings{
      {{102.0, 38.0}, {102.0, 39.000000012345}, {103.123456789012, 39.0}, {103.0, 38.0}, {102.0, 38.0}},
      {{102.2, 38.2}, {102.4, 38.2}, {102.4, 38.4}, {102.2, 38.2}}};
  layer.add({core::FeatureId(1), core::Geometry::polygon(rings), {std::int64_t{1}}});
  return layer;
}

TEST(ExportWriter, GeoJsonFollowsRfc7946) {
  test::TempDir dir;
  const core::Layer layer = clockwise();
  const std::vector<ExportLayer> one{{&layer, "", {}, std::nullopt}};
  writeExport(one, (dir / "atlas.geojson").string(), {});
  const std::string json = bytes(dir / "atlas.geojson" / "clockwise.geojson");
  EXPECT_EQ(json.find("\"crs\""), std::string::npos) << json;
  EXPECT_NE(json.find("103.1234568"), std::string::npos) << "7 decimals: " << json;
  EXPECT_EQ(json.find("103.12345678"), std::string::npos) << "7 decimals: " << json;
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open((dir / "atlas.geojson" / "clockwise.geojson").c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(ds);
  auto feature = std::unique_ptr<OGRFeature>(ds->GetLayer(0)->GetNextFeature());
  ASSERT_TRUE(feature);
  const auto* polygon = feature->GetGeometryRef()->toPolygon();
  EXPECT_FALSE(polygon->getExteriorRing()->isClockwise()) << "outer rings counter-clockwise";
  ASSERT_EQ(polygon->getNumInteriorRings(), 1);
  EXPECT_TRUE(polygon->getInteriorRing(0)->isClockwise()) << "holes clockwise";
}

TEST(ExportWriter, GeoJsonRefusesAnyCrsButWgs84) {
  test::TempDir dir;
  core::Layer layer = clockwise();
  core::Layer projected("projected", "EPSG:3857", core::GeometryType::Point, core::Schema());
  projected.add({core::FeatureId(1), core::Geometry::point({1.1e7, 4.3e6}), {}});
  const std::vector<ExportLayer> one{{&projected, "", {}, std::nullopt}};
  try {
    writeExport(one, (dir / "atlas.geojson").string(), {});
    ADD_FAILURE() << "EPSG:3857 written as GeoJSON";
  } catch (const core::ParameterError& e) {
    EXPECT_NE(std::string(e.what()).find("RFC 7946"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(dir / "atlas.geojson"));
}

TEST(ExportWriter, FlatGeobufAndShapefileWriteTablesWithoutGeometryAsCsvAndSaySo) {
  for (const std::string ext : {"fgb", "shp"}) {
    test::TempDir dir;
    const Fixture f;
    const auto all = f.layers();
    const ExportReport report = writeExport(all, (dir / ("atlas." + ext)).string(), {});
    const fs::path folder = dir / ("atlas." + ext);
    EXPECT_TRUE(fs::exists(folder / "flows.csv")) << ext;
    EXPECT_FALSE(fs::exists(folder / "flows.dbf")) << ext;
    EXPECT_FALSE(fs::exists(folder / ("flows." + ext))) << ext;
    EXPECT_EQ(readLayer((folder / "flows.csv").string()).size(), 2U) << ext;
    EXPECT_NE(std::find(report.files.begin(), report.files.end(), (folder / "flows.csv").string()), report.files.end())
        << ext;
    for (const auto& file : report.files) EXPECT_TRUE(fs::exists(file)) << "reported but not written: " << file;
    EXPECT_TRUE(std::any_of(report.notes.begin(), report.notes.end(), [](const std::string& n) {
      return n.find("'flows' has no geometry") != std::string::npos;
    })) << ext;
  }
}

core::Layer longText() {
  core::Layer layer("sources", "EPSG:4326", core::GeometryType::Point,
                    core::Schema({{"id", core::FieldType::String},
                                  {"industry_code", core::FieldType::String},
                                  {"source", core::FieldType::String}}));
  std::string chinese;
  for (int i = 0; i < 100; ++i) chinese += "甘";  // 300 bytes of UTF-8, 3 bytes a character
  layer.add(
      {core::FeatureId(1), core::Geometry::point({103.8, 36.0}), {std::string("E001"), std::string("4411"), chinese}});
  layer.add({core::FeatureId(2),
             core::Geometry::point({103.9, 36.1}),
             {std::string("E002"), std::string("3011"), std::string("short")}});
  return layer;
}

TEST(ExportWriter, ShapefileCutsLongTextAtACharacterWithOneWarningPerField) {
  test::TempDir dir;
  const core::Layer layer = longText();
  const std::vector<ExportLayer> one{{&layer, "", {}, std::nullopt}};
  const ExportReport report = writeExport(one, (dir / "atlas.shp").string(), {});
  ASSERT_EQ(report.warnings.size(), 1U);
  EXPECT_NE(report.warnings[0].find("field 'source': 1 text value(s) cut to 254 bytes, Shapefile's limit (longest 300 "
                                    "bytes; first: feature 1 (id E001))"),
            std::string::npos)
      << report.warnings[0];
  const core::Layer back = readLayer((dir / "atlas.shp" / "sources.shp").string());
  std::string expected;
  for (int i = 0; i < 84; ++i) expected += "甘";  // 252 bytes: the whole characters within 254
  EXPECT_EQ(std::get<core::Text>(back.value(0, "source")), expected);
  EXPECT_EQ(std::get<core::Text>(back.value(0, "industry_c")), "4411") << "GDAL's short name";
  bool namesNoted = false;
  for (const auto& n : report.notes)
    namesNoted = namesNoted || n.find("industry_code → industry_c") != std::string::npos;
  EXPECT_TRUE(namesNoted);
}

TEST(ExportWriter, StrictRefusesShapefileTruncationAndWritesNothing) {
  test::TempDir dir;
  const core::Layer layer = longText();
  const std::vector<ExportLayer> one{{&layer, "", {}, std::nullopt}};
  ExportWriteOptions strict;
  strict.strict = true;
  try {
    writeExport(one, (dir / "atlas.shp").string(), strict);
    ADD_FAILURE() << "written despite --strict";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("id E001"), std::string::npos) << e.what();
  }
  EXPECT_FALSE(fs::exists(dir / "atlas.shp"));
}

TEST(ExportWriter, WrittenFieldNamesAreShapefilesShortNames) {
  const core::Schema schema({{"industry_code", core::FieldType::String},
                             {"industry_class", core::FieldType::String},
                             {"name_zh", core::FieldType::String}});
  EXPECT_EQ(writtenFieldNames("ESRI Shapefile", schema),
            (std::vector<std::string>{"industry_c", "industry_1", "name_zh"}));
  EXPECT_EQ(writtenFieldNames("GPKG", schema),
            (std::vector<std::string>{"industry_code", "industry_class", "name_zh"}));
}

}  // namespace
}  // namespace circatlas::io
