// NetworkTool: attribute rules, a hand-written OSM extract read through GDAL, end snapping, published lengths.
#include "tools/network_tool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "analysis/network/dijkstra.h"
#include "core/error.h"
#include "geo/analysis_crs.h"
#include "geo/geodesic.h"
#include "geo/transformer.h"
#include "io/layer_reader.h"
#include "test_support.h"

namespace circatlas {
namespace {

namespace net = analysis::network;
using tools::Oneway;

std::string osmPath() { return std::string(CIRCATLAS_TEST_DATA_DIR) + "/network/tiny.osm"; }

// The graph node standing at lon/lat (within 1 m), or a test failure.
net::NodeId nodeAt(const net::RoadGraph& g, double lon, double lat) {
  const core::Coord c = geo::Transformer(geo::kWgs84, geo::kAnalysisCrs).forward(core::Coord{lon, lat});
  for (std::uint32_t n = 0; n < g.nodeCount(); ++n) {
    const core::XY p = g.position(net::NodeId(n));
    if (std::hypot(p.x - c.x, p.y - c.y) < 1.0) return net::NodeId(n);
  }
  ADD_FAILURE() << "no node at " << lon << ", " << lat;
  return net::NodeId(0);
}

bool hasArc(const net::RoadGraph& g, net::NodeId from, net::NodeId to) {
  return g.cheapestArc(from, to, net::Metric::Length).has_value();
}

TEST(NetworkAttributes, OnewayValuesIncludingReverseAndUnknown) {
  EXPECT_EQ(tools::parseOneway("yes"), Oneway::Forward);
  EXPECT_EQ(tools::parseOneway("1"), Oneway::Forward);
  EXPECT_EQ(tools::parseOneway("-1"), Oneway::Backward);
  EXPECT_EQ(tools::parseOneway("no"), Oneway::Both);
  EXPECT_EQ(tools::parseOneway(""), Oneway::Both);
  EXPECT_FALSE(tools::parseOneway("reversible").has_value());
}

TEST(NetworkAttributes, HstoreValuesAsGdalWritesOtherTags) {
  const std::string tags = R"("oneway"=>"yes","maxspeed"=>"80 km/h","name:en"=>"Say \"hi\"")";
  EXPECT_EQ(tools::hstoreValue(tags, "oneway"), "yes");
  EXPECT_EQ(tools::hstoreValue(tags, "maxspeed"), "80 km/h");
  EXPECT_EQ(tools::hstoreValue(tags, "name:en"), "Say \"hi\"");
  EXPECT_FALSE(tools::hstoreValue(tags, "ref").has_value());
  EXPECT_FALSE(tools::hstoreValue("not hstore", "oneway").has_value());
}

TEST(NetworkAttributes, SpeedsInKilometresOrMiles) {
  EXPECT_EQ(tools::parseSpeedKmh("80"), 80.0);
  EXPECT_EQ(tools::parseSpeedKmh("80 km/h"), 80.0);
  EXPECT_NEAR(*tools::parseSpeedKmh("50 mph"), 80.4672, 1e-9);
  EXPECT_FALSE(tools::parseSpeedKmh("signals").has_value());
  EXPECT_FALSE(tools::parseSpeedKmh("0").has_value());
}

// A layer the caller gives up gives the same network, and is emptied rather than kept beside the graph.
TEST(NetworkTool, ALayerGivenUpGivesTheSameNetworkAndIsEmptied) {
  const core::Layer lines = io::readLayer(osmPath(), {.layer = "lines", .sql = std::nullopt});
  const tools::RoadNetwork kept = tools::buildNetwork(lines, {});
  core::Layer given = lines;
  const tools::RoadNetwork built = tools::buildNetwork(std::move(given), {});
  EXPECT_TRUE(given.empty());  // NOLINT(bugprone-use-after-move): emptying it is the point
  EXPECT_EQ(built.graph().nodeCount(), kept.graph().nodeCount());
  ASSERT_EQ(built.graph().arcCount(), kept.graph().arcCount());
  for (std::uint32_t a = 0; a < kept.graph().arcCount(); ++a) {
    const net::ArcId arc(a);
    EXPECT_EQ(built.graph().head(arc), kept.graph().head(arc));
    EXPECT_EQ(built.graph().totals(arc).time.value(), kept.graph().totals(arc).time.value());
    EXPECT_EQ(built.edgeLabel(built.graph().edge(arc)), kept.edgeLabel(kept.graph().edge(arc)));
  }
  EXPECT_EQ(built.report().featuresUsed, kept.report().featuresUsed);
  EXPECT_EQ(built.parameters(), kept.parameters());
}

TEST(NetworkTool, TinyOsmExtractGivesTheExpectedArcs) {
  const core::Layer lines = io::readLayer(osmPath(), {.layer = "lines", .sql = std::nullopt});
  const tools::RoadNetwork network = tools::buildNetwork(lines, {});
  const net::RoadGraph& g = network.graph();
  const tools::NetworkReport& r = network.report();
  EXPECT_EQ(r.flavour, "OpenStreetMap lines");
  EXPECT_EQ(r.featuresRead, 8u);
  EXPECT_EQ(r.featuresUsed, 6u);          // the footway and the railway are not lorry roads
  EXPECT_EQ(r.skippedNotForFreight, 1u);  // footway
  EXPECT_EQ(r.skippedOtherMode, 1u);      // railway=rail, rail not asked for
  EXPECT_EQ(g.nodeCount(), 7u);           // n1…n7: n7 is an interior vertex of w16
  EXPECT_EQ(g.arcCount(), 11u);           // 2 + 1 + 1 + 1 + 2 + 2×2

  const auto n1 = nodeAt(g, 103.80, 36.05), n2 = nodeAt(g, 103.81, 36.05), n3 = nodeAt(g, 103.82, 36.05);
  const auto n4 = nodeAt(g, 103.81, 36.04), n5 = nodeAt(g, 103.82, 36.04), n6 = nodeAt(g, 103.80, 36.04);
  const auto n7 = nodeAt(g, 103.80, 36.045);
  EXPECT_TRUE(hasArc(g, n1, n2) && hasArc(g, n2, n1));  // primary, two-way
  EXPECT_TRUE(hasArc(g, n2, n3));                       // oneway=yes in other_tags
  EXPECT_FALSE(hasArc(g, n3, n2));
  EXPECT_TRUE(hasArc(g, n2, n4));  // motorway: implied one-way
  EXPECT_FALSE(hasArc(g, n4, n2));
  EXPECT_TRUE(hasArc(g, n5, n4));  // oneway=-1: against the drawing
  EXPECT_FALSE(hasArc(g, n4, n5));
  EXPECT_TRUE(hasArc(g, n4, n6) && hasArc(g, n6, n4));  // motorway_link with oneway=no
  EXPECT_TRUE(hasArc(g, n6, n7) && hasArc(g, n7, n1));  // residential through its interior vertex
  EXPECT_FALSE(hasArc(g, n3, n5));                      // footway and railway left out

  // Length geodesic; time at min(maxspeed 30, secondary 45) km/h.
  const auto a23 = *g.cheapestArc(n2, n3, net::Metric::Length);
  const double meters = geo::geodesicDistanceMeters({103.81, 36.05}, {103.82, 36.05});
  EXPECT_NEAR(g.totals(a23).length.value(), meters, 1e-6);
  EXPECT_NEAR(g.totals(a23).time.value(), meters / (30 / 3.6), 1e-6);
  EXPECT_NEAR(g.totals(a23).cost.value(), meters / 1000 * 0.5, 1e-9);
  EXPECT_EQ(network.edgeLabel(g.edge(*g.cheapestArc(n1, n2, net::Metric::Length))), "S101");  // ref from other_tags

  // The one-way trap: n3 has no way out, so it is a strong component of its own.
  EXPECT_EQ(r.components.size(), 1u);
  EXPECT_GT(r.strongComponents, 1u);
}

TEST(NetworkTool, RailIncludedOnRequest) {
  const core::Layer lines = io::readLayer(osmPath(), {.layer = "lines", .sql = std::nullopt});
  tools::NetworkParams p;
  p.includeRail = true;
  const tools::RoadNetwork network = tools::buildNetwork(lines, p);
  const auto& g = network.graph();
  const auto a = g.cheapestArc(nodeAt(g, 103.82, 36.05), nodeAt(g, 103.82, 36.04), net::Metric::Length);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(network.edgeMode(g.edge(*a)), tools::TravelMode::Rail);
  EXPECT_NEAR(g.totals(*a).cost.value(), g.totals(*a).length.value() / 1000 * 0.15, 1e-9);
}

// Four lines in GeoJSON: B starts 0.5 m east of A's end, D ends 0.5 m north of A's middle vertex (a T
// junction digitised short), C starts 3 m east of B's end.
std::string nearlyTouching() {
  const double m = 1.0 / 90'100.0;  // degrees of longitude per metre at 36.05°N (≈ 1/90.1 km)
  const double mLat = 1.0 / 110'950.0;
  char buf[2048];
  std::snprintf(buf, sizeof buf, R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"A"},"geometry":{"type":"LineString","coordinates":[[103.80,36.05],[103.805,36.05],[103.81,36.05]]}},
{"type":"Feature","properties":{"name":"B"},"geometry":{"type":"LineString","coordinates":[[%.9f,36.05],[103.82,36.05]]}},
{"type":"Feature","properties":{"name":"C"},"geometry":{"type":"LineString","coordinates":[[%.9f,36.05],[103.83,36.05]]}},
{"type":"Feature","properties":{"name":"D"},"geometry":{"type":"MultiLineString","coordinates":[[[103.805,36.06],[103.805,%.9f]]]}}]})",
                103.81 + 0.5 * m, 103.82 + 3 * m, 36.05 + 0.5 * mLat);
  return buf;
}

