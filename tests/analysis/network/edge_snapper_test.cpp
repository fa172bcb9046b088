// EdgeSnapper: projections onto the nearest segment, fractions, ends, and the maximum snap distance.
#include "analysis/network/edge_snapper.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "analysis/network/ascii_map.h"
#include "core/error.h"

namespace circatlas::analysis::network {
namespace {

using test::AsciiMap;

// A is at (0, 0), B at (800, 0), C at (0, -300), D at (800, -300).
const char* const kBox =
    "A-------B\n"
    "|       |\n"
    "|       |\n"
    "C-------D";

TEST(EdgeSnapper, PointBesideARoadProjectsOntoIt) {
  AsciiMap map = AsciiMap::parse(kBox);
  const RoadGraph graph = map.builder.build();
  const EdgeSnapper snapper(graph);
  EXPECT_EQ(snapper.segmentCount(), 4u);  // two arcs per two-way edge share one segment
  const auto snap = snapper.snap({200, 50}, Meters(100));
  ASSERT_TRUE(snap);
  EXPECT_EQ(std::minmax(snap->from, snap->to), std::minmax(map.node('A'), map.node('B')));
  EXPECT_DOUBLE_EQ(snap->point.x, 200.0);
  EXPECT_DOUBLE_EQ(snap->point.y, 0.0);
  EXPECT_DOUBLE_EQ(snap->access.value(), 50.0);
  EXPECT_DOUBLE_EQ(snap->from == map.node('A') ? snap->fraction : 1.0 - snap->fraction, 0.25);
}

TEST(EdgeSnapper, NearestOfSeveralRoadsWins) {
  AsciiMap map = AsciiMap::parse(kBox);
  const RoadGraph graph = map.builder.build();
  const auto snap = EdgeSnapper(graph).snap({760, -120}, Meters(1000));
  ASSERT_TRUE(snap);
  EXPECT_EQ(std::minmax(snap->from, snap->to), std::minmax(map.node('B'), map.node('D')));
  EXPECT_DOUBLE_EQ(snap->access.value(), 40.0);
}

TEST(EdgeSnapper, PointPastTheEndSnapsToTheEndNode) {
  AsciiMap map = AsciiMap::parse("A---B");
  const RoadGraph graph = map.builder.build();
  const auto snap = EdgeSnapper(graph).snap({-30, 40}, Meters(100));
  ASSERT_TRUE(snap);
  EXPECT_EQ(snap->point, map.xy('A'));
  EXPECT_DOUBLE_EQ(snap->access.value(), 50.0);
}

TEST(EdgeSnapper, BeyondTheMaximumDistanceIsNullopt) {
  AsciiMap map = AsciiMap::parse(kBox);
  const RoadGraph graph = map.builder.build();
  const EdgeSnapper snapper(graph);
  EXPECT_FALSE(snapper.snap({400, 250}, Meters(249.9)));
  EXPECT_TRUE(snapper.snap({400, 250}, Meters(250.0)));
  EXPECT_FALSE(snapper.snap({50000, 50000}, Meters(1000)));  // far outside the grid
}

TEST(EdgeSnapper, FarOutsideTheGridStillFindsTheNearest) {
  AsciiMap map = AsciiMap::parse(kBox);
  const RoadGraph graph = map.builder.build();
  const auto snap = EdgeSnapper(graph).snap({400, 30000}, Meters(1e9));
  ASSERT_TRUE(snap);
  EXPECT_DOUBLE_EQ(snap->access.value(), 30000.0);
}

TEST(EdgeSnapper, EmptyNetworkNeverSnapsAndNegativeLimitThrows) {
  GraphBuilder builder;
  builder.addNode({0, 0});
  const RoadGraph graph = builder.build();
  const EdgeSnapper snapper(graph);
  EXPECT_FALSE(snapper.snap({0, 0}, Meters(10)));
  EXPECT_THROW((void)snapper.snap({0, 0}, Meters(-1)), core::ParameterError);
  const core::XY points[] = {{0, 0}, {5, 5}};
  EXPECT_EQ(snapper.snapAll(points, Meters(10)), (std::vector<std::optional<Snap>>(2)));
  EXPECT_THROW((void)snapper.snapAll(points, Meters(std::numeric_limits<double>::infinity())), core::ParameterError);
}

TEST(EdgeSnapper, BatchFarFromEveryRoadSnapsNothingAndSkipsPointsThatAreNotFinite) {
  AsciiMap map = AsciiMap::parse(kBox);
  const RoadGraph graph = map.builder.build();
  const EdgeSnapper snapper(graph);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const core::XY points[] = {{400, 250}, {nan, 0}, {50000, 50000}, {400, 250}};
  const auto snaps = snapper.snapAll(points, Meters(249.9));
  ASSERT_EQ(snaps.size(), 4u);
  EXPECT_FALSE(snaps[0] || snaps[1] || snaps[2] || snaps[3]);
  const auto reached = snapper.snapAll(points, Meters(250.0));
  EXPECT_TRUE(reached[0] && reached[3]);
  EXPECT_FALSE(reached[1] || reached[2]);
}

// The distance from p to segment ab, as a brute-force reference.
double segmentDistance(core::XY p, core::XY a, core::XY b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  const double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

TEST(EdgeSnapper, AgreesWithBruteForceOnARandomNetwork) {
  // Short local roads and a few long ones across the whole area, queries inside and around it.
  std::mt19937 random(20261205);
  std::uniform_real_distribution<double> coordinate(-5000.0, 5000.0);
  GraphBuilder builder;
  std::vector<core::XY> at;
  for (int i = 0; i < 300; ++i) {
    at.push_back({coordinate(random), coordinate(random)});
    builder.addNode(at.back());
  }
  std::uniform_int_distribution<std::uint32_t> node(0, 299);
  for (int e = 0; e < 400; ++e) {
    std::uint32_t a = node(random);
    std::uint32_t b = node(random);
    if (e % 20 != 0) {  // local: the nearest of a few tries
      for (int k = 0; k < 8; ++k) {
        const std::uint32_t c = node(random);
        if (c != a && (b == a || std::hypot(at[c].x - at[a].x, at[c].y - at[a].y) <
                                     std::hypot(at[b].x - at[a].x, at[b].y - at[a].y))) {
          b = c;
        }
      }
    }
    if (a == b) continue;
    const double meters = std::hypot(at[b].x - at[a].x, at[b].y - at[a].y);
    builder.addEdge({NodeId(a), NodeId(b), Meters(meters), Seconds(meters / 10.0), YuanPerTonne(meters / 1000.0),
                     e % 3 == 0, std::nullopt});
  }
  const RoadGraph graph = builder.build();
  const EdgeSnapper snapper(graph);
  std::uniform_real_distribution<double> query(-8000.0, 8000.0);
  for (int q = 0; q < 2000; ++q) {
    const core::XY p{query(random), query(random)};
    const double limit = q % 2 == 0 ? 1e9 : 300.0;
    double best = std::numeric_limits<double>::infinity();
    for (std::uint32_t arc = 0; arc < graph.arcCount(); ++arc) {
      best = std::min(
          best, segmentDistance(p, graph.position(graph.tail(ArcId(arc))), graph.position(graph.head(ArcId(arc)))));
    }
    const auto snap = snapper.snap(p, Meters(limit));
    // To within rounding: a segment is measured from one end, the reference takes both directions.
    const double slack = 1e-9 * (1.0 + best);
    if (std::abs(best - limit) <= slack) continue;
    ASSERT_EQ(snap.has_value(), best <= limit) << q;
    if (!snap) continue;
    EXPECT_NEAR(snap->access.value(), best, slack) << q;
    EXPECT_NEAR(segmentDistance(p, graph.position(snap->from), graph.position(snap->to)), best, slack) << q;
  }
}

TEST(EdgeSnapper, BatchGivesExactlyTheAnswersOfSingleSnaps) {
  // A random network, dense in places; batches of a few points, clustered or spread, at limits from none to all.
  std::mt19937 random(20261206);
  std::uniform_real_distribution<double> coordinate(-5000.0, 5000.0);
  GraphBuilder builder;
  for (int i = 0; i < 400; ++i) builder.addNode({coordinate(random), coordinate(random)});
  std::uniform_int_distribution<std::uint32_t> node(0, 399);
  for (int e = 0; e < 500; ++e) {
    const std::uint32_t a = node(random);
    const std::uint32_t b = e % 50 == 0 ? node(random) : std::min<std::uint32_t>(a + 1 + e % 3, 399);
    if (a == b) continue;
    builder.addEdge({NodeId(a), NodeId(b), Meters(1), Seconds(1), YuanPerTonne(1), e % 4 == 0, std::nullopt});
    if (e % 7 == 0) builder.addEdge({NodeId(a), NodeId(b), Meters(2), Seconds(2), YuanPerTonne(2), true, std::nullopt});
  }
  const RoadGraph graph = builder.build();
  const EdgeSnapper snapper(graph);
  std::uniform_real_distribution<double> spread(-7000.0, 7000.0);
  std::normal_distribution<double> cluster(0.0, 200.0);
  for (const double limit : {0.0, 10.0, 150.0, 1000.0, 1e9}) {
    for (int batch = 0; batch < 6; ++batch) {
      std::vector<core::XY> points;
      for (int i = 0; i < 1 + 5 * batch; ++i) {
        points.push_back(batch % 2 == 0 ? core::XY{spread(random), spread(random)}
                                        : core::XY{1000 + cluster(random), -2000 + cluster(random)});
      }
      // A point exactly on a node and one on a segment's middle: ties between the segments that meet there.
      points.push_back(graph.position(NodeId(batch)));
      const core::XY a = graph.position(graph.tail(ArcId(batch)));
      const core::XY b = graph.position(graph.head(ArcId(batch)));
      points.push_back({(a.x + b.x) / 2, (a.y + b.y) / 2});
      // Batched before any single snap (segments near the batch indexed) and after (the whole network's index).
      const EdgeSnapper fresh(graph);
      const auto snaps = fresh.snapAll(points, Meters(limit));
      ASSERT_EQ(snaps.size(), points.size());
      for (std::size_t i = 0; i < points.size(); ++i) {
        EXPECT_EQ(snaps[i], snapper.snap(points[i], Meters(limit))) << "limit " << limit << ", point " << i;
      }
      EXPECT_EQ(snapper.snapAll(points, Meters(limit)), snaps);
    }
  }
}

}  // namespace
}  // namespace circatlas::analysis::network
