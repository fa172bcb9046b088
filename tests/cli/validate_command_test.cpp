// `circatlas validate` on the built-in catalogue and on registries as offices send them.
#include <gtest/gtest.h>

#include "cli/cli_test_support.h"
#include "geo/web_map_coords.h"
#include "test_support.h"

namespace circatlas {
namespace {

using test::runCommand;
using test::TempDir;
using test::writeFile;

using test::exe;

const char* const kHeader =
    "id,name_zh,name_en,industry_code,status,lon,lat,county_code,prefecture_code,source,location_precision\n";

TEST(ValidateCommand, BuiltInCatalogueHasNoErrors) {
  const auto r = runCommand(exe() + " validate");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find(" 0 error(s)"), std::string::npos) << r.output;
}

TEST(ValidateCommand, RegistryErrorsAreListedAsFileLineFieldAndExitWith3) {
  TempDir dir;
  const auto path = writeFile(dir / "registry.csv",
                              std::string(kHeader) +
                                  "R1,金川集团,Jinchuan Group,3211,none,102.19,38.52,620302,620300,survey,exact\n"
                                  "R2,某厂,A plant,3011,none,\"103,8\",36.06,620102,620100,survey,exact\n");
  const auto r = runCommand(exe() + " validate '" + path.string() + "'");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_NE(r.output.find(path.string() + ":3:lon: error: expected a number, got \"103,8\""), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("2 rows checked, 1 error(s)"), std::string::npos) << r.output;
}

TEST(ValidateCommand, GbkRegistryIsConvertedUnlessUtf8IsRequired) {
  TempDir dir;
  // 金川 in GBK is BD F0 B4 A8.
  const auto path = writeFile(
      dir / "gbk.csv",
      std::string(kHeader) + "R1,\xBD\xF0\xB4\xA8,Jinchuan Group,3211,none,102.19,38.52,620302,620300,survey,exact\n");
  const auto converted = runCommand(exe() + " validate '" + path.string() + "'");
  EXPECT_EQ(converted.exitCode, 0) << converted.output;
  const auto rejected = runCommand(exe() + " validate '" + path.string() + "' --encoding utf8");
  EXPECT_EQ(rejected.exitCode, 3) << rejected.output;
  EXPECT_NE(rejected.output.find(path.string() + ":2: text is not UTF-8 (it decodes as GBK/GB18030"), std::string::npos)
      << rejected.output;
}

TEST(ValidateCommand, Gcj02RegistryWithOwnColumnNamesIsConverted) {
  TempDir dir;
  // Jinchuan Group's seat area in Jinchang, written as an AMap (GCJ-02) user would.
  const core::LonLat gcj = geo::fromWgs84({102.19, 38.52}, geo::LonLatSystem::Gcj02);
  const std::string row = "R1,金川集团,Jinchuan Group,3211,none," + std::to_string(gcj.lon) + "," +
                          std::to_string(gcj.lat) + ",620302,620300,survey,exact\n";
  const auto path = writeFile(
      dir / "amap.csv",
      "id,name_zh,name_en,industry_code,status,经度,纬度,county_code,prefecture_code,source,location_precision\n" +
          row);
  const auto r =
      runCommand(exe() + " validate '" + path.string() + "' --lon-field 经度 --lat-field 纬度 --coords gcj02");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  // 经度 and 纬度 are recognised without the options too.
  const auto recognised = runCommand(exe() + " validate '" + path.string() + "' --coords gcj02");
  EXPECT_EQ(recognised.exitCode, 0) << recognised.output;
  EXPECT_NE(recognised.output.find("lon ← 经度 (recognised)"), std::string::npos) << recognised.output;
}

// The sheet of issue 16 as a planner has it: 名称, 经度, 纬度, 行业代码 in an Excel workbook, no
// id, source or county; and the same sheet as a GBK CSV.
TEST(ValidateCommand, BureauSheetInXlsxAndGbkCsvIsValidWithDerivedFields) {
  TempDir dir;
  const auto csv = writeFile(dir / "reg.csv",
                             "名称,经度,纬度,行业代码\n"
                             "兰州某化工厂,103.8343,36.0611,2614\n"
                             "金川某冶炼厂,102.1880,38.5200,3211\n");
  const auto xlsx = dir / "reg.xlsx";
  const auto made = runCommand("cd '" + dir.path().string() + "' && ogr2ogr -q -f XLSX reg.xlsx reg.csv -nln 企业名录");
  ASSERT_EQ(made.exitCode, 0) << made.output;
  const auto r = runCommand(exe() + " validate '" + xlsx.string() + "' --lon-field 经度 --lat-field 纬度");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("reg.xlsx, sheet 企业名录: 2 rows read"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("derived county_code: point in polygon"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2 rows checked, 0 error(s)"), std::string::npos) << r.output;
  const auto gbk = runCommand("iconv -f UTF-8 -t GB18030 '" + csv.string() + "' > '" + (dir / "gbk.csv").string() +
                              "' && " + exe() + " validate '" + (dir / "gbk.csv").string() + "'");
  EXPECT_EQ(gbk.exitCode, 0) << gbk.output;
  EXPECT_NE(gbk.output.find("2 rows checked, 0 error(s)"), std::string::npos) << gbk.output;
}

TEST(ValidateCommand, RegistryOutsideGansuIsValid) {
  TempDir dir;
  // Salzgitter and Hamburg, Germany.
  const auto path = writeFile(dir / "werke.csv",
                              "name,longitude,latitude,industry\n"
                              "Salzgitter Flachstahl,10.4108,52.1647,steel\n"
                              "Aurubis Hamburg,10.0237,53.5268,copper\n");
  const auto r = runCommand(exe() + " validate '" + path.string() + "'");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("0 rows in Gansu, 2 outside"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("the registry lies outside Gansu"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2 rows checked, 0 error(s)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("'steel' → no class"), std::string::npos) << r.output;
}

TEST(ValidateCommand, UnplacedRowsAreListedAndFailValidation) {
  TempDir dir;
  const auto path = writeFile(dir / "addr.csv",
                              "企业名称,地址\n"
                              "海石湾某厂,兰州市红古区海石湾镇\n"
                              "某某公司,某路12号\n");
  const auto r = runCommand(exe() + " validate '" + path.string() + "'");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_NE(r.output.find("placed, line 2: 海石湾某厂 at 海石湾镇 (红古区) (township_centre)"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("NOT placed, line 3: 某某公司"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(path.string() + ":3:lon: error: required value is missing"), std::string::npos) << r.output;
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
