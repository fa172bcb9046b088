// The built-in schematic Gansu trunk network (data/network): seats, attributes, connectivity, plausible distances.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "analysis/network/router.h"
#include "core/data_paths.h"
#include "core/error.h"
#include "geo/geodesic.h"
#include "io/csv_reader.h"
#include "io/layer_reader.h"
#include "tools/distances_tool.h"
#include "tools/network_tool.h"

namespace circatlas {
namespace {

namespace net = analysis::network;

core::Layer trunk() {
  return io::readLayer((core::DataPaths::fromEnvironment().dataDir() / "network" / "gansu_trunk.csv").string());
}

tools::RoadNetwork roadNetwork() {
  tools::NetworkParams p;
  p.lengthField = "length_m";
  return tools::buildNetwork(trunk(), p);
}

std::string describeParts(const tools::NetworkReport& r) {
  std::string out;
  for (std::size_t c = 1; c < r.components.size(); ++c) {
    out += "part " + std::to_string(c + 1) + " near " + std::to_string(r.components[c].where.lon) + "," +
           std::to_string(r.components[c].where.lat) + "; ";
  }
  return out;
}

// Nodes stand on a seat of basemap.gpkg, a township centre of data/gazetteer/townships.csv, or a
// place entered by hand with its source (mines, junctions outside Gansu).
std::map<std::string, core::Coord> nodePositions() {
  const core::TextTable nodes =
      io::readCsvTable((core::DataPaths::fromEnvironment().dataDir() / "network" / "gansu_trunk_nodes.csv").string());
  const auto col = [&](const char* name) { return *nodes.column(name); };
  std::map<std::string, core::Coord> out;
  for (const auto& row : nodes.rows) {
    out[core::text(row.cells[col("id")])] = {std::stod(core::text(row.cells[col("lon")])),
                                             std::stod(core::text(row.cells[col("lat")]))};
  }
  return out;
}

TEST(TrunkNetwork, EveryVertexStandsExactlyOnANode) {
  const core::Layer lines = trunk();
  ASSERT_GT(lines.size(), 80u);
  std::set<std::pair<double, double>> nodePoints;
  for (const auto& [id, c] : nodePositions()) nodePoints.insert({c.x, c.y});
  for (const auto& f : lines.features()) {
    ASSERT_EQ(f.geometry.coords().size(), 2u) << "schematic edges are straight lines between two nodes";
    for (const auto& c : f.geometry.coords()) {
      EXPECT_TRUE(nodePoints.count({c.x, c.y}))
          << "feature " << f.id.value() << ": vertex " << c.x << " " << c.y << " is no node";
    }
  }
}

TEST(TrunkNetwork, NodesStandOnSeatsTownshipCentresOrCitedPlaces) {
  const core::Layer seats =
      io::readLayer(core::DataPaths::fromEnvironment().basemap().string(), {.layer = "seats", .sql = std::nullopt});
  const core::TextTable towns =
      io::readCsvTable((core::DataPaths::fromEnvironment().dataDir() / "gazetteer" / "townships.csv").string());
  const core::TextTable nodes =
      io::readCsvTable((core::DataPaths::fromEnvironment().dataDir() / "network" / "gansu_trunk_nodes.csv").string());
  const auto col = [&](const char* name) { return *nodes.column(name); };
  ASSERT_GT(nodes.rows.size(), 50u);
  for (const auto& row : nodes.rows) {
    const std::string id = core::text(row.cells[col("id")]);
    const std::string level = core::text(row.cells[col("seat_level")]);
    const std::string code = core::text(row.cells[col("seat_code")]);
    const double lon = std::stod(core::text(row.cells[col("lon")]));
    const double lat = std::stod(core::text(row.cells[col("lat")]));
    EXPECT_FALSE(row.cells[col("position_source")].value_or("").empty()) << id;
    bool found = false;
    if (level == "prefecture" || level == "county") {
      for (std::size_t i = 0; i < seats.size(); ++i) {
        if (core::toString(seats.value(i, "code")) != code || core::toString(seats.value(i, "level")) != level)
          continue;
        found = true;
        EXPECT_EQ(lon, seats[i].geometry.coords()[0].x) << id;
        EXPECT_EQ(lat, seats[i].geometry.coords()[0].y) << id;
      }
    } else if (level == "township") {
      const auto tc = [&](const char* name) { return *towns.column(name); };
      for (const auto& t : towns.rows) {
        if (*t.cells[tc("code")] != code) continue;
        found = true;
        EXPECT_EQ(lon, std::stod(core::text(t.cells[tc("lon")]))) << id;
        EXPECT_EQ(lat, std::stod(core::text(t.cells[tc("lat")]))) << id;
      }
    } else {
      EXPECT_EQ(level, "place") << id;
      found = code.empty() && lon > 90 && lon < 110 && lat > 32 && lat < 43;
    }
    EXPECT_TRUE(found) << "node " << id << " stands on no seat, township centre or place";
  }
}

TEST(TrunkNetwork, EveryEdgeIsLabelledSchematicWithItsLengthSource) {
  const core::Layer lines = trunk();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    SCOPED_TRACE(core::toString(lines.value(i, "id")));
    EXPECT_EQ(lines.value(i, "schematic"), core::Value(true));
    const std::string cls = core::toString(lines.value(i, "class"));
    const std::string mode = core::toString(lines.value(i, "mode"));
    EXPECT_TRUE(cls == "expressway" || cls == "national_road" || cls == "railway") << cls;
    EXPECT_EQ(mode, cls == "railway" ? "rail" : "road");
    EXPECT_FALSE(core::toString(lines.value(i, "source")).empty());
    const std::string lengthSource = core::toString(lines.value(i, "length_source"));
    EXPECT_TRUE(lengthSource.starts_with("estimate: geodesic") || lengthSource.starts_with("published: "))
        << lengthSource;
    // An estimate is the node-to-node geodesic × 1.2 (road) or × 1.1 (rail), to the 100 m it is
    // rounded to; a published length is at least the straight line.
    const auto c = lines[i].geometry.coords();
    const double geodesic = geo::geodesicDistanceMeters({c.front().x, c.front().y}, {c.back().x, c.back().y});
    const double length = std::get<double>(lines.value(i, "length_m"));
    if (lengthSource.starts_with("estimate")) {
      EXPECT_NEAR(length, geodesic * (mode == "rail" ? 1.1 : 1.2), 50.0);
    } else {
      EXPECT_GT(length, geodesic);
      EXPECT_LT(length, geodesic * 1.6);
    }
  }
}

TEST(TrunkNetwork, RoadsAndRailwaysAreEachOneConnectedPart) {
  const tools::RoadNetwork road = roadNetwork();
  EXPECT_EQ(road.report().components.size(), 1u) << describeParts(road.report());
  EXPECT_EQ(road.report().strongComponents, 1u);
  tools::NetworkParams p;
  p.lengthField = "length_m";
  p.includeRoad = false;
  p.includeRail = true;
  const tools::RoadNetwork rail = tools::buildNetwork(trunk(), p);
  EXPECT_EQ(rail.report().components.size(), 1u) << describeParts(rail.report());
  EXPECT_GT(rail.report().featuresUsed, 20u);
}

TEST(TrunkNetwork, LanzhouToJiuquanByRoadIsPlausibleAgainstTheGeodesic) {
  const tools::RoadNetwork network = roadNetwork();
  net::RouterOptions o;
  o.metric = net::Metric::Length;
  const net::Router router(network.graph(), o);
  const tools::Place lanzhou{"lanzhou", {103.823557, 36.058039}};  // prefecture seats of data/basemap.gpkg
  const tools::Place jiuquan{"jiuquan", {98.510795, 39.744023}};
  const tools::RouteOutcome r = tools::runRoute(network, router, lanzhou, jiuquan);
  ASSERT_EQ(r.figures.status, net::PairStatus::Routed);
  const double geodesic = geo::geodesicDistanceMeters({103.823557, 36.058039}, {98.510795, 39.744023});
  const double ratio = r.figures.totals.length.value() / geodesic;
  EXPECT_GT(ratio, 1.0);
  EXPECT_LT(ratio, 1.5);
  ASSERT_FALSE(r.via.empty());
  EXPECT_EQ(r.via.front(), "G30");
}

// Railways have their own lengths: no railway edge copies the length of a road edge between the
// same two nodes, and the Lanzhou–Xinjiang line runs through Hexibao, not the Yongchang seat.
TEST(TrunkNetwork, RailwaysHaveTheirOwnLengthsAndAlignment) {
  const core::Layer lines = trunk();
  std::map<std::pair<std::string, std::string>, double> road;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (core::toString(lines.value(i, "mode")) != "road") continue;
    // std::minmax returns references: keep the strings alive while the key is built.
    const std::string from = core::toString(lines.value(i, "from_node"));
    const std::string to = core::toString(lines.value(i, "to_node"));
    const auto key = std::minmax(from, to);
    road[{key.first, key.second}] = std::get<double>(lines.value(i, "length_m"));
  }
  std::size_t parallel = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (core::toString(lines.value(i, "mode")) != "rail") continue;
    const std::string a = core::toString(lines.value(i, "from_node"));
    const std::string b = core::toString(lines.value(i, "to_node"));
    EXPECT_NE(a, "yongchang") << core::toString(lines.value(i, "id"));
    EXPECT_NE(b, "yongchang") << core::toString(lines.value(i, "id"));
    auto key = std::minmax(a, b);
    const auto it = road.find({key.first, key.second});
    if (it == road.end()) continue;
    ++parallel;
    EXPECT_NE(std::get<double>(lines.value(i, "length_m")), it->second) << a << "-" << b;
  }
  EXPECT_GT(parallel, 10u);
}

