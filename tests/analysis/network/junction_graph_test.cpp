// JunctionGraph on ASCII maps (what is kept, what a run becomes) and on random drawn networks against Boost.Graph.
#include "analysis/network/junction_graph.h"

#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <random>
#include <vector>

#include "analysis/network/ascii_map.h"
#include "analysis/network/dijkstra.h"
#include "analysis/network/reference_graphs.h"

namespace circatlas::analysis::network {
namespace {

using test::AsciiMap;

// Junctions A and E (three roads each) joined by the shape points B, C and D; P, Q, R, S are dead ends.
constexpr const char* kRoad =
    "P       Q\n"
    "|       |\n"
    "A-B-C-D-E\n"
    "|       |\n"
    "R       S";

std::optional<Totals> between(const JunctionGraph& j, NodeId from, NodeId to) {
  const std::uint32_t a = j.nodeOf(from);
  const std::uint32_t b = j.nodeOf(to);
  for (const ArcId arc : j.graph().outArcs(NodeId(a))) {
    if (j.graph().head(arc).value() == b) return j.graph().totals(arc);
  }
  return std::nullopt;
}

TEST(JunctionGraph, ShapePointsBetweenJunctionsBecomeOneArcEachWay) {
  AsciiMap map = AsciiMap::parse(kRoad);
  const RoadGraph graph = map.builder.build();
  const JunctionGraph j(graph, {});
  EXPECT_EQ(j.graph().nodeCount(), 6U);  // A, E and the four dead ends
  EXPECT_EQ(j.graph().arcCount(), 10U);  // A ⇄ E and each dead end ⇄ its junction
  for (const char shape : {'B', 'C', 'D'}) EXPECT_EQ(j.nodeOf(map.node(shape)), JunctionGraph::kNone) << shape;
  // Kept nodes keep their order and position.
  EXPECT_LT(j.nodeOf(map.node('P')), j.nodeOf(map.node('Q')));
  EXPECT_EQ(j.graph().position(NodeId(j.nodeOf(map.node('E')))).x, map.xy('E').x);
  const auto there = between(j, map.node('A'), map.node('E'));
  const auto back = between(j, map.node('E'), map.node('A'));
  ASSERT_TRUE(there && back);
  EXPECT_DOUBLE_EQ(there->length.value(), 800.0);  // four 200 m segments
  EXPECT_DOUBLE_EQ(there->time.value(), 80.0);     // at 10 m/s
  EXPECT_DOUBLE_EQ(there->cost.value(), 0.4);      // 0.8 km at 0.5 CNY/t·km
  EXPECT_DOUBLE_EQ(back->length.value(), 800.0);
  EXPECT_DOUBLE_EQ(between(j, map.node('A'), map.node('P'))->length.value(), 200.0);
}

TEST(JunctionGraph, NodesAskedForStayAndSplitTheRun) {
  AsciiMap map = AsciiMap::parse(kRoad);
  const RoadGraph graph = map.builder.build();
  const NodeId keep[] = {map.node('C'), map.node('C')};
  const JunctionGraph j(graph, keep);
  EXPECT_EQ(j.graph().nodeCount(), 7U);
  EXPECT_EQ(j.graph().arcCount(), 12U);
  EXPECT_FALSE(between(j, map.node('A'), map.node('E')));
  EXPECT_DOUBLE_EQ(between(j, map.node('A'), map.node('C'))->length.value(), 400.0);
  EXPECT_DOUBLE_EQ(between(j, map.node('E'), map.node('C'))->length.value(), 400.0);
  const std::vector<std::vector<Anchor>> anchors{{{map.node('C'), Totals{Meters(5), Seconds(1), YuanPerTonne(0)}}},
                                                 {{map.node('A'), {}}, {map.node('E'), {}}}};
  const auto translated = j.translate(anchors);
  ASSERT_EQ(translated.size(), 2U);
  EXPECT_EQ(translated[0][0].node.value(), j.nodeOf(map.node('C')));
  EXPECT_DOUBLE_EQ(translated[0][0].offset.length.value(), 5.0);
  EXPECT_EQ(translated[1][1].node.value(), j.nodeOf(map.node('E')));
}

TEST(JunctionGraph, OneWaySegmentLeavesTheRunOneWay) {
  AsciiMap map = AsciiMap::parse(
      "P       Q\n"
      "|       |\n"
      "A-B>C-D-E\n"
      "|       |\n"
      "R       S");
  const RoadGraph graph = map.builder.build();
  const JunctionGraph j(graph, {});
  EXPECT_EQ(j.nodeOf(map.node('C')), JunctionGraph::kNone);  // one arc in, one out: still a shape point
  EXPECT_TRUE(between(j, map.node('A'), map.node('E')));
  EXPECT_FALSE(between(j, map.node('E'), map.node('A')));
  EXPECT_EQ(j.graph().arcCount(), 9U);
}

TEST(JunctionGraph, ParallelArcsAndLoopsKeepTheirNodes) {
  AsciiMap map = AsciiMap::parse(kRoad);
  // A second, slower road C → D beside the first: C and D have two arcs to one neighbour.
  map.addEdge({map.node('C'), map.node('D'), Meters(150), Seconds(300), YuanPerTonne(0.01), true, std::nullopt});
  const RoadGraph graph = map.builder.build();
  const JunctionGraph j(graph, {});
  EXPECT_NE(j.nodeOf(map.node('C')), JunctionGraph::kNone);
  EXPECT_NE(j.nodeOf(map.node('D')), JunctionGraph::kNone);
  EXPECT_EQ(j.nodeOf(map.node('B')), JunctionGraph::kNone);
  // Both C → D arcs survive (each is the cheapest in some metric).
  EXPECT_EQ(j.graph().outArcs(NodeId(j.nodeOf(map.node('C')))).size(), 3U);

  // A ring of shape points hanging off a junction: the run returns to where it started and gives no arc.
  AsciiMap ring = AsciiMap::parse(
      "P-A-B\n"
      "  | |\n"
      "  D-C");
  const JunctionGraph r(ring.builder.build(), {});
  EXPECT_EQ(r.graph().nodeCount(), 2U);  // P and A
  EXPECT_EQ(r.graph().arcCount(), 2U);
}

// On random networks drawn with shape points, distances between kept nodes equal Boost.Graph's on the
// road graph, in every metric, with one-way roads, parallel roads, zero lengths and self-loops.
TEST(JunctionGraph, DistancesBetweenKeptNodesEqualTheRoadGraphs) {
  for (const std::uint32_t seed : {3U, 17U, 29U}) {
    const auto net = test::RandomNetwork::make(200, seed).withShapePoints(4);
    const RoadGraph graph = net.build();
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::uint32_t> any(0, graph.nodeCount() - 1);
    std::vector<NodeId> keep;
    for (int i = 0; i < 20; ++i) keep.emplace_back(any(rng));  // mostly shape points
    const JunctionGraph j(graph, keep);
    EXPECT_LT(j.graph().nodeCount(), graph.nodeCount() / 3);
    std::vector<NodeId> everyNode;  // searches settle everything they reach
    for (std::uint32_t v = 0; v < j.graph().nodeCount(); ++v) everyNode.emplace_back(v);
    for (const Metric metric : {Metric::Length, Metric::Time, Metric::Cost}) {
      const test::BoostReference reference(graph.nodeCount(), net.edges, metric);
      Dijkstra search(j.graph(), metric);
      for (std::size_t s = 0; s < 5; ++s) {
        const auto expected = reference.from(keep[s]);
        const Anchor from[] = {{NodeId(j.nodeOf(keep[s])), {}}};
        search.search(from, everyNode);
        std::size_t compared = 0;
        for (std::uint32_t v = 0; v < graph.nodeCount(); ++v) {
          const std::uint32_t kept = j.nodeOf(NodeId(v));
          if (kept == JunctionGraph::kNone) continue;
          ASSERT_EQ(search.reached(kept), expected[v].has_value()) << "seed " << seed << ", node " << v;
          if (!expected[v]) continue;
          EXPECT_NEAR(search.dist(kept), *expected[v], 1e-9 * std::max(1.0, *expected[v])) << seed << ", " << v;
          ++compared;
        }
        EXPECT_GT(compared, 20U);
      }
    }
  }
}

}  // namespace
}  // namespace circatlas::analysis::network