TEST(NetworkTool, EndsJoinWithinTheToleranceOnly) {
  test::TempDir dir;
  const auto path = test::writeFile(dir / "lines.geojson", nearlyTouching()).string();
  const core::Layer lines = io::readLayer(path);
  auto parts = [&](double tolerance) {
    tools::NetworkParams p;
    p.snapToleranceMeters = tolerance;
    return tools::buildNetwork(lines, p).report();
  };
  EXPECT_EQ(parts(0).components.size(), 4u);  // nothing coincides exactly
  const auto oneMetre = parts(1);
  EXPECT_EQ(oneMetre.components.size(), 2u);  // A+B+D, and C (3 m away)
  EXPECT_EQ(oneMetre.endsSnapped, 2u);        // B's start, D's end
  EXPECT_EQ(oneMetre.components[1].nodes, 2u);
  EXPECT_EQ(parts(5).components.size(), 1u);
  EXPECT_NEAR(parts(5).largestShareOfLength(), 1.0, 1e-12);
}

TEST(NetworkTool, PublishedLengthIsSpreadOverTheSegments) {
  test::TempDir dir;
  const auto path = test::writeFile(dir / "l.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"len":2000,"class":"expressway","oneway":"no"},"geometry":{"type":"LineString","coordinates":[[103.80,36.05],[103.805,36.05],[103.81,36.05]]}}]})")
                        .string();
  tools::NetworkParams p;
  p.lengthField = "len";
  const tools::RoadNetwork network = tools::buildNetwork(io::readLayer(path), p);
  EXPECT_NEAR(network.report().totalLengthMeters, 2000.0, 1e-6);
  EXPECT_EQ(network.report().publishedLengths, 1u);
  const auto& g = network.graph();
  const auto a = *g.cheapestArc(nodeAt(g, 103.80, 36.05), nodeAt(g, 103.805, 36.05), net::Metric::Length);
  EXPECT_NEAR(g.totals(a).length.value(), 1000.0, 0.01);             // two equal halves
  EXPECT_NEAR(g.totals(a).time.value(), 1000.0 / (80 / 3.6), 0.01);  // expressway speed
}

