// Plain Dijkstra on ASCII maps: one-way streets, trunk roads, unreachable targets, zero-length edges.
#include "analysis/network/dijkstra.h"

#include <gtest/gtest.h>

#include "analysis/network/ascii_map.h"

namespace circatlas::analysis::network {
namespace {

using test::AsciiMap;

std::string nodeNames(const AsciiMap& map, const Path& path) {
  std::string names;
  for (NodeId node : path.nodes) {
    for (const auto& [name, id] : map.nodes) {
      if (id == node) names += name;
    }
  }
  return names;
}

TEST(Dijkstra, OneWayStreetForcesTheLongWayBack) {
  AsciiMap map = AsciiMap::parse(
      "A>>>B\n"
      "|   |\n"
      "C---D");
  const RoadGraph graph = map.builder.build();
  Dijkstra dijkstra(graph, Metric::Length);
  const auto there = dijkstra.route(map.node('A'), map.node('B'));
  ASSERT_TRUE(there);
  EXPECT_EQ(nodeNames(map, *there), "AB");
  EXPECT_DOUBLE_EQ(there->totals.length.value(), 400.0);
  const auto back = dijkstra.route(map.node('B'), map.node('A'));
  ASSERT_TRUE(back);
  EXPECT_EQ(nodeNames(map, *back), "BDCA");
  EXPECT_DOUBLE_EQ(back->totals.length.value(), 800.0);  // 200 + 400 + 200
  EXPECT_EQ(back->arcs.size(), 3u);
}

TEST(Dijkstra, TimeMetricTakesTheTrunkRoadLengthMetricTheShortCut) {
  AsciiMap map = AsciiMap::parse(
      "A=======B\n"
      "|       |\n"
      "C-------D");
  const RoadGraph graph = map.builder.build();
  // C → D: direct 800 m at 10 m/s = 80 s, or via the trunk C-A-B-D 200 + 800 + 200 m = 20 + 26.7 + 20 s.
  const auto shortest = Dijkstra(graph, Metric::Length).route(map.node('C'), map.node('D'));
  const auto fastest = Dijkstra(graph, Metric::Time).route(map.node('C'), map.node('D'));
  ASSERT_TRUE(shortest && fastest);
  EXPECT_EQ(nodeNames(map, *shortest), "CD");
  EXPECT_EQ(nodeNames(map, *fastest), "CABD");
  EXPECT_NEAR(fastest->totals.time.value(), 20.0 + 800.0 / 30.0 + 20.0, 1e-9);
  EXPECT_DOUBLE_EQ(fastest->totals.length.value(), 1200.0);  // the other metrics follow the chosen path
}

TEST(Dijkstra, UnreachableTargetIsNulloptNotZeroOrInfinity) {
  AsciiMap map = AsciiMap::parse(
      "A---B   C---D\n"
      "\n"
      "E>>>F");
  const RoadGraph graph = map.builder.build();
  Dijkstra dijkstra(graph, Metric::Time);
  EXPECT_FALSE(dijkstra.route(map.node('A'), map.node('D')));
  EXPECT_FALSE(dijkstra.route(map.node('F'), map.node('E')));
  const NodeId targets[] = {map.node('B'), map.node('C'), map.node('A')};
  const auto many = dijkstra.distances(map.node('A'), targets);
  ASSERT_EQ(many.size(), 3u);
  ASSERT_TRUE(many[0]);
  EXPECT_DOUBLE_EQ(many[0]->time.value(), 40.0);
  EXPECT_FALSE(many[1]);
  ASSERT_TRUE(many[2]);
  EXPECT_DOUBLE_EQ(many[2]->length.value(), 0.0);  // source to itself
}

TEST(Dijkstra, ZeroLengthConnectorIsCrossedForFree) {
  AsciiMap map = AsciiMap::parse("A---B   C---D");
  // B and C stand for the same junction in two source layers: a 0 m connector joins them.
  map.addEdge({map.node('B'), map.node('C'), Meters(0), Seconds(0), YuanPerTonne(0), false, std::nullopt});
  const RoadGraph graph = map.builder.build();
  const auto path = Dijkstra(graph, Metric::Length).route(map.node('A'), map.node('D'));
  ASSERT_TRUE(path);
  EXPECT_DOUBLE_EQ(path->totals.length.value(), 800.0);
  EXPECT_EQ(nodeNames(map, *path), "ABCD");
}

TEST(Dijkstra, ParallelEdgeCheapestInTheQueryMetricIsUsed) {
  AsciiMap map = AsciiMap::parse("A   B");
  map.addEdge({map.node('A'), map.node('B'), Meters(400), Seconds(60), YuanPerTonne(1), false, std::nullopt});
  map.addEdge({map.node('A'), map.node('B'), Meters(900), Seconds(35), YuanPerTonne(1), false, std::nullopt});
  const RoadGraph graph = map.builder.build();
  EXPECT_DOUBLE_EQ(Dijkstra(graph, Metric::Length).route(map.node('B'), map.node('A'))->totals.length.value(), 400.0);
  EXPECT_DOUBLE_EQ(Dijkstra(graph, Metric::Time).route(map.node('B'), map.node('A'))->totals.time.value(), 35.0);
}

TEST(Dijkstra, TargetTotalsFollowTheTreeFromTheAnchorThatWins) {
  AsciiMap map = AsciiMap::parse(
      "A=======B\n"
      "|       |\n"
      "C-------D");
  const RoadGraph graph = map.builder.build();
  // Two anchors: A with an offset of 1000 s, C with none. A is reached from C (C-A, 20 s) sooner than
  // its own offset, so its totals and D's are those of the path from C, not A's offset plus the trunk.
  const Totals late{Meters(5), Seconds(1000), YuanPerTonne(7)};
  const Anchor anchors[] = {{map.node('A'), late}, {map.node('C'), {}}};
  const NodeId stop[] = {map.node('A'), map.node('D'), map.node('B')};
  for (const bool backward : {false, true}) {
    const SearchArcs shared(graph, Metric::Time, backward);
    for (const SearchArcs* arcs : {static_cast<const SearchArcs*>(nullptr), &shared}) {
      Dijkstra dijkstra(graph, Metric::Time, arcs);
      dijkstra.search(anchors, stop, backward);
      ASSERT_TRUE(dijkstra.reached(map.node('A').value()));
      EXPECT_DOUBLE_EQ(dijkstra.totals(map.node('A').value()).length.value(), 200.0) << backward;
      EXPECT_NEAR(dijkstra.totals(map.node('A').value()).time.value(), 20.0, 1e-12);
      // D: from C along C-A-B-D (the two-way map is the same either way): 1200 m in 20 + 26.7 + 20 s.
      EXPECT_DOUBLE_EQ(dijkstra.totals(map.node('D').value()).length.value(), 1200.0);
      EXPECT_NEAR(dijkstra.totals(map.node('D').value()).time.value(), 20.0 + 800.0 / 30.0 + 20.0, 1e-9);
      EXPECT_NEAR(dijkstra.dist(map.node('B').value()), 20.0 + 800.0 / 30.0, 1e-9);
      // An anchor nothing beats keeps its offset as its totals.
      const Anchor alone[] = {{map.node('A'), late}};
      const NodeId self[] = {map.node('A')};
      dijkstra.search(alone, self, backward);
      EXPECT_EQ(dijkstra.totals(map.node('A').value()).cost.value(), 7.0);
    }
  }
}

TEST(Dijkstra, BackwardSearchGivesTheTotalsToTheAnchorAgainstOneWayStreets) {
  AsciiMap map = AsciiMap::parse(
      "A>>>B\n"
      "|   |\n"
      "C---D");
  const RoadGraph graph = map.builder.build();
  // Backward from A: each label is the way to A. B → A must go round, B-D-C-A (800 m); A → B is 400 m.
  const Anchor toA[] = {{map.node('A'), {}}};
  const NodeId stop[] = {map.node('B'), map.node('D')};
  Dijkstra dijkstra(graph, Metric::Length);
  dijkstra.search(toA, stop, true);
  EXPECT_DOUBLE_EQ(dijkstra.totals(map.node('B').value()).length.value(), 800.0);
  EXPECT_DOUBLE_EQ(dijkstra.totals(map.node('D').value()).length.value(), 600.0);  // D-C-A
  dijkstra.search(toA, stop, false);  // the other direction on the same object: its own arcs
  EXPECT_DOUBLE_EQ(dijkstra.totals(map.node('B').value()).length.value(), 400.0);
}

}  // namespace
}  // namespace circatlas::analysis::network
