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

// --network-cache: the first run contracts and writes the file, the next reads it and answers the same; a cache of
// another metric, or a file that is no cache, is replaced only with --overwrite; the cache is never an input.
TEST(NetworkCache, DistancesWriteTheCacheOnceAndReadItAfter) {
  test::TempDir dir;
  const auto cache = (dir / "trunk.cache").string();
  const std::string base = exe() + " distances --from parks --to seats --network-cache '" + cache + "' --out '";
  auto r = test::runCommand(base + (dir / "m1.csv").string() + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("written to " + cache), std::string::npos) << r.output;
  ASSERT_TRUE(std::filesystem::exists(cache));
  const std::string written = readText(cache);

  r = test::runCommand(base + (dir / "m2.csv").string() + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find(cache + " read"), std::string::npos) << r.output;
  EXPECT_EQ(readText(dir / "m1.csv"), readText(dir / "m2.csv"));
  EXPECT_EQ(readText(cache), written);

  // Another metric: refused before any work, naming the file and why; the cache is left as it was.
  r = test::runCommand(base + (dir / "m3.csv").string() + "' --metric length");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find(cache + ": a network cache for routes by time, not by length; pass --overwrite"),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "m3.csv"));
  EXPECT_EQ(readText(cache), written);
  r = test::runCommand(base + (dir / "m3.csv").string() + "' --metric length --overwrite");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("building it again (--overwrite)"), std::string::npos) << r.output;
  EXPECT_NE(readText(cache), written);
  r = test::runCommand(base + (dir / "m4.csv").string() + "' --metric length");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find(cache + " read"), std::string::npos) << r.output;
}

TEST(NetworkCache, AFileThatIsNoCacheOrAnInputIsNeverWritten) {
  test::TempDir dir;
  const auto table = test::writeFile(dir / "table.csv", "id,name\n1,a\n");
  auto r = test::runCommand(exe() + " distances --from parks --to seats --out '" + (dir / "m.csv").string() +
                            "' --network-cache '" + table.string() + "'");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find("table.csv: not a circatlas network cache; pass --overwrite"), std::string::npos) << r.output;
  EXPECT_EQ(readText(table), "id,name\n1,a\n");

  // The network file itself, or the --out file, as the cache: refused before anything is read.
  const auto roads = test::writeFile(dir / "roads.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"class":"trunk"},"geometry":{"type":"LineString","coordinates":[[103.0,36.0],[103.1,36.0]]}}]})");
  const std::string before = readText(roads);
  r = test::runCommand(exe() + " route 103.0,36.0 103.1,36.0 --overwrite --network '" + roads.string() +
                       "' --network-cache '" + roads.string() + "'");
  EXPECT_NE(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("--network-cache"), std::string::npos) << r.output;
  EXPECT_EQ(readText(roads), before);
  r = test::runCommand(exe() + " distances --from parks --to seats --out '" + (dir / "same").string() +
                       ".csv' --network-cache '" + (dir / "same").string() + ".csv'");
  EXPECT_NE(r.exitCode, 0) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "same.csv"));
}

// The cache keeps the network itself, keyed by the network file's content and the options that read it: a copy of
// the file fits; an edited file or another --join-tolerance does not (refused without --overwrite, rebuilt with it).
TEST(NetworkCache, FitsTheNetworkFilesContentAndOptionsOnly) {
  test::TempDir dir;
  const std::string lines = R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"class":"trunk"},"geometry":{"type":"LineString","coordinates":[[103.0,36.0],[103.05,36.0]]}},
{"type":"Feature","properties":{"class":"trunk"},"geometry":{"type":"LineString","coordinates":[[103.05,36.0],[103.1,36.0]]}}]})";
  const auto roads = test::writeFile(dir / "roads.geojson", lines);
  const auto cache = (dir / "roads.cache").string();
  const auto route = [&](const std::filesystem::path& network, const std::string& extra) {
    return test::runCommand(exe() + " route 103.0,36.0 103.1,36.0 --network '" + network.string() +
                            "' --network-cache '" + cache + "'" + extra);
  };
  const auto first = route(roads, "");
  ASSERT_EQ(first.exitCode, 0) << first.output;
  EXPECT_NE(first.output.find("written to " + cache), std::string::npos) << first.output;
  const auto figures = [](const std::string& out) { return out.substr(out.find("  distance ")); };

  const auto copy = test::writeFile(dir / "copy.geojson", lines);
  auto r = route(copy, "");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find(cache + " read"), std::string::npos) << r.output;
  EXPECT_EQ(figures(r.output), figures(first.output));

  r = route(roads, " --join-tolerance 5m");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find(cache + ": a network cache of another road network"), std::string::npos) << r.output;

  // The second line bent 0.05° north: another network, a longer distance once rebuilt.
  std::string edited = lines;
  edited.replace(edited.rfind("[103.1,36.0]"), 12, "[103.075,36.05],[103.1,36.0]");
  (void)test::writeFile(copy, edited);
  r = route(copy, "");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find("pass --overwrite"), std::string::npos) << r.output;
  r = route(copy, " --overwrite");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("building it again (--overwrite)"), std::string::npos) << r.output;
  EXPECT_NE(figures(r.output), figures(first.output));
  r = route(copy, "");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find(cache + " read"), std::string::npos) << r.output;
}

TEST(NetworkCache, RouteReadsTheCacheDistancesWrote) {
  test::TempDir dir;
  const auto cache = (dir / "trunk.cache").string();
  ASSERT_EQ(test::runCommand(exe() + " distances --from seats --to seats --out '" + (dir / "m.csv").string() +
                             "' --network-cache '" + cache + "'")
                .exitCode,
            0);
  const auto cached = test::runCommand(exe() + " route Lanzhou 酒泉 --network-cache '" + cache + "'");
  ASSERT_EQ(cached.exitCode, 0) << cached.output;
  EXPECT_NE(cached.output.find(cache + " read"), std::string::npos) << cached.output;
  const auto plain = test::runCommand(exe() + " route Lanzhou 酒泉");
  ASSERT_EQ(plain.exitCode, 0) << plain.output;
  const auto figures = [](const std::string& out) { return out.substr(out.find("  distance ")); };
  EXPECT_EQ(figures(cached.output), figures(plain.output));
}

TEST(NetworkCache, PartnersKeepTheirNetworksHierarchyToo) {
  test::TempDir dir;
  const auto cache = (dir / "trunk.cache").string();
  const std::string partners =
      exe() + " partners --enterprise E002 --material FLY_ASH --lang en --network builtin --network-cache '" + cache +
      "'";
  const auto first = test::runCommand(partners);
  ASSERT_EQ(first.exitCode, 0) << first.output;
  EXPECT_NE(first.output.find("written to " + cache), std::string::npos) << first.output;
  const auto second = test::runCommand(partners);
  ASSERT_EQ(second.exitCode, 0) << second.output;
  EXPECT_NE(second.output.find(cache + " read"), std::string::npos) << second.output;
  // The ranked candidates are the same either way.
  const auto table = [](const std::string& out) { return out.substr(out.find("Network cache:")).substr(1); };
  EXPECT_EQ(table(first.output).substr(table(first.output).find('\n')),
            table(second.output).substr(table(second.output).find('\n')));

  const auto without = test::runCommand(exe() + " partners --enterprise E002 --network-cache '" + cache + "'");
  EXPECT_EQ(without.exitCode, 2) << without.output;
  EXPECT_NE(without.output.find("give --network"), std::string::npos) << without.output;
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
