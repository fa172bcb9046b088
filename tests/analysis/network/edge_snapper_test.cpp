// EdgeSnapper: projections onto the nearest segment, fractions, ends, and the maximum snap distance.
#include "analysis/network/edge_snapper.h"

#include <gtest/gtest.h>

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
}

}  // namespace
}  // namespace circatlas::analysis::network