struct ExpresswayPair {
  const char* from;  // prefecture seat (basemap seats, level prefecture)
  const char* to;
  const char* expressways;
};

// Pairs of prefecture seats joined by an expressway in reality (names from the national expressway
// network; see data/README.md). Left out on purpose: Qingyang–Pingliang, whose only expressway
// (G22 via Changqingqiao) really is about 2× the straight line (the direct Qingyang–Pingliang
// expressway, 85.8 km, is only planned); Longnan–Tianshui and Jinchang–Zhangye, whose expressway
// links are not in the schematic network.
constexpr ExpresswayPair kExpresswayPairs[] = {
    {"620100", "620400", "G6 Jingzang (Lanzhou–Baiyin)"},
    {"620100", "621100", "G30 Lianhuo (Lanzhou–Dingxi)"},
    {"621100", "620500", "G30 Lianhuo (Dingxi–Tianshui)"},
    {"620100", "620600", "G30 Lianhuo (Lanzhou–Wuwei)"},
    {"620600", "620300", "G3017 Jinwu (Wuwei–Jinchang)"},
    {"620600", "620700", "G30 Lianhuo (Wuwei–Zhangye)"},
    {"620700", "620900", "G30 Lianhuo (Zhangye–Jiuquan)"},
    {"620900", "620200", "G30 Lianhuo (Jiuquan–Jiayuguan)"},
    {"620100", "622900", "G1816 Wuma (Lanzhou–Linxia)"},
    {"622900", "623000", "G1816 Wuma (Linxia–Hezuo)"},
    {"620500", "620800", "G8513 Tianping + G85 Yinkun (Tianshui–Huating–Pingliang)"},
    {"621100", "620800", "G22 Qinglan (Dingxi–Huining–Jingning–Pingliang)"},
    {"620100", "621200", "G75 Lanhai (Lanzhou–Longnan)"},
    {"620400", "620600", "G6 Jingzang + G2012 Dingwu (Baiyin–Jingtai–Wuwei)"},
};

