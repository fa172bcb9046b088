// `circatlas validate` on the built-in catalogue and on registries as offices send them.
#include <gtest/gtest.h>

#include "geo/web_map_coords.h"
#include "test_support.h"

namespace circatlas {
namespace {

using test::runCommand;
using test::TempDir;
using test::writeFile;

std::string exe() { return std::string("'") + CIRCATLAS_EXE + "'"; }

const char* const kHeader = "id,name_zh,name_en,industry_code,status,lon,lat,county_code,prefecture_code,source,location_precision\n";

TEST(ValidateCommand, BuiltInCatalogueHasNoErrors) {
  const auto r = runCommand(exe() + " validate");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find(" 0 error(s)"), std::string::npos) << r.output;
}

TEST(ValidateCommand, RegistryErrorsAreListedAsFileLineFieldAndExitWith3) {
  TempDir dir;
  const auto path = writeFile(dir / "registry.csv", std::string(kHeader) +
                                                        "R1,金川集团,Jinchuan Group,3211,none,102.19,38.52,620302,620300,survey,exact\n"
                                                        "R2,某厂,A plant,3011,none,\"103,8\",36.06,620102,620100,survey,exact\n");
  const auto r = runCommand(exe() + " validate '" + path.string() + "'");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_NE(r.output.find(path.string() + ":3:lon: error: expected a number, got \"103,8\""), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("2 rows checked, 1 error(s)"), std::string::npos) << r.output;
}

TEST(ValidateCommand, GbkRegistryIsRejectedWithTheFixOrConvertedOnRequest) {
  TempDir dir;
  // 金川 in GBK is BD F0 B4 A8.
  const auto path = writeFile(dir / "gbk.csv", std::string(kHeader) +
                                                   "R1,\xBD\xF0\xB4\xA8,Jinchuan Group,3211,none,102.19,38.52,620302,620300,survey,exact\n");
  const auto rejected = runCommand(exe() + " validate '" + path.string() + "'");
  EXPECT_EQ(rejected.exitCode, 3) << rejected.output;
  EXPECT_NE(rejected.output.find(path.string() + ":2: text is not UTF-8 (it decodes as GBK/GB18030"), std::string::npos)
      << rejected.output;
  const auto converted = runCommand(exe() + " validate '" + path.string() + "' --encoding gb18030");
  EXPECT_EQ(converted.exitCode, 0) << converted.output;
}

TEST(ValidateCommand, Gcj02RegistryWithOwnColumnNamesIsConverted) {
  TempDir dir;
  // Jinchuan Group's seat area in Jinchang, written as an AMap (GCJ-02) user would.
  const core::LonLat gcj = geo::fromWgs84({102.19, 38.52}, geo::LonLatSystem::Gcj02);
  const std::string row = "R1,金川集团,Jinchuan Group,3211,none," + std::to_string(gcj.lon) + "," +
                          std::to_string(gcj.lat) + ",620302,620300,survey,exact\n";
  const auto path = writeFile(
      dir / "amap.csv", "id,name_zh,name_en,industry_code,status,经度,纬度,county_code,prefecture_code,source,location_precision\n" + row);
  const auto r = runCommand(exe() + " validate '" + path.string() + "' --lon-field 经度 --lat-field 纬度 --coords gcj02");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  const auto missing = runCommand(exe() + " validate '" + path.string() + "'");
  EXPECT_EQ(missing.exitCode, 3) << missing.output;
  EXPECT_NE(missing.output.find("no longitude column 'lon' (name it with --lon-field)"), std::string::npos)
      << missing.output;
}

TEST(ValidateCommand, GeoJsonRegistryIsReadThroughGdal) {
  TempDir dir;
  const auto path = writeFile(dir / "registry.geojson", R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "id": 7, "properties": {"id": "R1", "name_zh": "金川集团", "name_en": "Jinchuan Group",
  "industry_code": "3211", "status": "none", "county_code": "620302", "prefecture_code": "620300",
  "source": "survey", "location_precision": "exact"},
  "geometry": {"type": "Point", "coordinates": [102.19, 38.52]}}]})");
  const auto r = runCommand(exe() + " validate '" + path.string() + "'");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("1 rows checked, 0 error(s)"), std::string::npos) << r.output;
}

TEST(ValidateCommand, UnknownCoordinateSystemIsAUsageError) {
  TempDir dir;
  const auto path = writeFile(dir / "r.csv", kHeader);
  const auto r = runCommand(exe() + " validate '" + path.string() + "' --coords beijing54");
  EXPECT_EQ(r.exitCode, 2) << r.output;
}

}  // namespace
}  // namespace circatlas
