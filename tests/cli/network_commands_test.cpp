// `circatlas route` and `circatlas distances`: exit codes, output columns, flagged fallbacks.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/cli_test_support.h"
#include "test_support.h"

namespace circatlas {
namespace {

using test::exe;

std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(RouteCommand, RoutesBetweenSeatNamesOnTheBuiltinNetwork) {
  test::TempDir dir;
  const auto out = (dir / "route.geojson").string();
  const auto r = test::runCommand(exe() + " route Lanzhou 酒泉 --out '" + out + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("SCHEMATIC"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("status: routed"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("via: G30"), std::string::npos) << r.output;
  const std::string geojson = readText(out);
  EXPECT_NE(geojson.find("\"LineString\""), std::string::npos) << geojson;
  EXPECT_NE(geojson.find("\"distance_m\""), std::string::npos) << geojson;
}

TEST(RouteCommand, PointFarFromEveryRoadFallsBackAndSaysSo) {
  // 97.0°E 42.5°N: the Gobi north of Yumen, over 200 km from any line of the trunk network.
  const auto r = test::runCommand(exe() + " route 97.0,42.5 Lanzhou");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("status: fallback: not snapped"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("straight line × 1.3"), std::string::npos) << r.output;
}

TEST(RouteCommand, UnknownPlaceIsAUsageError) {
  const auto r = test::runCommand(exe() + " route Atlantis Lanzhou");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find("unknown place 'Atlantis'"), std::string::npos) << r.output;
}

TEST(RouteCommand, MissingNetworkFileIsAnIoError) {
  const auto r = test::runCommand(exe() + " route Lanzhou Baiyin --network /nonexistent/roads.gpkg");
  EXPECT_EQ(r.exitCode, 4) << r.output;
}

TEST(DistancesCommand, WritesTheLongTableWithItsColumns) {
  test::TempDir dir;
  const auto out = (dir / "m.csv").string();
  const auto r = test::runCommand(exe() + " distances --from parks --to seats --out '" + out + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  const std::string csv = readText(out);
  EXPECT_EQ(csv.substr(0, csv.find('\n')), "from_id,to_id,distance_m,time_s,cost_cny_per_t,status,method");
  EXPECT_NE(csv.find(",routed,"), std::string::npos);
  EXPECT_NE(r.output.find("routed"), std::string::npos) << r.output;
}

// Two roads 50 km apart, one place beside each: the pair across must be flagged, not zero or infinite.
TEST(DistancesCommand, UnreachablePairIsFlaggedAndFallsBack) {
  test::TempDir dir;
  const auto roads = test::writeFile(dir / "roads.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"class":"trunk"},"geometry":{"type":"LineString","coordinates":[[103.0,36.0],[103.1,36.0]]}},
{"type":"Feature","properties":{"class":"trunk"},"geometry":{"type":"LineString","coordinates":[[103.6,36.0],[103.7,36.0]]}}]})");
  const auto places = test::writeFile(dir / "places.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":"west"},"geometry":{"type":"Point","coordinates":[103.05,36.001]}},
{"type":"Feature","properties":{"id":"east"},"geometry":{"type":"Point","coordinates":[103.65,36.001]}}]})");
  const auto out = (dir / "m.gpkg").string();
  const auto r = test::runCommand(exe() + " distances --network '" + roads.string() + "' --from '" + places.string() +
                                  "' --to '" + places.string() + "' --out '" + out + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("2 connected part(s)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2 fallback: unreachable"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2 routed"), std::string::npos) << r.output;
  const auto csv = (dir / "m.csv").string();
  ASSERT_EQ(test::runCommand(exe() + " distances --network '" + roads.string() + "' --from '" + places.string() +
                             "' --to '" + places.string() + "' --out '" + csv + "'")
                .exitCode,
            0);
  const std::string table = readText(csv);
  EXPECT_NE(table.find("west,east,"), std::string::npos) << table;
  EXPECT_NE(table.find("fallback: unreachable"), std::string::npos) << table;
}

TEST(DistancesCommand, PointLayerAsNetworkIsBadInput) {
  test::TempDir dir;
  const auto places = test::writeFile(dir / "p.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"id":"a"},"geometry":{"type":"Point","coordinates":[103.05,36.0]}}]})");
  const auto r = test::runCommand(exe() + " distances --network '" + places.string() +
                                  "' --from seats --to seats --out '" + (dir / "m.csv").string() + "'");
  EXPECT_EQ(r.exitCode, 3) << r.output;
  EXPECT_NE(r.output.find("not a line layer"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "m.csv"));
}

TEST(DistancesCommand, UnknownOutputFormatIsAUsageErrorBeforeAnyWork) {
  const auto r = test::runCommand(exe() + " distances --from parks --to seats --out m.xyz");
  EXPECT_EQ(r.exitCode, 2) << r.output;
}

TEST(NetworkFigure, LegendAndCreditsSayTheTrunkNetworkIsSchematic) {
  test::TempDir dir;
  const auto out = (dir / "network.svg").string();
  const auto r = test::runCommand(exe() + " figure --preset network --lang en --out '" + out + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  const std::string svg = readText(out);
  EXPECT_NE(svg.find("Trunk network (schematic)"), std::string::npos);  // legend heading
  EXPECT_NE(svg.find("circatlas schematic"), std::string::npos);        // credit line
  EXPECT_NE(svg.find("Expressway"), std::string::npos);
  EXPECT_NE(svg.find("Railway"), std::string::npos);
}

}  // namespace
}  // namespace circatlas