TEST(TrunkNetwork, PrefectureSeatsJoinedByAnExpresswayRouteWithinOnePointSixTimesTheStraightLine) {
  const core::Layer seats =
      io::readLayer(core::DataPaths::fromEnvironment().basemap().string(), {.layer = "seats", .sql = std::nullopt});
  std::map<std::string, core::LonLat> seat;
  for (std::size_t i = 0; i < seats.size(); ++i) {
    if (core::toString(seats.value(i, "level")) != "prefecture") continue;
    const core::Coord c = seats[i].geometry.coords()[0];
    seat[core::toString(seats.value(i, "code"))] = {c.x, c.y};
  }
  const tools::RoadNetwork network = roadNetwork();
  net::RouterOptions o;
  o.metric = net::Metric::Length;
  const net::Router router(network.graph(), o);
  for (const ExpresswayPair& pair : kExpresswayPairs) {
    SCOPED_TRACE(pair.expressways);
    ASSERT_TRUE(seat.contains(pair.from) && seat.contains(pair.to));
    const core::LonLat a = seat[pair.from];
    const core::LonLat b = seat[pair.to];
    const tools::RouteOutcome r = tools::runRoute(network, router, {pair.from, a}, {pair.to, b});
    ASSERT_EQ(r.figures.status, net::PairStatus::Routed);
    const double ratio = r.figures.totals.length.value() / geo::geodesicDistanceMeters(a, b);
    EXPECT_GT(ratio, 1.0);
    EXPECT_LE(ratio, 1.6);
    RecordProperty(std::string(pair.from) + "-" + pair.to, std::to_string(ratio));
  }
}

}  // namespace
}  // namespace circatlas
