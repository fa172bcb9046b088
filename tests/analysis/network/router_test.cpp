// Router: snapped endpoints with access legs, one-way streets, same-edge trips and flagged fallbacks.
#include "analysis/network/router.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/network/ascii_map.h"
#include "analysis/network/graph_builder.h"
#include "analysis/network/reference_graphs.h"
#include "core/error.h"

namespace circatlas::analysis::network {
namespace {

using test::AsciiMap;

// Access legs at 10 m/s and 1 CNY/t·km keep the hand computations short.
RouterOptions lengthOptions() {
  RouterOptions options;
  options.metric = Metric::Length;
  options.maxSnapDistance = Meters(100);
  options.accessSpeedMetersPerSecond = 10.0;
  options.accessCostYuanPerTonneKm = 1.0;
  return options;
}

// A (0,0) … B (800,0) one-way east; C (0,-200) … D (800,-200) two-way.
const char* const kOneWayLoop =
    "A>>>>>>>B\n"
    "|       |\n"
    "C-------D";

TEST(Router, RoutesAlongTheNetworkPlusAccessLegsAtBothEnds) {
  AsciiMap map = AsciiMap::parse(kOneWayLoop);
  const RoadGraph graph = map.builder.build();
  const Router router(graph, lengthOptions());
  const core::XY from[] = {{100, -230}};  // 30 m below C–D
  const core::XY to[] = {{700, -160}};    // 40 m above C–D
  const RouteMatrix matrix = router.matrix(from, to);
  const PairResult pair = matrix.at(0, 0);
  EXPECT_EQ(pair.status, PairStatus::Routed);
  // 30 × 1.3 + 600 + 40 × 1.3 = 691 m; 3.9 s + 60 s + 5.2 s; 0.039 + 0.3 + 0.052 CNY/t.
  EXPECT_NEAR(pair.totals.length.value(), 691.0, 1e-9);
  EXPECT_NEAR(pair.totals.time.value(), 69.1, 1e-9);
  EXPECT_NEAR(pair.totals.cost.value(), 0.391, 1e-9);
}

TEST(Router, OneWayStreetIsDrivenAroundNotAgainst) {
  AsciiMap map = AsciiMap::parse(kOneWayLoop);
  const RoadGraph graph = map.builder.build();
  const Router router(graph, lengthOptions());
  const core::XY east{600, 0};  // on A→B
  const core::XY west{200, 0};
  const core::XY points[] = {east, west};
  const RouteMatrix matrix = router.matrix(points, points);
  EXPECT_NEAR(matrix.at(1, 0).totals.length.value(), 400.0, 1e-9);  // with the flow, along the edge
  // Against it: 200 m on to B, down, back along C–D, up to A and 200 m on: 1600 m.
  EXPECT_NEAR(matrix.at(0, 1).totals.length.value(), 1600.0, 1e-9);
  EXPECT_EQ(matrix.at(0, 1).status, PairStatus::Routed);
  EXPECT_NEAR(matrix.at(0, 0).totals.length.value(), 0.0, 1e-9);
}

TEST(Router, RouteGeometryFollowsTheRoadsFromPointToPoint) {
  AsciiMap map = AsciiMap::parse(kOneWayLoop);
  const RoadGraph graph = map.builder.build();
  const Router router(graph, lengthOptions());
  const RouteResult route = router.route({600, 10}, {200, 10});
  EXPECT_EQ(route.figures.status, PairStatus::Routed);
  EXPECT_NEAR(route.figures.totals.length.value(), 1600.0 + 2 * 13.0, 1e-9);
  const std::vector<core::XY> expected = {{600, 10},   {600, 0},    map.xy('B'), map.xy('D'),
                                          map.xy('C'), map.xy('A'), {200, 0},    {200, 10}};
  EXPECT_EQ(route.geometry, expected);
  EXPECT_EQ(route.edges.size(), 5u);  // partial A→B, B–D, D–C, C–A, partial A→B
}

TEST(Router, BeyondTheSnapLimitFallsBackToTheStraightLineAndSaysSo) {
  AsciiMap map = AsciiMap::parse(kOneWayLoop);
  const RoadGraph graph = map.builder.build();
  const Router router(graph, lengthOptions());
  const core::XY from[] = {{400, 3000}};  // 3 km from any road, limit 100 m
  const core::XY to[] = {{400, -200}};
  const PairResult pair = router.matrix(from, to).at(0, 0);
  EXPECT_EQ(pair.status, PairStatus::FallbackNotSnapped);
  EXPECT_NEAR(pair.totals.length.value(), 3200.0 * 1.3, 1e-9);
  EXPECT_NEAR(pair.totals.time.value(), 3200.0 * 1.3 / 10.0, 1e-9);
  EXPECT_NEAR(pair.totals.cost.value(), 3.2 * 1.3, 1e-9);
}

TEST(Router, DisconnectedPartsFallBackAsUnreachable) {
  AsciiMap map = AsciiMap::parse(
      "A---B\n"
      "\n"
      "\n"
      "C---D");
  const RoadGraph graph = map.builder.build();
  const Router router(graph, lengthOptions());
  const RouteMatrix matrix = router.matrix(std::vector<core::XY>{{200, 0}}, std::vector<core::XY>{{200, -300}});
  EXPECT_EQ(matrix.at(0, 0).status, PairStatus::FallbackUnreachable);
  EXPECT_NEAR(matrix.distances[0].value(), 390.0, 1e-9);
  EXPECT_EQ(router.route({200, 0}, {200, -300}).figures.status, PairStatus::FallbackUnreachable);
}

TEST(Router, NetworkWithoutRoadsFallsBackAsNoNetwork) {
  GraphBuilder builder;
  builder.addNode({0, 0});
  const RoadGraph graph = builder.build();
  const Router router(graph, lengthOptions());
  const PairResult pair = router.route({0, 0}, {300, 400}).figures;
  EXPECT_EQ(pair.status, PairStatus::FallbackNoNetwork);
  EXPECT_NEAR(pair.totals.length.value(), 650.0, 1e-9);
}

TEST(Router, TimeMetricRoutesOverTheTrunkAndReportsItsLength) {
  AsciiMap map = AsciiMap::parse(
      "A=======B\n"
      "|       |\n"
      "C-------D");
  const RoadGraph graph = map.builder.build();
  RouterOptions options = lengthOptions();
  options.metric = Metric::Time;
  const Router router(graph, options);
  const PairResult pair = router.route(map.xy('C'), map.xy('D')).figures;
  EXPECT_EQ(pair.status, PairStatus::Routed);
  EXPECT_NEAR(pair.totals.time.value(), 20.0 + 800.0 / 30.0 + 20.0, 1e-9);
  EXPECT_NEAR(pair.totals.length.value(), 1200.0, 1e-9);
}

TEST(Router, MatrixAgreesWithSingleRoutesOnARandomNetwork) {
  const auto net = test::RandomNetwork::make(300, 21);
  const RoadGraph graph = net.build();
  RouterOptions options;
  options.maxSnapDistance = Meters(300);
  const Router router(graph, options);
  std::mt19937 rng(5);
  std::uniform_real_distribution<double> coord(-500.0, 10500.0);
  std::vector<core::XY> points;
  for (int i = 0; i < 25; ++i) points.push_back({coord(rng), coord(rng)});
  const RouteMatrix matrix = router.matrix(points, points);
  for (std::size_t r = 0; r < points.size(); ++r) {
    for (std::size_t c = 0; c < points.size(); ++c) {
      const PairResult single = router.route(points[r], points[c]).figures;
      EXPECT_EQ(single.status, matrix.at(r, c).status) << r << ", " << c;
      EXPECT_NEAR(single.totals.time.value(), matrix.at(r, c).totals.time.value(), 1e-6) << r << ", " << c;
      EXPECT_TRUE(std::isfinite(matrix.at(r, c).totals.length.value()));
    }
  }
}

// A few origins are answered by plain Dijkstra without building the hierarchy; many by the hierarchy.
// Both give the same figures, and single routes agree with either.
TEST(Router, FewOriginsSkipTheHierarchyAndAgreeWithIt) {
  const auto net = test::RandomNetwork::make(400, 23);
  const RoadGraph graph = net.build();
  RouterOptions options;
  options.maxSnapDistance = Meters(300);
  std::mt19937 rng(9);
  std::uniform_real_distribution<double> coord(-500.0, 10500.0);
  std::vector<core::XY> few;
  std::vector<core::XY> many;
  for (int i = 0; i < 6; ++i) few.push_back({coord(rng), coord(rng)});
  for (int i = 0; i < 60; ++i) many.push_back({coord(rng), coord(rng)});
  const Router plain(graph, options);
  const RouteMatrix a = plain.matrix(few, many);
  const RouteMatrix b = plain.matrix(many, few);
  EXPECT_FALSE(plain.hasHierarchy());
  const RouteResult single = plain.route(few[0], many[1]);
  EXPECT_FALSE(plain.hasHierarchy());
  options.fewEndpoints = 0;
  const Router contracted(graph, options);
  const RouteMatrix c = contracted.matrix(few, many);
  const RouteMatrix d = contracted.matrix(many, few);
  EXPECT_TRUE(contracted.hasHierarchy());
  for (std::size_t r = 0; r < few.size(); ++r) {
    for (std::size_t k = 0; k < many.size(); ++k) {
      EXPECT_EQ(a.at(r, k).status, c.at(r, k).status) << r << ", " << k;
      EXPECT_NEAR(a.at(r, k).totals.time.value(), c.at(r, k).totals.time.value(), 1e-6) << r << ", " << k;
      EXPECT_EQ(b.at(k, r).status, d.at(k, r).status) << k << ", " << r;
      EXPECT_NEAR(b.at(k, r).totals.time.value(), d.at(k, r).totals.time.value(), 1e-6) << k << ", " << r;
    }
  }
  EXPECT_EQ(single.figures.status, a.at(0, 1).status);
  EXPECT_NEAR(single.figures.totals.time.value(), a.at(0, 1).totals.time.value(), 1e-6);
  const RouteResult viaCh = contracted.route(few[0], many[1]);
  EXPECT_NEAR(single.figures.totals.time.value(), viaCh.figures.totals.time.value(), 1e-6);
  EXPECT_EQ(single.geometry.size() >= 2, viaCh.geometry.size() >= 2);
}

// test::RandomNetwork with each road drawn through shape points.
RoadGraph drawnRandomNetwork(std::uint32_t nodes, std::uint32_t seed, std::uint32_t shapePoints) {
  return test::RandomNetwork::make(nodes, seed).withShapePoints(shapePoints).build();
}

// On roads drawn with shape points a few dozen origins search the junction graph (chains compressed
// first, no hierarchy): the same figures as single routes on the road graph and as the hierarchy,
// whichever side is the smaller, with endpoints snapped onto chains and one-way roads among them.
TEST(Router, JunctionGraphSearchesAgreeWithRoadSearchesAndTheHierarchy) {
  const RoadGraph graph = drawnRandomNetwork(300, 27, 5);
  RouterOptions options;
  options.maxSnapDistance = Meters(300);
  const Router router(graph, options);
  ASSERT_EQ(router.matrixMethod(40, 60), MatrixMethod::JunctionSearches);
  ASSERT_EQ(router.matrixMethod(60, 40), MatrixMethod::JunctionSearches);
  ASSERT_EQ(router.matrixMethod(1, 60), MatrixMethod::RoadSearches);
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> coord(-500.0, 10500.0);
  std::vector<core::XY> some;
  std::vector<core::XY> many;
  for (int i = 0; i < 40; ++i) some.push_back({coord(rng), coord(rng)});
  for (int i = 0; i < 60; ++i) many.push_back({coord(rng), coord(rng)});
  const RouteMatrix forward = router.matrix(some, many);
  const RouteMatrix backward = router.matrix(many, some);
  EXPECT_FALSE(router.hasHierarchy());
  options.fewEndpoints = 0;
  const Router contracted(graph, options);
  const RouteMatrix viaHierarchy = contracted.matrix(some, many);
  std::size_t routed = 0;
  for (std::size_t r = 0; r < some.size(); ++r) {
    for (std::size_t c = 0; c < many.size(); ++c) {
      const PairResult single = router.route(some[r], many[c]).figures;  // one road-graph search
      const PairResult reverse = router.route(many[c], some[r]).figures;
      EXPECT_EQ(single.status, forward.at(r, c).status) << r << ", " << c;
      EXPECT_NEAR(single.totals.time.value(), forward.at(r, c).totals.time.value(), 1e-6) << r << ", " << c;
      EXPECT_NEAR(single.totals.time.value(), viaHierarchy.at(r, c).totals.time.value(), 1e-6) << r << ", " << c;
      EXPECT_EQ(reverse.status, backward.at(c, r).status) << c << ", " << r;
      EXPECT_NEAR(reverse.totals.time.value(), backward.at(c, r).totals.time.value(), 1e-6) << c << ", " << r;
      routed += single.status == PairStatus::Routed ? 1 : 0;
    }
  }
  EXPECT_GT(routed, some.size() * many.size() / 2);  // not a test of fallbacks
  EXPECT_FALSE(router.hasHierarchy());
}

// A side × side grid of two-way roads 1 km apart, each road drawn through `shapePoints` extra vertices.
RoadGraph gridWithShapePoints(std::uint32_t side, std::uint32_t shapePoints) {
  GraphBuilder builder;
  auto add = [&](NodeId a, NodeId b) {
    builder.addEdge({a, b, Meters(1000.0), Seconds(100.0), YuanPerTonne(0.5), false, std::nullopt});
  };
  auto road = [&](std::uint32_t a, std::uint32_t b, core::XY from) {
    NodeId last(a);
    for (std::uint32_t k = 0; k < shapePoints; ++k) {
      const NodeId shape = builder.addNode({from.x + 1.0 + k, from.y + 1.0});
      add(last, shape);
      last = shape;
    }
    add(last, NodeId(b));
  };
  for (std::uint32_t r = 0; r < side; ++r) {
    for (std::uint32_t c = 0; c < side; ++c) builder.addNode({c * 1000.0, r * 1000.0});
  }
  for (std::uint32_t r = 0; r < side; ++r) {
    for (std::uint32_t c = 0; c < side; ++c) {
      const core::XY at{c * 1000.0, r * 1000.0};
      if (c + 1 < side) road(r * side + c, r * side + c + 1, at);
      if (r + 1 < side) road(r * side + c, (r + 1) * side + c, at);
    }
  }
  return builder.build();
}

// Searches while they cost less than contracting, estimated as 6 × √J × J / N road-graph searches (J
// junctions, N nodes): shape points (degree 2) make every search longer but the contraction hardly so.
// Below that, the junction graph is searched when compressing the chains (one search) and then
// searching J nodes (1.2 × J / N of a search each) costs less than searching the road graph.
TEST(Router, ChoosesTheCheapestWayToAnswerAMatrix) {
  RouterOptions options;
  const RoadGraph grid = gridWithShapePoints(60, 0);  // 3,596 junctions (the corners have two roads)
  const Router onGrid(grid, options);                 // 6 × √3596 = 359.8
  EXPECT_EQ(onGrid.matrixMethod(49, 5000), MatrixMethod::RoadSearches);
  EXPECT_EQ(onGrid.matrixMethod(359, 359), MatrixMethod::RoadSearches);   // no chains worth compressing
  EXPECT_EQ(onGrid.matrixMethod(360, 360), MatrixMethod::Hierarchy);      // contracting is cheaper
  EXPECT_EQ(onGrid.matrixMethod(5000, 359), MatrixMethod::RoadSearches);  // the smaller side counts

  // The same junctions with three shape points on each of the 7,080 roads: 24,840 nodes, so every
  // search costs about seven times more and contracting (almost) the same: 359.8 × 3596 / 24840 = 52.1.
  // The junction graph costs 1 + s × 1.2 × 3596 / 24840 = 1 + 0.174 s: less than s from s = 2.
  const RoadGraph drawn = gridWithShapePoints(60, 3);
  ASSERT_EQ(drawn.nodeCount(), 3600U + 3U * 7080U);
  const Router onDrawn(drawn, options);
  EXPECT_EQ(onDrawn.matrixMethod(1, 1), MatrixMethod::RoadSearches);
  EXPECT_EQ(onDrawn.matrixMethod(2, 2), MatrixMethod::JunctionSearches);
  EXPECT_EQ(onDrawn.matrixMethod(52, 52), MatrixMethod::JunctionSearches);
  EXPECT_EQ(onDrawn.matrixMethod(53, 53), MatrixMethod::Hierarchy);

  const RoadGraph road = gridWithShapePoints(2, 50);  // a ring of four roads: no junction at all
  const Router onRoad(road, options);
  EXPECT_EQ(onRoad.matrixMethod(1, 1), MatrixMethod::RoadSearches);
  EXPECT_EQ(onRoad.matrixMethod(2, 2), MatrixMethod::JunctionSearches);
  EXPECT_EQ(onRoad.matrixMethod(49, 49), MatrixMethod::JunctionSearches);
  EXPECT_EQ(onRoad.matrixMethod(50, 50), MatrixMethod::Hierarchy);

  options.fewEndpoints = 0;  // always the hierarchy
  EXPECT_EQ(Router(grid, options).matrixMethod(1, 1), MatrixMethod::Hierarchy);
  options.fewEndpoints = 50;
  options.contractionCostFactor = 0;  // fewEndpoints alone
  EXPECT_EQ(Router(grid, options).matrixMethod(50, 50), MatrixMethod::Hierarchy);
  EXPECT_EQ(Router(drawn, options).matrixMethod(49, 49), MatrixMethod::JunctionSearches);
  options.contractionCostFactor = -1;
  EXPECT_THROW(Router(grid, options), core::ParameterError);

  // Once built, the hierarchy answers everything.
  const RoadGraph small = gridWithShapePoints(4, 1);
  const Router built(small, RouterOptions{});
  (void)built.hierarchy();
  EXPECT_EQ(built.matrixMethod(1, 1), MatrixMethod::Hierarchy);
}

TEST(Router, BadOptionsAreParameterErrors) {
  AsciiMap map = AsciiMap::parse("A---B");
  const RoadGraph graph = map.builder.build();
  RouterOptions options;
  options.detourFactor = 0.9;
  EXPECT_THROW(Router(graph, options), core::ParameterError);
  options = {};
  options.accessSpeedMetersPerSecond = 0;
  EXPECT_THROW(Router(graph, options), core::ParameterError);
  options = {};
  options.maxSnapDistance = Meters(-5);
  EXPECT_THROW(Router(graph, options), core::ParameterError);
}

}  // namespace
}  // namespace circatlas::analysis::network
