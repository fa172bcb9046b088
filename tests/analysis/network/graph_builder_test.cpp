// GraphBuilder: arcs from two-way and one-way edges, self-loops, parallel edges, zero lengths, bad input.
#include "analysis/network/graph_builder.h"

#include <gtest/gtest.h>

#include <vector>

#include "analysis/network/ascii_map.h"
#include "core/error.h"

namespace circatlas::analysis::network {
namespace {

using test::AsciiMap;

TEST(GraphBuilder, TwoWayEdgeBecomesTwoArcsAndOneWayOne) {
  AsciiMap map = AsciiMap::parse("A---B>>>C");
  const RoadGraph graph = map.builder.build();
  EXPECT_EQ(graph.nodeCount(), 3u);
  EXPECT_EQ(graph.arcCount(), 3u);  // A→B, B→A, B→C
  ASSERT_TRUE(graph.cheapestArc(map.node('B'), map.node('C'), Metric::Length));
  EXPECT_FALSE(graph.cheapestArc(map.node('C'), map.node('B'), Metric::Length));
  const ArcId ab = *graph.cheapestArc(map.node('A'), map.node('B'), Metric::Length);
  EXPECT_DOUBLE_EQ(graph.totals(ab).length.value(), 400.0);
  EXPECT_DOUBLE_EQ(graph.totals(ab).time.value(), 40.0);
  EXPECT_DOUBLE_EQ(graph.totals(ab).cost.value(), 0.2);
  EXPECT_EQ(graph.inArcs(map.node('B')).size(), 1u);
}

TEST(GraphBuilder, SelfLoopIsDroppedAndCounted) {
  AsciiMap map = AsciiMap::parse("A---B");
  map.addEdge({map.node('A'), map.node('A'), Meters(5), Seconds(1), YuanPerTonne(0), false, std::nullopt});
  const RoadGraph graph = map.builder.build();
  EXPECT_EQ(graph.arcCount(), 2u);
  EXPECT_EQ(map.builder.report().selfLoopsDropped, 1u);
  EXPECT_EQ(graph.edgeCount(), 2u);  // edge ids stay those given to the builder
}

TEST(GraphBuilder, ParallelEdgesKeepTheCheapestPerMetric) {
  AsciiMap map = AsciiMap::parse("A   B");
  const NodeId a = map.node('A');
  const NodeId b = map.node('B');
  map.addEdge({a, b, Meters(400), Seconds(60), YuanPerTonne(1.0), true, std::nullopt});  // 0: shortest
  map.addEdge({a, b, Meters(600), Seconds(30), YuanPerTonne(1.0), true, std::nullopt});  // 1: fastest
  map.addEdge({a, b, Meters(700), Seconds(90), YuanPerTonne(2.0), true, std::nullopt});  // 2: never best
  map.addEdge({a, b, Meters(500), Seconds(50), YuanPerTonne(0.5), true, std::nullopt});  // 3: cheapest
  const RoadGraph graph = map.builder.build();
  EXPECT_EQ(graph.arcCount(), 3u);
  EXPECT_EQ(map.builder.report().parallelArcsDropped, 1u);
  EXPECT_EQ(graph.edge(*graph.cheapestArc(a, b, Metric::Length)), EdgeId(0));
  EXPECT_EQ(graph.edge(*graph.cheapestArc(a, b, Metric::Time)), EdgeId(1));
  EXPECT_EQ(graph.edge(*graph.cheapestArc(a, b, Metric::Cost)), EdgeId(3));
}

TEST(GraphBuilder, ZeroLengthEdgeIsKeptAndCounted) {
  AsciiMap map = AsciiMap::parse("A---B");
  const NodeId c = map.builder.addNode(map.xy('B'));  // a second node at B's junction
  map.addEdge({map.node('B'), c, Meters(0), Seconds(0), YuanPerTonne(0), false, std::nullopt});
  const RoadGraph graph = map.builder.build();
  EXPECT_EQ(graph.arcCount(), 4u);
  EXPECT_EQ(map.builder.report().zeroLengthEdges, 1u);
}

TEST(GraphBuilder, NegativeLengthIsAnInputErrorNamingTheFeature) {
  GraphBuilder builder;
  const NodeId a = builder.addNode({0, 0});
  const NodeId b = builder.addNode({1, 0});
  try {
    builder.addEdge({a, b, Meters(-1), Seconds(1), YuanPerTonne(1), false, core::FeatureId(42)});
    FAIL() << "expected an InputError";
  } catch (const core::InputError& error) {
    EXPECT_EQ(error.feature(), 42);
    EXPECT_NE(std::string(error.what()).find("length"), std::string::npos);
  }
}

TEST(GraphBuilder, UnknownNodeOrNonFiniteTimeIsAnInputError) {
  GraphBuilder builder;
  const NodeId a = builder.addNode({0, 0});
  EXPECT_THROW(builder.addEdge({a, NodeId(7), Meters(1), Seconds(1), YuanPerTonne(1), false, std::nullopt}),
               core::InputError);
  const NodeId b = builder.addNode({1, 0});
  EXPECT_THROW(builder.addEdge({a, b, Meters(1), Seconds(std::nan("")), YuanPerTonne(1), false, std::nullopt}),
               core::InputError);
}

TEST(RoadGraph, DistinctNeighboursCountEachNodeOnceEitherWayUpToTheLimit) {
  AsciiMap map = AsciiMap::parse(
      "A>>>B---C\n"
      "    |\n"
      "    D");
  const RoadGraph graph = map.builder.build();
  EXPECT_EQ(graph.distinctNeighbours(map.node('B'), 3), 3U);  // A only in, C and D both ways
  EXPECT_EQ(graph.distinctNeighbours(map.node('B'), 1), 2U);  // counted to limit + 1
  EXPECT_EQ(graph.distinctNeighbours(map.node('A'), 2), 1U);  // one-way out only
  EXPECT_EQ(graph.distinctNeighbours(map.node('C'), 2), 1U);  // two arcs, one neighbour
}

TEST(GraphBuilder, SourceFeatureIsKeptPerEdge) {
  GraphBuilder builder;
  const NodeId a = builder.addNode({0, 0});
  const NodeId b = builder.addNode({1, 0});
  builder.addEdge({a, b, Meters(1), Seconds(1), YuanPerTonne(1), false, core::FeatureId(9)});
  builder.addEdge({b, a, Meters(2), Seconds(2), YuanPerTonne(2), true, std::nullopt});
  const RoadGraph graph = builder.build();
  EXPECT_EQ(graph.sourceFeature(EdgeId(0)), core::FeatureId(9));
  EXPECT_EQ(graph.sourceFeature(EdgeId(1)), std::nullopt);
}

TEST(GraphBuilder, EveryNodesArcsAreSortedByHeadWhateverTheOrderTheEdgesCameIn) {
  // Nodes with two arcs and with more are sorted differently inside build(): both are checked.
  GraphBuilder builder;
  std::vector<NodeId> n;
  for (int i = 0; i < 5; ++i) n.push_back(builder.addNode({static_cast<double>(i), 0}));
  builder.addEdge({n[0], n[2], Meters(1), Seconds(1), YuanPerTonne(1), true, std::nullopt});
  builder.addEdge({n[0], n[1], Meters(1), Seconds(1), YuanPerTonne(1), true, std::nullopt});  // n0: two arcs
  for (const std::size_t head : {4, 3, 2}) {                                                  // n1: four arcs
    builder.addEdge({n[1], n[head], Meters(2), Seconds(2), YuanPerTonne(2), true, std::nullopt});
  }
  builder.addEdge({n[1], n[0], Meters(3), Seconds(3), YuanPerTonne(3), true, std::nullopt});
  const RoadGraph graph = builder.build();
  auto heads = [&](NodeId v) {
    std::vector<std::uint32_t> out;
    for (const ArcId arc : graph.outArcs(v)) out.push_back(graph.head(arc).value());
    return out;
  };
  EXPECT_EQ(heads(n[0]), (std::vector<std::uint32_t>{1, 2}));
  EXPECT_EQ(heads(n[1]), (std::vector<std::uint32_t>{0, 2, 3, 4}));
  EXPECT_EQ(graph.edge(*graph.cheapestArc(n[0], n[1], Metric::Length)), EdgeId(1));
}

TEST(GraphBuilder, BuildTakesTheNodesAndEdgesAndKeepsItsReport) {
  GraphBuilder builder;
  const NodeId a = builder.addNode({0, 0});
  const NodeId b = builder.addNode({1, 0});
  builder.addEdge({a, b, Meters(1), Seconds(1), YuanPerTonne(1), true, std::nullopt});
  const RoadGraph graph = builder.build();
  EXPECT_EQ(graph.nodeCount(), 2u);
  EXPECT_EQ(graph.arcCount(), 1u);
  EXPECT_EQ(builder.report().edgesAdded, 1u);
  // The builder starts afresh: a build of nothing is an empty graph, and its next node is node 0 again.
  const RoadGraph empty = builder.build();
  EXPECT_EQ(empty.nodeCount(), 0u);
  EXPECT_EQ(empty.edgeCount(), 0u);
  EXPECT_EQ(builder.addNode({0, 0}), NodeId(0));
}

}  // namespace
}  // namespace circatlas::analysis::network
