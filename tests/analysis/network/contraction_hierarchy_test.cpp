// Contraction hierarchies: one-to-one and many-to-many equal plain Dijkstra and Boost.Graph's Dijkstra.
#include "analysis/network/contraction_hierarchy.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "analysis/network/ascii_map.h"
#include "analysis/network/ch_query.h"
#include "analysis/network/dijkstra.h"
#include "analysis/network/distance_matrix.h"
#include "analysis/network/reference_graphs.h"

namespace circatlas::analysis::network {
namespace {

using test::AsciiMap;
using test::BoostReference;
using test::RandomNetwork;

constexpr Metric kMetrics[] = {Metric::Length, Metric::Time, Metric::Cost};

// The unpacked arcs run from source to target without gaps and add up to the reported totals.
void expectContiguous(const RoadGraph& graph, const ChRoute& route, NodeId source, NodeId target) {
  EXPECT_EQ(route.sourceNode, source);
  EXPECT_EQ(route.targetNode, target);
  NodeId at = source;
  Totals sum;
  for (ArcId arc : route.arcs) {
    ASSERT_EQ(graph.tail(arc), at);
    at = graph.head(arc);
    sum = sum + graph.totals(arc);
  }
  EXPECT_EQ(at, target);
  EXPECT_NEAR(sum.length.value(), route.totals.length.value(), 1e-6);
  EXPECT_NEAR(sum.time.value(), route.totals.time.value(), 1e-6);
  EXPECT_NEAR(sum.cost.value(), route.totals.cost.value(), 1e-6);
}

// Every ordered pair of nodes, every metric: the hierarchy agrees with Dijkstra, including "no route".
void expectAllPairsMatchDijkstra(AsciiMap& map, const ContractionOptions& options = {}) {
  const RoadGraph graph = map.builder.build();
  for (Metric metric : kMetrics) {
    SCOPED_TRACE(std::string(toString(metric)));
    const auto ch = ContractionHierarchy::build(graph, metric, options);
    ChQuery query(ch);
    Dijkstra dijkstra(graph, metric);
    for (std::uint32_t s = 0; s < graph.nodeCount(); ++s) {
      for (std::uint32_t t = 0; t < graph.nodeCount(); ++t) {
        const auto expected = dijkstra.route(NodeId(s), NodeId(t));
        const Anchor from[] = {{NodeId(s), {}}};
        const Anchor to[] = {{NodeId(t), {}}};
        const auto actual = query.route(from, to);
        ASSERT_EQ(expected.has_value(), actual.has_value()) << s << " → " << t;
        if (!expected) continue;
        EXPECT_NEAR(expected->totals.in(metric), actual->totals.in(metric), 1e-9) << s << " → " << t;
        expectContiguous(graph, *actual, NodeId(s), NodeId(t));
      }
    }
  }
}

TEST(ContractionHierarchy, OneWayGridMatchesDijkstra) {
  AsciiMap map = AsciiMap::parse(
      "A>>>B---C<<<D\n"
      "|   v   |   ^\n"
      "E---F===G---H\n"
      "^   |   v   |\n"
      "I---J<<<K---L");
  expectAllPairsMatchDijkstra(map);
}

TEST(ContractionHierarchy, BridgeAndDisconnectedPartsMatchDijkstra) {
  AsciiMap map = AsciiMap::parse(
      "A---B       E---F\n"
      "|   |       |   |\n"
      "C---D>>>>>>>G---H\n"
      "\n"
      "I---J   K");
  expectAllPairsMatchDijkstra(map);
}

TEST(ContractionHierarchy, ParallelAndZeroLengthEdgesMatchDijkstra) {
  AsciiMap map = AsciiMap::parse(
      "A---B---C\n"
      "|       |\n"
      "D=======E");
  map.addEdge({map.node('A'), map.node('B'), Meters(350), Seconds(80), YuanPerTonne(0.1), false, std::nullopt});
  map.addEdge({map.node('C'), map.node('E'), Meters(0), Seconds(0), YuanPerTonne(0), true, std::nullopt});
  map.addEdge({map.node('B'), map.node('B'), Meters(10), Seconds(1), YuanPerTonne(0), false, std::nullopt});
  expectAllPairsMatchDijkstra(map);
}

TEST(ContractionHierarchy, RandomNetworksOneToOneMatchBoost) {
  for (std::uint32_t seed : {1u, 2u, 3u, 4u}) {
    const RandomNetwork net = RandomNetwork::make(300, seed);
    const RoadGraph graph = net.build();
    for (Metric metric : kMetrics) {
      SCOPED_TRACE("seed " + std::to_string(seed) + ", " + std::string(toString(metric)));
      const BoostReference boost(graph.nodeCount(), net.edges, metric);
      const auto ch = ContractionHierarchy::build(graph, metric);
      ChQuery query(ch);
      Dijkstra dijkstra(graph, metric);
      std::mt19937 rng(seed);
      std::uniform_int_distribution<std::uint32_t> any(0, graph.nodeCount() - 1);
      std::vector<NodeId> all;
      for (std::uint32_t v = 0; v < graph.nodeCount(); ++v) all.push_back(NodeId(v));
      for (int i = 0; i < 12; ++i) {
        const NodeId s(any(rng));
        const auto expected = boost.from(s);
        const auto plain = dijkstra.distances(s, all);
        for (std::uint32_t t = 0; t < graph.nodeCount(); ++t) {
          ASSERT_EQ(expected[t].has_value(), plain[t].has_value()) << s.value() << " → " << t;
          const auto viaCh = query.distance(s, NodeId(t));
          ASSERT_EQ(expected[t].has_value(), viaCh.has_value()) << s.value() << " → " << t;
          if (!expected[t]) continue;
          EXPECT_NEAR(*expected[t], plain[t]->in(metric), 1e-6);
          EXPECT_NEAR(*expected[t], viaCh->in(metric), 1e-6);
        }
        const NodeId t(any(rng));
        const Anchor from[] = {{s, {}}};
        const Anchor to[] = {{t, {}}};
        if (const auto route = query.route(from, to)) expectContiguous(graph, *route, s, t);
      }
    }
  }
}

TEST(ContractionHierarchy, RandomNetworksManyToManyMatchBoost) {
  for (std::uint32_t seed : {11u, 12u, 13u}) {
    const RandomNetwork net = RandomNetwork::make(400, seed);
    const RoadGraph graph = net.build();
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::uint32_t> any(0, graph.nodeCount() - 1);
    std::vector<NodeId> sources;
    std::vector<NodeId> targets;
    for (int i = 0; i < 40; ++i) sources.push_back(NodeId(any(rng)));
    for (int i = 0; i < 60; ++i) targets.push_back(NodeId(any(rng)));
    for (Metric metric : kMetrics) {
      SCOPED_TRACE("seed " + std::to_string(seed) + ", " + std::string(toString(metric)));
      const BoostReference boost(graph.nodeCount(), net.edges, metric);
      const auto ch = ContractionHierarchy::build(graph, metric);
      const DistanceMatrix matrix = computeDistanceMatrix(ch, sources, targets, 2);
      ASSERT_EQ(matrix.rows(), sources.size());
      ASSERT_EQ(matrix.columns(), targets.size());
      Dijkstra dijkstra(graph, metric);
      for (std::size_t r = 0; r < sources.size(); ++r) {
        const auto expected = boost.from(sources[r]);
        const auto plain = dijkstra.distances(sources[r], targets);
        for (std::size_t c = 0; c < targets.size(); ++c) {
          const auto actual = matrix.at(r, c);
          const auto& want = expected[targets[c].value()];
          ASSERT_EQ(want.has_value(), actual.has_value()) << r << ", " << c;
          if (!want) continue;
          EXPECT_NEAR(*want, actual->in(metric), 1e-6);
          // The other two metrics are those of a shortest path; equal to Dijkstra's unless tied.
          EXPECT_NEAR(plain[c]->in(metric), actual->in(metric), 1e-6);
        }
      }
    }
  }
}

TEST(ContractionHierarchy, MatrixIsTheSameOnOneThreadAndTwo) {
  const RandomNetwork net = RandomNetwork::make(300, 7);
  const RoadGraph graph = net.build();
  const auto ch = ContractionHierarchy::build(graph, Metric::Time);
  std::vector<NodeId> nodes;
  for (std::uint32_t v = 0; v < graph.nodeCount(); v += 3) nodes.push_back(NodeId(v));
  const DistanceMatrix one = computeDistanceMatrix(ch, nodes, nodes, 1);
  const DistanceMatrix two = computeDistanceMatrix(ch, nodes, nodes, 2);
  for (std::size_t r = 0; r < nodes.size(); ++r) {
    for (std::size_t c = 0; c < nodes.size(); ++c) EXPECT_EQ(one.at(r, c), two.at(r, c));
  }
}

TEST(ContractionHierarchy, AnchorOffsetsAreAddedToTheRoute) {
  AsciiMap map = AsciiMap::parse("A---B---C");
  const RoadGraph graph = map.builder.build();
  const auto ch = ContractionHierarchy::build(graph, Metric::Length);
  // Start 100 m before A or 50 m before B; end at C or 300 m past B.
  const Anchor from[] = {{map.node('A'), {Meters(100), Seconds(10), YuanPerTonne(0)}},
                         {map.node('B'), {Meters(450), Seconds(45), YuanPerTonne(0)}}};
  const Anchor to[] = {{map.node('C'), {}}};
  const auto route = ChQuery(ch).route(from, to);
  ASSERT_TRUE(route);
  EXPECT_DOUBLE_EQ(route->totals.length.value(), 850.0);  // via B: 450 + 400, not 100 + 800
  EXPECT_EQ(route->sourceNode, map.node('B'));
  const auto matrix = computeDistanceMatrix(ch, std::vector<std::vector<Anchor>>{{from[0], from[1]}},
                                            std::vector<std::vector<Anchor>>{{to[0]}});
  EXPECT_DOUBLE_EQ(matrix.at(0, 0)->length.value(), 850.0);
}

TEST(ContractionHierarchy, EmptyAnchorSetIsUnreachable) {
  AsciiMap map = AsciiMap::parse("A---B");
  const RoadGraph graph = map.builder.build();
  const auto ch = ContractionHierarchy::build(graph, Metric::Length);
  const Anchor to[] = {{map.node('B'), {}}};
  EXPECT_FALSE(ChQuery(ch).route({}, to));
}

// Every edge of a random network cut into three pieces: two chain nodes per road, as the vertices of
// real road lines are. Chain compression contracts them first; answers stay those of Boost.
TEST(ContractionHierarchy, RoadsWithShapePointsMatchBoost) {
  RandomNetwork net = RandomNetwork::make(200, 31);
  const std::vector<InputEdge> roads = net.edges;
  net.edges.clear();
  for (const InputEdge& e : roads) {
    NodeId at = e.from;
    for (int piece = 0; piece < 3; ++piece) {
      NodeId next = e.to;
      if (piece < 2) {
        next = NodeId(static_cast<std::uint32_t>(net.positions.size()));
        net.positions.push_back(net.positions[e.from.value()]);
      }
      net.edges.push_back(
          {at, next, e.length * (1.0 / 3), e.time * (1.0 / 3), e.cost * (1.0 / 3), e.oneway, std::nullopt});
      at = next;
    }
  }
  const RoadGraph graph = net.build();
  for (Metric metric : kMetrics) {
    SCOPED_TRACE(std::string(toString(metric)));
    const BoostReference boost(graph.nodeCount(), net.edges, metric);
    const auto ch = ContractionHierarchy::build(graph, metric);
    std::vector<NodeId> nodes;
    for (std::uint32_t v = 0; v < graph.nodeCount(); v += 7) nodes.push_back(NodeId(v));
    const DistanceMatrix matrix = computeDistanceMatrix(ch, nodes, nodes, 2);
    for (std::size_t r = 0; r < nodes.size(); ++r) {
      const auto expected = boost.from(nodes[r]);
      for (std::size_t c = 0; c < nodes.size(); ++c) {
        const auto& want = expected[nodes[c].value()];
        ASSERT_EQ(want.has_value(), matrix.at(r, c).has_value()) << r << ", " << c;
        if (want) {
          EXPECT_NEAR(*want, matrix.at(r, c)->in(metric), 1e-6);
        }
      }
    }
  }
}

// Rounds of independent nodes are chosen by priority alone, so the hierarchy is the same however many
// threads contract it.
TEST(ContractionHierarchy, HierarchyIsTheSameOnOneThreadAndTwo) {
  const RandomNetwork net = RandomNetwork::make(500, 8);
  const RoadGraph graph = net.build();
  ContractionOptions one;
  one.threads = 1;
  ContractionOptions two;
  two.threads = 2;
  const auto a = ContractionHierarchy::build(graph, Metric::Time, one);
  const auto b = ContractionHierarchy::build(graph, Metric::Time, two);
  EXPECT_EQ(a.shortcutCount(), b.shortcutCount());
  for (std::uint32_t v = 0; v < graph.nodeCount(); ++v) EXPECT_EQ(a.rank(NodeId(v)), b.rank(NodeId(v))) << v;
}

// The plain-graph matrix (forward searches when sources are fewer, backward when targets are) gives
// the hierarchy's and Boost's values.
TEST(DistanceMatrix, PlainDijkstraMatrixMatchesHierarchyAndBoost) {
  const RandomNetwork net = RandomNetwork::make(400, 17);
  const RoadGraph graph = net.build();
  std::mt19937 rng(17);
  std::uniform_int_distribution<std::uint32_t> any(0, graph.nodeCount() - 1);
  auto pick = [&](int count) {
    std::vector<std::vector<Anchor>> anchors;
    for (int i = 0; i < count; ++i) {
      // Two anchors with offsets, as a point snapped onto an edge has.
      anchors.push_back({{NodeId(any(rng)), {Meters(30.0 * i), Seconds(3.0 * i), YuanPerTonne(0.01 * i)}},
                         {NodeId(any(rng)), {Meters(200), Seconds(25), YuanPerTonne(0.1)}}});
    }
    return anchors;
  };
  const auto few = pick(5);
  const auto many = pick(40);
  for (Metric metric : kMetrics) {
    SCOPED_TRACE(std::string(toString(metric)));
    const auto ch = ContractionHierarchy::build(graph, metric);
    for (const bool fewSources : {true, false}) {
      const auto& sources = fewSources ? few : many;
      const auto& targets = fewSources ? many : few;
      const DistanceMatrix plain = computeDistanceMatrix(graph, metric, sources, targets, 2);
      const DistanceMatrix viaCh = computeDistanceMatrix(ch, sources, targets, 2);
      const BoostReference boost(graph.nodeCount(), net.edges, metric);
      for (std::size_t r = 0; r < sources.size(); ++r) {
        std::vector<std::vector<std::optional<double>>> fromAnchor;
        for (const Anchor& a : sources[r]) fromAnchor.push_back(boost.from(a.node));
        for (std::size_t c = 0; c < targets.size(); ++c) {
          std::optional<double> want;
          for (std::size_t i = 0; i < sources[r].size(); ++i) {
            for (const Anchor& t : targets[c]) {
              const auto& d = fromAnchor[i][t.node.value()];
              if (!d) continue;
              const double total = sources[r][i].offset.in(metric) + *d + t.offset.in(metric);
              if (!want || total < *want) want = total;
            }
          }
          ASSERT_EQ(want.has_value(), plain.at(r, c).has_value()) << r << ", " << c;
          ASSERT_EQ(want.has_value(), viaCh.at(r, c).has_value()) << r << ", " << c;
          if (!want) continue;
          EXPECT_NEAR(*want, plain.at(r, c)->in(metric), 1e-6) << r << ", " << c;
          EXPECT_NEAR(*want, viaCh.at(r, c)->in(metric), 1e-6) << r << ", " << c;
        }
      }
    }
  }
}

// With whole-number weights every sum is exact in any order, so the hierarchy's matrix, the plain
// searches' matrix and Boost's Dijkstra must agree to the last bit, not within a tolerance: shortcuts,
// chain compression and the bucket scan may change the speed, never an answer.
TEST(DistanceMatrix, WholeNumberWeightsGiveBitIdenticalMatricesEveryWay) {
  for (std::uint32_t seed : {31u, 32u, 33u}) {
    RandomNetwork net = RandomNetwork::make(500, seed);
    for (auto& e : net.edges) {
      e.length = Meters(std::round(e.length.value()));
      e.time = Seconds(std::round(e.time.value()));
      e.cost = YuanPerTonne(std::round(e.cost.value() * 100.0));
    }
    const RoadGraph graph = net.build();
    std::mt19937 rng(seed);
    std::uniform_int_distribution<std::uint32_t> any(0, graph.nodeCount() - 1);
    std::vector<NodeId> sources;
    std::vector<NodeId> targets;
    for (int i = 0; i < 30; ++i) sources.emplace_back(any(rng));
    for (int i = 0; i < 70; ++i) targets.emplace_back(any(rng));
    auto wrap = [](const std::vector<NodeId>& nodes) {
      std::vector<std::vector<Anchor>> anchors;
      for (NodeId node : nodes) anchors.push_back({Anchor{node, {}}});
      return anchors;
    };
    for (Metric metric : kMetrics) {
      SCOPED_TRACE("seed " + std::to_string(seed) + ", " + std::string(toString(metric)));
      const BoostReference boost(graph.nodeCount(), net.edges, metric);
      const auto ch = ContractionHierarchy::build(graph, metric);
      const DistanceMatrix viaCh = computeDistanceMatrix(ch, sources, targets, 2);
      const DistanceMatrix plain = computeDistanceMatrix(graph, metric, wrap(sources), wrap(targets), 2);
      std::size_t reached = 0;
      for (std::size_t r = 0; r < sources.size(); ++r) {
        const auto want = boost.from(sources[r]);
        for (std::size_t c = 0; c < targets.size(); ++c) {
          const auto& expected = want[targets[c].value()];
          ASSERT_EQ(expected.has_value(), viaCh.at(r, c).has_value()) << r << ", " << c;
          ASSERT_EQ(expected.has_value(), plain.at(r, c).has_value()) << r << ", " << c;
          if (!expected) continue;
          ++reached;
          EXPECT_EQ(*expected, viaCh.at(r, c)->in(metric)) << r << ", " << c;
          EXPECT_EQ(*expected, plain.at(r, c)->in(metric)) << r << ", " << c;
        }
      }
      EXPECT_GT(reached, sources.size() * targets.size() / 2);  // the check is not vacuous
    }
  }
}

// A hierarchy that stops early: the nodes left form an uncontracted core that queries cross by plain
// Dijkstra. coreDegree 0.5 stops before the first round (only chain nodes are contracted), 3 after
// some rounds; every answer must stay Boost's.
ContractionOptions withCore(double degree) {
  ContractionOptions options;
  options.coreDegree = degree;
  return options;
}

// Chains compressed, every junction left in the core (what Router's junction-graph searches use).
ContractionOptions chainsOnly() {
  ContractionOptions options;
  options.chainsOnly = true;
  return options;
}

TEST(CoreHierarchy, OneWayGridMatchesDijkstra) {
  AsciiMap map = AsciiMap::parse(
      "A>>>B---C<<<D\n"
      "|   v   |   ^\n"
      "E---F===G---H\n"
      "^   |   v   |\n"
      "I---J<<<K---L");
  const RoadGraph graph = map.builder.build();
  EXPECT_GT(ContractionHierarchy::build(graph, Metric::Length, withCore(0.5)).coreSize(), 4u);
  expectAllPairsMatchDijkstra(map, withCore(0.5));
}

TEST(CoreHierarchy, RandomNetworksOneToOneAndManyToManyMatchBoostBitForBit) {
  for (const double degree : {-1.0, 0.5, 3.0, 4.0}) {  // -1: chains only
    for (std::uint32_t seed : {41u, 42u}) {
      RandomNetwork net = RandomNetwork::make(400, seed);
      for (auto& e : net.edges) {
        e.length = Meters(std::round(e.length.value()));
        e.time = Seconds(std::round(e.time.value()));
        e.cost = YuanPerTonne(std::round(e.cost.value() * 100.0));
      }
      const RoadGraph graph = net.build();
      std::mt19937 rng(seed);
      std::uniform_int_distribution<std::uint32_t> any(0, graph.nodeCount() - 1);
      std::vector<NodeId> sources;
      std::vector<NodeId> targets;
      for (int i = 0; i < 30; ++i) sources.emplace_back(any(rng));
      for (int i = 0; i < 50; ++i) targets.emplace_back(any(rng));
      for (Metric metric : kMetrics) {
        SCOPED_TRACE("core degree " + std::to_string(degree) + ", seed " + std::to_string(seed) + ", " +
                     std::string(toString(metric)));
        const auto ch = ContractionHierarchy::build(graph, metric, degree < 0 ? chainsOnly() : withCore(degree));
        // The core is really there, and really smaller than the graph: both parts are exercised.
        ASSERT_GT(ch.coreSize(), 20u);
        ASSERT_LT(ch.coreSize(), graph.nodeCount());
        const BoostReference boost(graph.nodeCount(), net.edges, metric);
        const DistanceMatrix matrix = computeDistanceMatrix(ch, sources, targets, 2);
        // More sources than targets: the targets' searches cross the core and scan the sources' buckets.
        const DistanceMatrix transposed = computeDistanceMatrix(ch, targets, sources, 2);
        for (std::size_t r = 0; r < targets.size(); ++r) {
          const auto want = boost.from(targets[r]);
          for (std::size_t c = 0; c < sources.size(); ++c) {
            const auto& expected = want[sources[c].value()];
            ASSERT_EQ(expected.has_value(), transposed.at(r, c).has_value()) << r << ", " << c;
            if (expected) {
              EXPECT_EQ(*expected, transposed.at(r, c)->in(metric)) << r << ", " << c;
            }
          }
        }
        ChQuery query(ch);
        std::size_t reached = 0;
        for (std::size_t r = 0; r < sources.size(); ++r) {
          const auto want = boost.from(sources[r]);
          for (std::size_t c = 0; c < targets.size(); ++c) {
            const auto& expected = want[targets[c].value()];
            ASSERT_EQ(expected.has_value(), matrix.at(r, c).has_value()) << r << ", " << c;
            const Anchor from[] = {{sources[r], {}}};
            const Anchor to[] = {{targets[c], {}}};
            const auto route = query.route(from, to);
            ASSERT_EQ(expected.has_value(), route.has_value()) << r << ", " << c;
            if (!expected) continue;
            ++reached;
            EXPECT_EQ(*expected, matrix.at(r, c)->in(metric)) << r << ", " << c;
            EXPECT_EQ(*expected, route->totals.in(metric)) << r << ", " << c;
            expectContiguous(graph, *route, sources[r], targets[c]);
          }
        }
        EXPECT_GT(reached, sources.size() * targets.size() / 2);
      }
    }
  }
}

// Shortest paths that must cross the core: the two ends are contracted nodes (chain nodes of long
// roads) and the core holds every junction.
TEST(CoreHierarchy, RoadsWithShapePointsCrossTheCore) {
  RandomNetwork net = RandomNetwork::make(150, 43);
  const std::vector<InputEdge> roads = net.edges;
  net.edges.clear();
  for (const InputEdge& e : roads) {
    const NodeId middle(static_cast<std::uint32_t>(net.positions.size()));
    net.positions.push_back(net.positions[e.from.value()]);
    net.edges.push_back({e.from, middle, Meters(std::round(e.length.value() / 2)),
                         Seconds(std::round(e.time.value() / 2)), YuanPerTonne(1), e.oneway, std::nullopt});
    net.edges.push_back({middle, e.to, Meters(std::round(e.length.value() / 2)),
                         Seconds(std::round(e.time.value() / 2)), YuanPerTonne(1), e.oneway, std::nullopt});
  }
  const RoadGraph graph = net.build();
  const auto ch = ContractionHierarchy::build(graph, Metric::Time, withCore(0.5));
  // Only chain nodes contracted either way: the same core, without a single witness search.
  const auto chains = ContractionHierarchy::build(graph, Metric::Time, chainsOnly());
  ASSERT_EQ(chains.coreSize(), ch.coreSize());
  std::vector<NodeId> middles;
  for (std::uint32_t v = 150; v < graph.nodeCount(); v += 5) middles.emplace_back(v);
  std::uint32_t contractedEnds = 0;
  for (NodeId v : middles) contractedEnds += ch.isCore(v.value()) ? 0 : 1;
  ASSERT_GT(contractedEnds, middles.size() / 2);
  ASSERT_GT(ch.coreSize(), 50u);
  const BoostReference boost(graph.nodeCount(), net.edges, Metric::Time);
  const DistanceMatrix matrix = computeDistanceMatrix(ch, middles, middles, 2);
  const DistanceMatrix viaChains = computeDistanceMatrix(chains, middles, middles, 2);
  for (std::size_t r = 0; r < middles.size(); ++r) {
    const auto want = boost.from(middles[r]);
    for (std::size_t c = 0; c < middles.size(); ++c) {
      const auto& expected = want[middles[c].value()];
      ASSERT_EQ(expected.has_value(), matrix.at(r, c).has_value()) << r << ", " << c;
      ASSERT_EQ(expected.has_value(), viaChains.at(r, c).has_value()) << r << ", " << c;
      if (expected) {
        EXPECT_EQ(*expected, matrix.at(r, c)->in(Metric::Time)) << r << ", " << c;
        EXPECT_EQ(*expected, viaChains.at(r, c)->in(Metric::Time)) << r << ", " << c;
      }
    }
  }
}

TEST(CoreHierarchy, IsTheSameOnOneThreadAndTwo) {
  const RandomNetwork net = RandomNetwork::make(500, 8);
  const RoadGraph graph = net.build();
  ContractionOptions one = withCore(3.0);
  one.threads = 1;
  ContractionOptions two = withCore(3.0);
  two.threads = 2;
  const auto a = ContractionHierarchy::build(graph, Metric::Time, one);
  const auto b = ContractionHierarchy::build(graph, Metric::Time, two);
  EXPECT_GT(a.coreSize(), 0u);
  EXPECT_EQ(a.coreSize(), b.coreSize());
  EXPECT_EQ(a.shortcutCount(), b.shortcutCount());
  for (std::uint32_t v = 0; v < graph.nodeCount(); ++v) EXPECT_EQ(a.rank(NodeId(v)), b.rank(NodeId(v))) << v;
}

// coreDegree 0 contracts every node.
TEST(CoreHierarchy, ZeroCoreDegreeContractsEverything) {
  const RandomNetwork net = RandomNetwork::make(300, 9);
  const RoadGraph graph = net.build();
  EXPECT_EQ(ContractionHierarchy::build(graph, Metric::Time, withCore(0)).coreSize(), 0u);
}

}  // namespace
}  // namespace circatlas::analysis::network
