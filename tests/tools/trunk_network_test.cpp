// The built-in schematic Gansu trunk network (data/network): seats, attributes, connectivity, plausible distances.
#include <gtest/gtest.h>

#include <set>

#include "analysis/network/router.h"
#include "core/error.h"
#include "geo/geodesic.h"
#include "io/builtin_data.h"
#include "io/csv_reader.h"
#include "io/layer_reader.h"
#include "tools/distances_tool.h"
#include "tools/network_tool.h"

namespace circatlas {
namespace {

namespace net = analysis::network;

core::Layer trunk() { return io::readLayer((io::builtinDataDir() / "network" / "gansu_trunk.csv").string()); }

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

TEST(TrunkNetwork, EveryVertexStandsExactlyOnASeat) {
  const core::Layer seats = io::readLayer(io::basemapPath().string(), {.layer = "seats", .sql = std::nullopt});
  std::set<std::pair<double, double>> seatPoints;
  for (const auto& f : seats.features()) seatPoints.insert({f.geometry.coords()[0].x, f.geometry.coords()[0].y});
  const core::Layer lines = trunk();
  ASSERT_GT(lines.size(), 50u);
  for (const auto& f : lines.features()) {
    for (const core::Coord& c : f.geometry.coords()) {
      EXPECT_TRUE(seatPoints.count({c.x, c.y})) << "feature " << f.id.value() << ": vertex " << c.x << " " << c.y << " is no seat";
    }
  }
}

TEST(TrunkNetwork, NodesFileAgreesWithSeats) {
  const core::Layer seats = io::readLayer(io::basemapPath().string(), {.layer = "seats", .sql = std::nullopt});
  const core::TextTable nodes = io::readCsvTable((io::builtinDataDir() / "network" / "gansu_trunk_nodes.csv").string());
  const auto col = [&](const char* name) { return *nodes.column(name); };
  ASSERT_GT(nodes.rows.size(), 30u);
  for (const auto& row : nodes.rows) {
    bool found = false;
    for (std::size_t i = 0; i < seats.size(); ++i) {
      if (core::toString(seats.value(i, "code")) != *row.cells[col("seat_code")] ||
          core::toString(seats.value(i, "level")) != *row.cells[col("seat_level")]) {
        continue;
      }
      found = true;
      EXPECT_EQ(std::stod(*row.cells[col("lon")]), seats[i].geometry.coords()[0].x) << *row.cells[col("id")];
      EXPECT_EQ(std::stod(*row.cells[col("lat")]), seats[i].geometry.coords()[0].y) << *row.cells[col("id")];
    }
    EXPECT_TRUE(found) << "node " << *row.cells[col("id")] << " names no seat";
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
    EXPECT_TRUE(lengthSource.starts_with("estimate: geodesic") || lengthSource.starts_with("published")) << lengthSource;
    // An estimate is the seat-to-seat geodesic × 1.2, to the 100 m it is rounded to.
    if (lengthSource.starts_with("estimate")) {
      const auto c = lines[i].geometry.coords();
      const double geodesic = geo::geodesicDistanceMeters({c.front().x, c.front().y}, {c.back().x, c.back().y});
      EXPECT_NEAR(std::get<double>(lines.value(i, "length_m")), geodesic * 1.2, 50.0);
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

}  // namespace
}  // namespace circatlas
