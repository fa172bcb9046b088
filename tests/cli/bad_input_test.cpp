// Broken registries through `circatlas validate` and `info`: every case of tests/data/bad/ (made by
// scripts/make_bad_corpus.py) gets a message naming file, layer, feature or line and field, and
// the exit code of its kind (3 bad input, 5 CRS), never a crash.
#include <gtest/gtest.h>

#include "test_support.h"

namespace circatlas {
namespace {

using test::runCommand;

std::string exe() { return std::string("'") + CIRCATLAS_EXE + "'"; }

// Runs `circatlas <command> <bad file> <extra>` from the corpus folder, so messages carry the short name.
test::CommandResult run(const std::string& command, const std::string& name, const std::string& extra = "") {
  return runCommand("cd '" + std::string(CIRCATLAS_BAD_DATA_DIR) + "' && " + exe() + " " + command + " '" + name +
                    "' " + extra);
}

#define EXPECT_OUTPUT_HAS(result, fragment) \
  EXPECT_NE((result).output.find(fragment), std::string::npos) << "missing: " << (fragment) << "\n" << (result).output

TEST(BadInput, MissingCoordinateColumnIsNamedWithTheOptionThatFixesIt) {
  const auto r = run("validate", "missing_column.csv");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "circatlas: input error: missing_column.csv: no latitude column 'lat' (name it with --lat-field)");
}

TEST(BadInput, ExtraColumnIsAWarningNotAnError) {
  const auto r = run("validate", "extra_column.csv");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r, "extra_column.csv:1:colour: warning: unknown column, ignored");
  EXPECT_OUTPUT_HAS(r, "extra_column.csv: 1 rows checked, 0 error(s), 1 warning(s)");
}

TEST(BadInput, NonNumericNanAndInfiniteCoordinatesNameLineAndField) {
  const auto text = run("validate", "non_numeric_lon.csv");
  EXPECT_EQ(text.exitCode, 3) << text.output;
  EXPECT_OUTPUT_HAS(text, "non_numeric_lon.csv:2:lon: error: expected a number, got \"东经102\"");
  const auto nan = run("validate", "nan_lat.csv");
  EXPECT_EQ(nan.exitCode, 3) << nan.output;
  EXPECT_OUTPUT_HAS(nan, "nan_lat.csv:2:lat: error: expected a number, got \"NaN\"");
  const auto inf = run("validate", "infinite_lon.csv");
  EXPECT_EQ(inf.exitCode, 3) << inf.output;
  EXPECT_OUTPUT_HAS(inf, "infinite_lon.csv:2:lon: error: expected a number, got \"inf\"");
}

TEST(BadInput, OutOfRangeLatitudeIsRefused) {
  const auto r = run("validate", "out_of_range_lat.csv");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "out_of_range_lat.csv:2:lat: error: out of range: 98.52 is not a latitude (-90 to 90)");
}

TEST(BadInput, SwappedLonAndLatAreDetectedAndSaidSo) {
  const auto r = run("validate", "swapped_lon_lat.csv");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "swapped_lon_lat.csv:2:lat: error: lon and lat look swapped");
}

TEST(BadInput, RegistryWithoutRowsOrFeaturesIsRefused) {
  const auto csv = run("validate", "header_only.csv");
  EXPECT_EQ(csv.exitCode, 3) << csv.output;
  EXPECT_OUTPUT_HAS(csv, "circatlas: input error: header_only.csv: the registry has no rows (only a header or nothing)");
  const auto layer = run("validate", "empty_layer.geojson");
  EXPECT_EQ(layer.exitCode, 3) << layer.output;
  EXPECT_OUTPUT_HAS(layer, "circatlas: input error: empty_layer.geojson: layer 'empty_layer': the registry has no "
                           "features (an empty layer)");
}

TEST(BadInput, DuplicateIdsNameBothLines) {
  const auto r = run("validate", "duplicate_ids.csv");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "duplicate_ids.csv:3:id: error: duplicate id \"R1\" (first on line 2)");
}

