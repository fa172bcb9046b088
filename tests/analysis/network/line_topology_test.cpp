// distinctVertexPoints, joinLineVertices and snapEnds on polylines drawn as ASCII maps.
#include "analysis/network/line_topology.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace circatlas::analysis::network {
namespace {

// Upper-case letters are vertices, 10 m apart per character (x east, y north); other characters
// are only for the eye. Lines are strings of vertex letters ("ABC" runs A → B → C), so two lines
// naming one letter share that vertex exactly.
struct DrawnLines {
  static constexpr double kCellMeters = 10.0;
  std::map<char, core::XY> at;
  std::vector<core::Coord> exact;
  std::vector<core::XY> xy;
  std::vector<LineRange> lines;
  std::vector<char> vertexName;

  DrawnLines(std::string_view map, const std::vector<std::string>& lineNames) {
    double row = 0;
    double col = 0;
    for (const char ch : map) {
      if (ch == '\n') {
        ++row;
        col = 0;
        continue;
      }
      if (ch >= 'A' && ch <= 'Z') at[ch] = {col * kCellMeters, -row * kCellMeters};
      ++col;
    }
    for (const std::string& name : lineNames) {
      LineRange range{xy.size(), xy.size() + name.size()};
      for (const char ch : name) {
        const core::XY p = at.at(ch);
        exact.push_back({p.x, p.y});
        xy.push_back(p);
        vertexName.push_back(ch);
      }
      lines.push_back(range);
    }
  }

  // As the network tool does: the distinct points, each point's projected position, then the join.
  LineTopology join(double toleranceMeters) const {
    const VertexPoints points = distinctVertexPoints(exact, lines);
    std::vector<core::XY> pointXy;
    for (const std::uint32_t v : points.firstVertex) pointXy.push_back(xy[v]);
    return joinLineVertices(points, pointXy, toleranceMeters);
  }

