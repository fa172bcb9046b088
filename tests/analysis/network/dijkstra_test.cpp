// Plain Dijkstra on ASCII maps: one-way streets, trunk roads, unreachable targets, zero-length edges.
#include "analysis/network/dijkstra.h"

#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <stdexcept>

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

// A seeded random graph: n nodes on a line of 10 m cells, about 3 n edges between nearby nodes, a third
// of them one-way, lengths, times and costs drawn independently (so each metric has its own shortest paths).
RoadGraph randomGraph(std::uint32_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<std::uint32_t> near(1, 6);
  std::uniform_real_distribution<double> figure(0.0, 100.0);
  GraphBuilder builder;
  for (std::uint32_t i = 0; i < n; ++i) builder.addNode({10.0 * i, 0.0});
  for (std::uint32_t e = 0; e < 3 * n; ++e) {
    const std::uint32_t from = rng() % n;
    const std::uint32_t to = (from + near(rng)) % n;
    builder.addEdge({NodeId(from), NodeId(to), Meters(figure(rng)), Seconds(figure(rng)), YuanPerTonne(figure(rng)),
                     rng() % 3 == 0, std::nullopt});
  }
  return builder.build();
}

// Distances from the anchors to every node (backward: from every node to them) by Bellman-Ford over the arcs.
std::vector<double> bellmanFord(const RoadGraph& graph, Metric metric, std::span<const Anchor> anchors, bool backward) {
  std::vector<double> dist(graph.nodeCount(), std::numeric_limits<double>::infinity());
  for (const Anchor& a : anchors) dist[a.node.value()] = std::min(dist[a.node.value()], a.offset.in(metric));
  for (bool changed = true; changed;) {
    changed = false;
    for (std::uint32_t a = 0; a < graph.arcCount(); ++a) {
      const ArcId arc(a);
      const std::uint32_t from = (backward ? graph.head(arc) : graph.tail(arc)).value();
      const std::uint32_t to = (backward ? graph.tail(arc) : graph.head(arc)).value();
      if (dist[from] + graph.weight(arc, metric) < dist[to]) {
        dist[to] = dist[from] + graph.weight(arc, metric);
        changed = true;
      }
    }
  }
  return dist;
}

TEST(Dijkstra, SharedSearchArcsAndTheGraphsOwnArraysFindTheSameLabelsAsBellmanFord) {
  const RoadGraph graph = randomGraph(400, 7);
  std::vector<NodeId> everyNode;
  for (std::uint32_t v = 0; v < graph.nodeCount(); ++v) everyNode.emplace_back(v);
  for (const Metric metric : {Metric::Length, Metric::Time, Metric::Cost}) {
    for (const bool backward : {false, true}) {
      const SearchArcs sameWay(graph, metric, backward);
      const SearchArcs otherWay(graph, metric, !backward);  // not read: the search falls back to the graph's
      Dijkstra own(graph, metric);
      Dijkstra shared(graph, sameWay);
      Dijkstra unused(graph, otherWay);
      for (std::uint32_t source : {0u, 123u, 399u}) {
        const Anchor anchors[] = {{NodeId(source), {Meters(5), Seconds(5), YuanPerTonne(5)}},
                                  {NodeId((source + 50) % 400), {Meters(20), Seconds(20), YuanPerTonne(20)}}};
        const std::vector<double> reference = bellmanFord(graph, metric, anchors, backward);
        own.search(anchors, everyNode, backward);
        shared.search(anchors, everyNode, backward);
        unused.search(anchors, everyNode, backward);
        std::size_t reached = 0;
        for (std::uint32_t v = 0; v < graph.nodeCount(); ++v) {
          ASSERT_EQ(own.reached(v), reference[v] < std::numeric_limits<double>::infinity()) << v;
          ASSERT_EQ(shared.reached(v), own.reached(v));
          ASSERT_EQ(unused.reached(v), own.reached(v));
          if (!own.reached(v)) continue;
          ++reached;
          EXPECT_NEAR(own.dist(v), reference[v], 1e-9 * reference[v]) << v;
          EXPECT_EQ(shared.dist(v), own.dist(v));
          EXPECT_EQ(unused.dist(v), own.dist(v));
          // The totals are summed along the same path in the same order as the distance.
          EXPECT_EQ(own.totals(v).in(metric), own.dist(v)) << v;
          EXPECT_EQ(shared.totals(v), own.totals(v));
          EXPECT_EQ(unused.totals(v), own.totals(v));
        }
        EXPECT_GT(reached, 300u);
      }
    }
  }
}

TEST(Dijkstra, TotalsStartFromTheCheaperOfTwoAnchorsAtOneNode) {
  AsciiMap map = AsciiMap::parse("A---B");
  const RoadGraph graph = map.builder.build();
  Dijkstra dijkstra(graph, Metric::Length);
  const Anchor anchors[] = {{map.node('A'), {Meters(50), Seconds(1), YuanPerTonne(1)}},
                            {map.node('A'), {Meters(10), Seconds(9), YuanPerTonne(9)}},
                            {map.node('A'), {Meters(10), Seconds(7), YuanPerTonne(7)}}};  // a tie: the first stays
  const NodeId stop[] = {map.node('B')};
  dijkstra.search(anchors, stop);
  EXPECT_EQ(dijkstra.totals(map.node('A').value()), (Totals{Meters(10), Seconds(9), YuanPerTonne(9)}));
  EXPECT_DOUBLE_EQ(dijkstra.totals(map.node('B').value()).length.value(), 410.0);
  EXPECT_DOUBLE_EQ(dijkstra.totals(map.node('B').value()).time.value(), 9.0 + 40.0);
  // The next search starts afresh: no totals of the last one are kept.
  const Anchor fromB[] = {{map.node('B'), {}}};
  const NodeId toA[] = {map.node('A')};
  dijkstra.search(fromB, toA);
  EXPECT_DOUBLE_EQ(dijkstra.totals(map.node('A').value()).length.value(), 400.0);
  EXPECT_DOUBLE_EQ(dijkstra.totals(map.node('B').value()).length.value(), 0.0);
}

TEST(Dijkstra, SearchArcsOfAnotherGraphAreRefused) {
  const RoadGraph small = randomGraph(10, 1);
  const RoadGraph large = randomGraph(100, 1);
  const SearchArcs arcs(large, Metric::Time, false);
  EXPECT_THROW(Dijkstra(small, arcs), std::invalid_argument);
}

}  // namespace
}  // namespace circatlas::analysis::network