TEST(NetworkTool, BadOnewayValueNamesFeatureAndField) {
  test::TempDir dir;
  const auto path = test::writeFile(dir / "bad.geojson", R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"oneway":"sometimes"},"geometry":{"type":"LineString","coordinates":[[103.80,36.05],[103.81,36.05]]}}]})")
                        .string();
  try {
    (void)tools::buildNetwork(io::readLayer(path), {});
    FAIL() << "expected an input error";
  } catch (const core::InputError& e) {
    EXPECT_EQ(e.field(), "oneway");
    EXPECT_EQ(e.feature(), 0);
    EXPECT_NE(std::string(e.what()).find("sometimes"), std::string::npos) << e.what();
  }
}

TEST(NetworkTool, AVertexThatCannotBeTransformedNamesItsFeatureAndCoordinates) {
  // UTM zone 48N around Lanzhou; feature 9's second vertex lies far outside the projection's domain.
  core::Layer roads("roads", "EPSG:32648", core::GeometryType::LineString, core::Schema());
  const std::vector<std::vector<core::Coord>> paths = {{{700'000, 3'990'000}, {701'000, 3'990'000}},
                                                       {{701'000, 3'990'000}, {702'000, 3'991'000}},
                                                       {{702'000, 3'991'000}, {1e12, 1e12}, {703'000, 3'992'000}}};
  for (std::size_t i = 0; i < paths.size(); ++i) {
    roads.add({core::FeatureId(static_cast<std::int64_t>(7 + i)), core::Geometry::lineString(paths[i]), {}});
  }
  try {
    (void)tools::buildNetwork(roads, {});
    FAIL() << "expected a CRS error";
  } catch (const core::CrsError& e) {
    EXPECT_EQ(e.feature(), 9);
    EXPECT_EQ(e.layer(), "roads");
    EXPECT_NE(std::string(e.what()).find("its vertex (1e+12, 1e+12) cannot be placed on the map"), std::string::npos)
        << e.what();
  }
}

