// `circatlas info` as a user runs it: what it prints and the exit code for each kind of failure.
#include <gtest/gtest.h>

#include <fstream>

#include "cli/cli_test_support.h"
#include "test_support.h"

namespace circatlas {
namespace {

using test::runCommand;
using test::TempDir;
using test::writeFile;

using test::exe;

TEST(InfoCommand, DescribesTheBuiltInData) {
  const auto r = runCommand(exe() + " info");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  for (const char* expected : {"Built-in Gansu data", "province", "prefectures", "counties", "seats", "china_provinces",
                               "rivers", "EPSG:4326 (WGS 84)", "14 prefecture-level", "87 county-level", "km²"}) {
    EXPECT_NE(r.output.find(expected), std::string::npos) << expected << "\n" << r.output;
  }
}

TEST(InfoCommand, LayerOptionListsFields) {
  const auto r = runCommand(exe() + " info --layer counties");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("Fields of 'counties'"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("prefecture_code"), std::string::npos) << r.output;
}

TEST(InfoCommand, DescribesAUserFile) {
  TempDir dir;
  const auto path = writeFile(dir / "works.geojson", R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"name": "Jinchuan"}, "geometry": {"type": "Point", "coordinates": [102.19, 38.52]}}]})");
  const auto r = runCommand(exe() + " info '" + path.string() + "'");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("GeoJSON"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("102.190–102.190°E"), std::string::npos) << r.output;
}

TEST(InfoCommand, MissingFileExitsWithIoErrorCode) {
  const auto r = runCommand(exe() + " info no-such-registry.gpkg");
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_EQ(r.output, "circatlas: I/O error: no-such-registry.gpkg: no such file or directory\n");
}

TEST(InfoCommand, NonSpatialFileExitsWithInputErrorCode) {
  TempDir dir;
  const auto path = writeFile(dir / "notes.txt", "not a map\n");
  const auto r = runCommand(exe() + " info '" + path.string() + "'");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_NE(r.output.find("circatlas: input error: " + path.string() + ": not a vector data source that GDAL can read"),
            std::string::npos)
      << r.output;
}

TEST(InfoCommand, UnknownLayerExitsWithUsageCode) {
  const auto r = runCommand(exe() + " info --layer roads");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find("no layer named 'roads' (layers: counties, prefectures, province"), std::string::npos)
      << r.output;
}

TEST(InfoCommand, CorruptGeoPackageExitsWithInputErrorCode) {
  TempDir dir;
  std::string bytes(200000, '\0');
  const std::string header = "SQLite format 3";
  std::copy(header.begin(), header.end(), bytes.begin());
  for (std::size_t i = 100; i < bytes.size(); ++i) bytes[i] = static_cast<char>((i * 31) & 0xFF);
  const auto path = writeFile(dir / "broken.gpkg", bytes);
  const auto r = runCommand(exe() + " info '" + path.string() + "'");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_NE(r.output.find("broken.gpkg"), std::string::npos) << r.output;
}

TEST(Cli, UnknownCommandAndMissingCommandAreUsageErrors) {
  EXPECT_EQ(runCommand(exe() + " frobnicate").exitCode, 2);
  EXPECT_EQ(runCommand(exe()).exitCode, 2);
  EXPECT_EQ(runCommand(exe() + " info --no-such-option").exitCode, 2);
}

TEST(Cli, HelpWorksForEveryCommand) {
  const auto top = runCommand(exe() + " --help");
  EXPECT_EQ(top.exitCode, 0);
  EXPECT_NE(top.output.find("info"), std::string::npos);
  const auto info = runCommand(exe() + " info --help");
  EXPECT_EQ(info.exitCode, 0);
  EXPECT_NE(info.output.find("--layer"), std::string::npos);
}

}  // namespace
}  // namespace circatlas
