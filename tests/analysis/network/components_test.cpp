// Connected components: disconnected parts, bridges and one-way traps, drawn as ASCII maps.
#include "analysis/network/components.h"

#include <gtest/gtest.h>

#include "analysis/network/ascii_map.h"

namespace circatlas::analysis::network {
namespace {

using test::AsciiMap;

TEST(Components, DisconnectedPartsAreSeparateWeakComponentsLargestFirst) {
  AsciiMap map = AsciiMap::parse(
      "A---B   E---F\n"
      "|   |       |\n"
      "C---D       G\n"
      "\n"
      "H");
  const ComponentsReport report = analyseComponents(map.builder.build());
  ASSERT_EQ(report.weak.count(), 3u);
  EXPECT_EQ(report.weak.sizes, (std::vector<std::uint32_t>{4, 3, 1}));
  EXPECT_EQ(report.weak.componentOf[map.node('A').value()], 0u);
  EXPECT_EQ(report.weak.componentOf[map.node('F').value()], 1u);
  EXPECT_EQ(report.weak.componentOf[map.node('H').value()], 2u);  // an isolated node counts
  EXPECT_DOUBLE_EQ(report.weak.largestShare(), 0.5);
  EXPECT_EQ(report.strong.count(), 3u);
}

TEST(Components, BridgeJoinsTwoPartsIntoOne) {
  AsciiMap map = AsciiMap::parse(
      "A---B---E---F\n"
      "|   |       |\n"
      "C---D       G");
  const ComponentsReport report = analyseComponents(map.builder.build());
  EXPECT_EQ(report.weak.count(), 1u);
  EXPECT_EQ(report.strong.count(), 1u);
  EXPECT_DOUBLE_EQ(report.strong.largestShare(), 1.0);
}

TEST(Components, OneWayBridgeSplitsStrongButNotWeakComponents) {
  AsciiMap map = AsciiMap::parse(
      "A---B>>>E---F\n"
      "|   |       |\n"
      "C---D       G");
  const ComponentsReport report = analyseComponents(map.builder.build());
  EXPECT_EQ(report.weak.count(), 1u);
  ASSERT_EQ(report.strong.count(), 2u);
  EXPECT_EQ(report.strong.sizes, (std::vector<std::uint32_t>{4, 3}));
  EXPECT_NE(report.strong.componentOf[map.node('A').value()], report.strong.componentOf[map.node('E').value()]);
}

TEST(Components, OneWayRingIsOneStrongComponent) {
  AsciiMap map = AsciiMap::parse(
      "A>>>B\n"
      "^   v\n"
      "D<<<C");
  const ComponentsReport report = analyseComponents(map.builder.build());
  EXPECT_EQ(report.strong.count(), 1u);
}

TEST(Components, EmptyGraphHasNoComponents) {
  const ComponentsReport report = analyseComponents(RoadGraph{});
  EXPECT_EQ(report.weak.count(), 0u);
  EXPECT_DOUBLE_EQ(report.weak.largestShare(), 0.0);
}

}  // namespace
}  // namespace circatlas::analysis::network