TEST(NetworkTool, PointLayerIsRefused) {
  core::Layer points("pts", std::string(geo::kWgs84), core::GeometryType::Point, core::Schema());
  points.add({core::FeatureId(1), core::Geometry::point({103.8, 36.0}), {}});
  EXPECT_THROW((void)tools::buildNetwork(points, {}), core::InputError);
}

TEST(NetworkTool, BadParametersAreRefused) {
  tools::NetworkParams p;
  p.snapToleranceMeters = -1;
  EXPECT_THROW(p.validate(), core::ParameterError);
  p = {};
  p.includeRoad = false;
  EXPECT_THROW(p.validate(), core::ParameterError);
}

// A grid of trunk roads, one line per 1 km segment, in the analysis CRS: `side` × `side` junctions.
std::vector<std::pair<core::Coord, core::Coord>> gridSegments(int side) {
  std::vector<std::pair<core::Coord, core::Coord>> segments;
  for (int y = 0; y < side; ++y) {
    for (int x = 0; x < side; ++x) {
      const core::Coord here{1000.0 * x, 1000.0 * y};
      if (x + 1 < side) segments.push_back({here, {here.x + 1000.0, here.y}});
      if (y + 1 < side) segments.push_back({here, {here.x, here.y + 1000.0}});
    }
  }
  return segments;
}

core::Layer segmentLayer(const std::vector<std::pair<core::Coord, core::Coord>>& segments) {
  core::Layer l("roads", std::string(geo::kAnalysisCrs), core::GeometryType::LineString,
                core::Schema({{"class", core::FieldType::String}}));
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const core::Coord line[] = {segments[i].first, segments[i].second};
    l.add(
        {core::FeatureId(static_cast<std::int64_t>(i + 1)), core::Geometry::lineString(line), {std::string("trunk")}});
  }
  return l;
}

double meanArcGap(const net::RoadGraph& g) {
  double sum = 0.0;
  for (std::uint32_t a = 0; a < g.arcCount(); ++a) {
    sum += std::abs(static_cast<double>(g.tail(net::ArcId(a)).value()) -
                    static_cast<double>(g.head(net::ArcId(a)).value()));
  }
  return sum / static_cast<double>(g.arcCount());
}

// A large network's nodes are numbered along its lines in a spatial order, whatever the file's order:
// lines in a random order (an OpenStreetMap extract in way order) would otherwise number neighbouring
// nodes a third of the node count apart on average, and every search would wait for memory.
TEST(NetworkTool, ALargeNetworkNumbersItsNodesInTheSameSpatialOrderWhateverItsLineOrder) {
  constexpr int kSide = 150;  // 22,500 nodes: large enough to be renumbered
  auto segments = gridSegments(kSide);
  const tools::RoadNetwork inRows = tools::buildNetwork(segmentLayer(segments), {});
  std::mt19937 rng(45);
  std::shuffle(segments.begin(), segments.end(), rng);
  const tools::RoadNetwork scattered = tools::buildNetwork(segmentLayer(segments), {});

  const net::RoadGraph& a = inRows.graph();
  const net::RoadGraph& b = scattered.graph();
  ASSERT_EQ(a.nodeCount(), static_cast<std::size_t>(kSide * kSide));
  ASSERT_EQ(b.nodeCount(), a.nodeCount());
  EXPECT_LT(meanArcGap(b), 4.0 * std::sqrt(static_cast<double>(b.nodeCount())));
  for (std::uint32_t n = 0; n < a.nodeCount(); ++n) {
    ASSERT_EQ(a.position(net::NodeId(n)), b.position(net::NodeId(n))) << "node " << n;
  }

  // Renumbered, the graph still routes: from the corner at the origin, every node of the grid is its
  // Manhattan distance away, to the projection's scale error.
  net::Dijkstra search(b, net::Metric::Length);
  std::vector<net::NodeId> all;
  for (std::uint32_t n = 0; n < b.nodeCount(); ++n) all.emplace_back(n);
  net::NodeId corner(0);
  for (std::uint32_t n = 0; n < b.nodeCount(); ++n) {
    if (std::hypot(b.position(net::NodeId(n)).x, b.position(net::NodeId(n)).y) < 1e-6) corner = net::NodeId(n);
  }
  const auto lengths = search.distances(corner, all);
  for (std::uint32_t n = 0; n < b.nodeCount(); ++n) {
    const core::XY p = b.position(net::NodeId(n));
    const double manhattan = std::round(p.x / 1000.0) * 1000.0 + std::round(p.y / 1000.0) * 1000.0;
    ASSERT_TRUE(lengths[n].has_value()) << "node " << n;
    ASSERT_NEAR(lengths[n]->length.value(), manhattan, 2e-3 * manhattan) << "node " << n;
  }
}

}  // namespace
}  // namespace circatlas
