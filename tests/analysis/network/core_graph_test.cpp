// A search that crosses the core on its CoreGraph must be the search without it: same nodes settled in the
// same order, same labels, same parents.
#include "analysis/network/core_graph.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "analysis/network/reference_graphs.h"
#include "analysis/network/upward_search.h"

namespace circatlas::analysis::network {
namespace {

using circatlas::test::RandomNetwork;

TEST(CoreGraph, NumbersTheCoreInRankOrderWithEachNodesArcs) {
  const RoadGraph graph = RandomNetwork::make(300, 5).build();
  ContractionOptions options;
  options.chainsOnly = true;
  const auto ch = ContractionHierarchy::build(graph, Metric::Time, options);
  ASSERT_GT(ch.coreSize(), 20u);
  for (const bool forward : {true, false}) {
    const CoreGraph core(ch, forward);
    ASSERT_EQ(core.size(), ch.coreSize());
    const std::uint32_t coreBegin = graph.nodeCount() - ch.coreSize();
    for (std::uint32_t c = 0; c < core.size(); ++c) {
      const std::uint32_t v = core.node(c);
      EXPECT_EQ(ch.rank(NodeId(v)), coreBegin + c);
      const auto arcs = forward ? ch.forward(v) : ch.backward(v);
      const std::uint32_t base = forward ? ch.forwardOffset(v) : ch.backwardOffset(v);
      ASSERT_EQ(core.arcs(c).size(), arcs.size());
      for (std::uint32_t i = 0; i < arcs.size(); ++i) {
        const CoreGraph::Arc& a = core.arcs(c)[i];
        EXPECT_EQ(core.node(a.head), arcs[i].other);
        EXPECT_EQ(a.index, base + i);
        EXPECT_EQ(a.weight, arcs[i].weight);
        EXPECT_EQ(a.totals, arcs[i].totals);
      }
    }
  }
}

TEST(CoreGraph, SearchesCrossingTheCoreOnItAreTheSameSearches) {
  for (const bool chainsOnly : {true, false}) {
    const RoadGraph graph = RandomNetwork::make(400, 9).build();
    ContractionOptions options;
    options.chainsOnly = chainsOnly;
    options.coreDegree = chainsOnly ? 0.0 : 3.0;
    for (const Metric metric : {Metric::Length, Metric::Time}) {
      const auto ch = ContractionHierarchy::build(graph, metric, options);
      ASSERT_GT(ch.coreSize(), 20u);
      ASSERT_LT(ch.coreSize(), graph.nodeCount());
      std::mt19937 rng(11);
      std::uniform_int_distribution<std::uint32_t> any(0, graph.nodeCount() - 1);
      for (const bool forward : {true, false}) {
        const CoreGraph core(ch, forward);
        UpwardSearch plain(ch, forward, true);
        UpwardSearch dense(ch, forward, true, &core);
        for (int run = 0; run < 25; ++run) {
          SCOPED_TRACE(std::string(chainsOnly ? "chains only" : "core degree 3") + ", run " + std::to_string(run));
          // One or two anchors with offsets, in or out of the core.
          std::vector<Anchor> anchors{{NodeId(any(rng)), {Meters(3), Seconds(2), YuanPerTonne(1)}}};
          if (run % 2) anchors.push_back({NodeId(any(rng)), {}});
          plain.run(anchors);
          dense.run(anchors);
          ASSERT_EQ(plain.settled(), dense.settled());
          ASSERT_EQ(plain.settledDistances(), dense.settledDistances());
          ASSERT_GT(plain.settled().size(), 1u);
          for (std::uint32_t v = 0; v < graph.nodeCount(); ++v) {
            ASSERT_EQ(plain.reached(v), dense.reached(v)) << v;
            if (!plain.reached(v)) continue;
            EXPECT_EQ(plain.dist(v), dense.dist(v)) << v;
            EXPECT_EQ(plain.totals(v), dense.totals(v)) << v;
            EXPECT_EQ(plain.parentArc(v), dense.parentArc(v)) << v;
            EXPECT_EQ(plain.parentNode(v), dense.parentNode(v)) << v;
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace circatlas::analysis::network
