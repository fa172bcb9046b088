// DBSCAN on random point sets against a plain O(n²) DBSCAN that expands clusters in input order.
#include "analysis/cluster/dbscan.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace circatlas::analysis::cluster {
namespace {

using core::XY;

// The textbook algorithm, written for clarity: neighbour lists by brute force, then clusters grown
// from each unlabelled core point in input order, a border point keeping the first cluster that
// reaches it. Labels: cluster number, or -1 for noise.
struct Reference {
  std::vector<int> label;
  std::vector<PointRole> role;
  int clusterCount = 0;
};

Reference referenceDbscan(const std::vector<XY>& pts, const DbscanParams& params) {
  const std::size_t n = pts.size();
  const double eps2 = params.epsMeters * params.epsMeters;
  std::vector<std::vector<std::size_t>> neighbours(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      const double dx = pts[i].x - pts[j].x;
      const double dy = pts[i].y - pts[j].y;
      if (dx * dx + dy * dy <= eps2) neighbours[i].push_back(j);  // includes i itself
    }
  }
  Reference ref;
  ref.label.assign(n, -1);
  ref.role.assign(n, PointRole::Noise);
  for (std::size_t i = 0; i < n; ++i) {
    if (neighbours[i].size() >= static_cast<std::size_t>(params.minPoints)) ref.role[i] = PointRole::Core;
  }
  for (std::size_t seed = 0; seed < n; ++seed) {
    if (ref.role[seed] != PointRole::Core || ref.label[seed] != -1) continue;
    const int cluster = ref.clusterCount++;
    std::vector<std::size_t> stack = {seed};
    ref.label[seed] = cluster;
    while (!stack.empty()) {
      const std::size_t p = stack.back();
      stack.pop_back();
      for (std::size_t q : neighbours[p]) {
        if (ref.label[q] != -1) continue;
        ref.label[q] = cluster;
        if (ref.role[q] == PointRole::Core) stack.push_back(q);
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (ref.role[i] == PointRole::Core || ref.label[i] == -1) continue;
    if (params.borderPointsAsNoise) {
      ref.label[i] = -1;
    } else {
      ref.role[i] = PointRole::Border;
    }
  }
  return ref;
}

enum class Layout { Uniform, Blobs, IntegerLattice };

// Seeded points in a 1000 m square: uniform, Gaussian blobs over a sparse background, or random
// integer coordinates (so that many pairs are exactly eps apart and many points coincide).
std::vector<XY> randomPoints(Layout layout, std::size_t n, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> anywhere(0.0, 1000.0);
  std::vector<XY> pts;
  if (layout == Layout::IntegerLattice) {
    std::uniform_int_distribution<int> cell(0, 60);
    for (std::size_t i = 0; i < n; ++i) pts.push_back({static_cast<double>(cell(rng)), static_cast<double>(cell(rng))});
    return pts;
  }
  if (layout == Layout::Uniform) {
    for (std::size_t i = 0; i < n; ++i) pts.push_back({anywhere(rng), anywhere(rng)});
    return pts;
  }
  std::vector<XY> centres;
  for (int c = 0; c < 8; ++c) centres.push_back({anywhere(rng), anywhere(rng)});
  std::normal_distribution<double> spread(0.0, 15.0);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<std::size_t> pick(0, centres.size() - 1);
  for (std::size_t i = 0; i < n; ++i) {
    if (unit(rng) < 0.2) {
      pts.push_back({anywhere(rng), anywhere(rng)});
    } else {
      const XY c = centres[pick(rng)];
      pts.push_back({c.x + spread(rng), c.y + spread(rng)});
    }
  }
  return pts;
}

void expectMatchesReference(const std::vector<XY>& pts, const DbscanParams& params, const std::string& what) {
  const Reference ref = referenceDbscan(pts, params);
  const DbscanResult got = dbscan(pts, params);
  ASSERT_EQ(got.clusterCount(), static_cast<std::size_t>(ref.clusterCount)) << what;
  std::size_t wrong = 0;
  for (std::size_t i = 0; i < pts.size(); ++i) {
    const auto id = got.clusterOf(i);
    const int label = id ? id->value() : -1;
    if (label != ref.label[i] || got.roleOf(i) != ref.role[i]) {
      if (++wrong <= 5)
        ADD_FAILURE() << what << ": point " << i << " got cluster " << label << ", expected " << ref.label[i];
    }
  }
  EXPECT_EQ(wrong, 0u) << what;
}

struct Case {
  Layout layout;
  std::size_t n;
  double eps;
  int minPoints;
};

// Numbering is compared exactly, not up to renumbering: the kernel promises the reference's order.
TEST(DbscanReference, RandomSetsMatchBruteForceIncludingNumberingAndBorders) {
  const Case cases[] = {
      {Layout::Uniform, 500, 30.0, 3},         {Layout::Uniform, 2000, 25.0, 5},
      {Layout::Uniform, 5000, 12.0, 4},        {Layout::Blobs, 1000, 5.0, 5},
      {Layout::Blobs, 5000, 4.0, 10},          {Layout::Blobs, 5000, 20.0, 30},
      {Layout::IntegerLattice, 3000, 1.0, 3},  {Layout::IntegerLattice, 5000, 2.0, 8},
      {Layout::IntegerLattice, 5000, 5.0, 40},
  };
  std::uint32_t seed = 11;
  for (const Case& c : cases) {
    for (bool star : {false, true}) {
      const DbscanParams params{.epsMeters = c.eps, .minPoints = c.minPoints, .borderPointsAsNoise = star};
      const std::string what = "layout " + std::to_string(static_cast<int>(c.layout)) + ", n " + std::to_string(c.n) +
                               ", eps " + std::to_string(c.eps) + ", minPoints " + std::to_string(c.minPoints) +
                               (star ? ", DBSCAN*" : "") + ", seed " + std::to_string(seed);
      expectMatchesReference(randomPoints(c.layout, c.n, seed), params, what);
    }
    ++seed;
  }
}

TEST(DbscanReference, LargeSetOnSeveralThreadsMatchesBruteForce) {
  // Above the size at which the kernel starts extra threads.
  expectMatchesReference(randomPoints(Layout::Blobs, 25000, 99), {.epsMeters = 3.0, .minPoints = 6}, "blobs, n 25000");
}

}  // namespace
}  // namespace circatlas::analysis::cluster