TEST(BadInput, DanglingReferencesNameTheMissingRow) {
  const auto r = run("validate", "dangling_references");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "dangling_references/flows.csv:3:enterprise_id: error: no enterprises row has id \"R9\"");
  EXPECT_OUTPUT_HAS(r, "dangling_references/flows.csv:4:material_code: error: no materials row has id \"MOON_DUST\"");
  EXPECT_OUTPUT_HAS(r, "dangling_references: 4 rows checked, 2 error(s), 0 warning(s)");
}

TEST(BadInput, MixedGeometryTypesNameTheFeature) {
  const auto r = run("validate", "mixed_geometry.geojson");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "circatlas: input error: mixed_geometry.geojson: layer 'mixed_geometry', feature 1: mixed "
                       "geometry types: a LineString in a layer of");
}

TEST(BadInput, LinesAreNoRegistry) {
  const auto r = run("validate", "lines.geojson");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "lines.geojson: layer 'lines': a registry needs point geometries, this layer holds LineString");
}

TEST(BadInput, SelfIntersectingAndZeroAreaPolygonsAreNamedByFeature) {
  const auto r = run("info", "bad_polygons.geojson", "--check-geometry");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_OUTPUT_HAS(r, "bad_polygons.geojson: layer 'bad_polygons', feature 1: invalid polygon: "
                       "Self-intersection[103.5 36.5] (GEOS MakeValid can repair it)");
  EXPECT_OUTPUT_HAS(r, "bad_polygons.geojson: layer 'bad_polygons', feature 2: invalid polygon: "
                       "Self-intersection[104 36] (zero area: nothing is left to repair)");
  EXPECT_OUTPUT_HAS(r, "circatlas: input error: bad_polygons.geojson: 2 invalid polygon(s); see the list above");
  EXPECT_EQ(r.output.find("feature 0:"), std::string::npos) << "the valid square was reported\n" << r.output;
}

TEST(BadInput, BuiltInPolygonsPassTheGeometryCheck) {
  const auto r = runCommand(exe() + " info --check-geometry");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r, "Geometry check: every polygon is valid.");
}

TEST(BadInput, ShapefileWithoutPrjInMetresIsACrsError) {
  const auto r = run("validate", "utm_without_prj.shp");
  EXPECT_EQ(r.exitCode, 5) << r.output;
  EXPECT_OUTPUT_HAS(r, "circatlas: CRS error: utm_without_prj.shp: layer 'utm_without_prj', feature 0: the layer "
                       "declares no coordinate system (a Shapefile without its .prj?) and its coordinates (");
  EXPECT_OUTPUT_HAS(r, ") are not lon/lat degrees; add the .prj or reproject to WGS 84");
}

TEST(BadInput, UnreadablePrjIsACrsErrorNamingIt) {
  const auto r = run("validate", "broken_prj.shp");
  EXPECT_EQ(r.exitCode, 5) << r.output;
  EXPECT_OUTPUT_HAS(r, "circatlas: CRS error: broken_prj.shp: layer 'broken_prj': its coordinate system cannot be "
                       "read (a broken .prj?) (GDAL: ");
}

TEST(BadInput, TruncatedAndCorruptShapefilesAreInputErrors) {
  const auto truncated = run("validate", "truncated.shp");
  EXPECT_EQ(truncated.exitCode, 3) << truncated.output;
  EXPECT_OUTPUT_HAS(truncated, "circatlas: input error: truncated.shp: layer 'truncated': reading stopped after");
  const auto corrupt = run("info", "corrupt.shp");
  EXPECT_EQ(corrupt.exitCode, 3) << corrupt.output;
  EXPECT_OUTPUT_HAS(corrupt, "circatlas: input error: corrupt.shp: not a vector data source that GDAL can read");
}

TEST(BadInput, TruncatedGeoPackageIsAnInputError) {
  for (const char* command : {"info", "validate"}) {
    const auto r = run(command, "truncated.gpkg");
    EXPECT_EQ(r.exitCode, 3) << command << ": " << r.output;
    EXPECT_OUTPUT_HAS(r, "circatlas: input error: truncated.gpkg: not a vector data source that GDAL can read (GDAL: ");
  }
}

}  // namespace
}  // namespace circatlas