  // The node of the first vertex drawn as `name`.
  std::uint32_t nodeOf(const LineTopology& t, char name) const {
    for (std::size_t v = 0; v < vertexName.size(); ++v) {
      if (vertexName[v] == name) return t.nodeOfVertex[v];
    }
    throw std::invalid_argument(std::string("no vertex ") + name);
  }
  char anchorName(const LineTopology& t, std::uint32_t node) const { return vertexName[t.anchorVertex[node]]; }
};

TEST(LineTopology, SharedVertexIsOneNodeWithoutSnapping) {
  const DrawnLines d(
      "A---B---C\n"
      "    |\n"
      "    D\n",
      {"ABC", "BD"});
  const LineTopology t = d.join(5.0);
  EXPECT_EQ(t.nodeCount(), 4U);
  EXPECT_EQ(t.endsSnapped, 0U);
  EXPECT_EQ(d.nodeOf(t, 'B'), t.nodeOfVertex[3]);  // the second line's first vertex
}

TEST(LineTopology, NodesAreNumberedByTheirFirstVertex) {
  const DrawnLines d(
      "A---B---C\n"
      "    |\n"
      "    D\n",
      {"ABC", "DB"});
  const LineTopology t = d.join(0.0);
  EXPECT_EQ(d.nodeOf(t, 'A'), 0U);
  EXPECT_EQ(d.nodeOf(t, 'B'), 1U);
  EXPECT_EQ(d.nodeOf(t, 'C'), 2U);
  EXPECT_EQ(d.nodeOf(t, 'D'), 3U);
}

TEST(LineTopology, RenumberedNodesFollowTheLinesInTheOrderGivenAndKeepTheirAnchors) {
  const DrawnLines d(
      "A---B---C\n"
      "    |\n"
      "    D---E\n",
      {"ABC", "DE", "BD"});
  LineTopology t = d.join(0.0);
  ASSERT_EQ(t.nodeCount(), 5U);
  // The third line first (B, D), then the second (E), then the first (A, C).
  const std::uint32_t order[] = {2, 1, 0};
  renumberNodes(t, d.lines, order);
  EXPECT_EQ(d.nodeOf(t, 'B'), 0U);
  EXPECT_EQ(d.nodeOf(t, 'D'), 1U);
  EXPECT_EQ(d.nodeOf(t, 'E'), 2U);
  EXPECT_EQ(d.nodeOf(t, 'A'), 3U);
  EXPECT_EQ(d.nodeOf(t, 'C'), 4U);
  for (const char name : std::string("ABCDE")) EXPECT_EQ(d.anchorName(t, d.nodeOf(t, name)), name);
  // Every vertex drawn as B (in two lines) still has B's node.
  for (std::size_t v = 0; v < d.vertexName.size(); ++v) {
    EXPECT_EQ(d.anchorName(t, t.nodeOfVertex[v]), d.vertexName[v]) << "vertex " << v;
  }
}

TEST(LineTopology, ShortTJunctionJoinsTheNearestInteriorVertexAndStandsOnIt) {
  // C ends 10 m below X, the interior vertex of A–X–B: within 15 m it joins X, and the node
  // stays on X so the through line keeps its shape.
  const DrawnLines d(
      "A---X---B\n"
      "    C\n"
      "    |\n"
      "    D\n",
      {"AXB", "CD"});
  const LineTopology t = d.join(15.0);
  EXPECT_EQ(t.nodeCount(), 4U);
  EXPECT_EQ(t.endsSnapped, 1U);
  EXPECT_EQ(d.nodeOf(t, 'C'), d.nodeOf(t, 'X'));
  EXPECT_EQ(d.anchorName(t, d.nodeOf(t, 'C')), 'X');
}

TEST(LineTopology, EndBeyondTheToleranceStaysApart) {
  const DrawnLines d(
      "A---X---B\n"
      "\n"
      "    C\n"
      "    |\n"
      "    D\n",
      {"AXB", "CD"});
  const LineTopology t = d.join(15.0);  // C is 20 m from X
  EXPECT_EQ(t.nodeCount(), 5U);
  EXPECT_EQ(t.endsSnapped, 0U);
}

TEST(LineTopology, ZeroToleranceJoinsExactCoincidencesOnly) {
  const DrawnLines d(
      "A---X---B\n"
      "    C\n"
      "    D\n",
      {"AXB", "CD"});
  const LineTopology t = d.join(0.0);
  EXPECT_EQ(t.nodeCount(), 5U);
  EXPECT_EQ(t.endsSnapped, 0U);
}

TEST(LineTopology, TwoNearEndsJoinEachOther) {
  // A gap of 10 m between two roads' ends, digitised apart.
  const DrawnLines d("A---BC---D\n", {"AB", "CD"});
  const LineTopology t = d.join(15.0);
  EXPECT_EQ(t.nodeCount(), 3U);
  EXPECT_EQ(d.nodeOf(t, 'B'), d.nodeOf(t, 'C'));
  EXPECT_EQ(t.endsSnapped, 1U);                       // B joined C; C then finds them joined already
  EXPECT_EQ(d.anchorName(t, d.nodeOf(t, 'C')), 'B');  // both ends: the group's first point
}

TEST(LineTopology, EndJoinsOnlyTheNearerOfTwoInteriorVertices) {
  // E ends 10 m from X and about 14 m from Y (both interior, both within 15 m): it joins X only.
  const DrawnLines d(
      "A---X---B\n"
      "    E\n"
      " P---Y---Q\n"
      "    |\n"
      "    F\n",
      {"AXB", "PYQ", "EF"});
  const LineTopology t = d.join(15.0);
  EXPECT_EQ(d.nodeOf(t, 'E'), d.nodeOf(t, 'X'));
  EXPECT_NE(d.nodeOf(t, 'E'), d.nodeOf(t, 'Y'));
}

TEST(LineTopology, LinesThatMerelyCrossNeverJoin) {
  // A bridge: the lines cross between their vertices, every end far from the other line.
  const DrawnLines d(
      "    C\n"
      "    |\n"
      "A---+---B\n"
      "    |\n"
      "    D\n",
      {"AB", "CD"});
  const LineTopology t = d.join(15.0);
  EXPECT_EQ(t.nodeCount(), 4U);
  EXPECT_EQ(t.endsSnapped, 0U);
}

TEST(VertexPoints, OnePointPerDistinctSourceCoordinateNumberedByFirstVertex) {
  const DrawnLines d(
      "A---B---C\n"
      "    |\n"
      "    D---E\n",
      {"ABC", "DB", "DE"});
  const VertexPoints p = distinctVertexPoints(d.exact, d.lines);
  ASSERT_EQ(p.pointCount(), 5U);
  // Vertices A B C | D B | D E: B and D repeat.
  EXPECT_EQ(p.pointOfVertex, (std::vector<std::uint32_t>{0, 1, 2, 3, 1, 3, 4}));
  EXPECT_EQ(p.firstVertex, (std::vector<std::uint32_t>{0, 1, 2, 3, 6}));
  // B is interior to ABC but ends DB, so it is an end; every other point ends some line too.
  EXPECT_EQ(p.isEnd, (std::vector<std::uint8_t>{1, 1, 1, 1, 1}));
  const VertexPoints only = distinctVertexPoints(d.exact, std::span(d.lines).first(1));
  EXPECT_EQ(only.isEnd[1], 0);  // with ABC alone, B is interior
}

TEST(VertexPoints, CoordinatesOneUlpApartAreDistinct) {
  const std::vector<core::Coord> exact{{100.0, 36.0}, {std::nextafter(100.0, 101.0), 36.0}, {100.5, 36.0}};
  const std::vector<LineRange> lines{{0, 3}};
  EXPECT_EQ(distinctVertexPoints(exact, lines).pointCount(), 3U);
}

TEST(SnapEnds, CountsEndsThatJoinedSomethingNew) {
  // Three ends within 15 m of each other: the first joins both others, the rest find one group.
  const std::vector<core::XY> xy{{0, 0}, {10, 0}, {0, 10}, {500, 500}};
  const std::vector<std::uint8_t> isEnd{1, 1, 1, 1};
  core::UnionFind groups(xy.size());
  EXPECT_EQ(snapEnds(xy, isEnd, 15.0, groups), 1U);
  EXPECT_EQ(groups.find(1), 0U);
  EXPECT_EQ(groups.find(2), 0U);
  EXPECT_EQ(groups.find(3), 3U);
}

TEST(SnapEnds, InteriorPointsNeverStartAJoin) {
  const std::vector<core::XY> xy{{0, 0}, {5, 0}};
  const std::vector<std::uint8_t> isEnd{0, 0};
  core::UnionFind groups(xy.size());
  EXPECT_EQ(snapEnds(xy, isEnd, 15.0, groups), 0U);
  EXPECT_EQ(groups.find(1), 1U);
}

TEST(SnapEnds, AgreesWithBruteForceAtAnyToleranceAndOffset) {
  // Clumps of points far from the origin (negative too); the groups must be those of joining every
  // pair of ends within the tolerance and each end to its nearest interior point (lowest index on ties).
  for (const double tol : {0.5, 15.0, 1e-7}) {
    std::mt19937 random(7);
    std::uniform_real_distribution<double> centre(-2e6, 2e6);
    std::uniform_real_distribution<double> offset(-3.0 * tol, 3.0 * tol);
    std::vector<core::XY> xy;
    std::vector<std::uint8_t> isEnd;
    for (int clump = 0; clump < 40; ++clump) {
      const core::XY c{centre(random), centre(random)};
      for (int k = 0; k < 12; ++k) {
        xy.push_back({c.x + offset(random), c.y + offset(random)});
        isEnd.push_back(static_cast<std::uint8_t>(k % 3 != 0));
      }
    }
    core::UnionFind groups(xy.size());
    (void)snapEnds(xy, isEnd, tol, groups);
    core::UnionFind expected(xy.size());
    for (std::uint32_t e = 0; e < xy.size(); ++e) {
      if (!isEnd[e]) continue;
      std::optional<std::uint32_t> nearest;
      double nearestDistance = tol;
      for (std::uint32_t q = 0; q < xy.size(); ++q) {
        const double d = std::hypot(xy[q].x - xy[e].x, xy[q].y - xy[e].y);
        if (q == e || d > tol) continue;
        if (isEnd[q]) {
          expected.unite(e, q);
        } else if (!nearest || d < nearestDistance) {
          nearest = q;
          nearestDistance = d;
        }
      }
      if (nearest) expected.unite(e, *nearest);
    }
    std::size_t joined = 0;
    for (std::uint32_t i = 0; i < xy.size(); ++i) {
      EXPECT_EQ(groups.find(i), expected.find(i)) << "tolerance " << tol << ", point " << i;
      joined += expected.find(i) != i;
    }
    EXPECT_GT(joined, 0U) << tol;
  }
}

}  // namespace
}  // namespace circatlas::analysis::network
