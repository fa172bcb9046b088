// ClusterTool: clusters in metres, profiles that add up, hulls that contain their members.
#include "tools/cluster_tool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/error.h"
#include "core/progress.h"
#include "geo/analysis_crs.h"
#include "geo/geometry_ops.h"
#include "geo/polygon_index.h"
#include "geo/transformer.h"

namespace circatlas::tools {
namespace {

using core::FieldType;

// Two groups of four plants 1 km apart along 38.5°N (1 km ≈ 0.01148° of longitude there), 50 km
// apart from each other, and one isolated plant: at eps 2 km, minPts 3 → two clusters, one noise.
core::Layer plants() {
  core::Layer l("enterprises", "EPSG:4326", core::GeometryType::Point,
                core::Schema({{"id", FieldType::String}, {"industry_code", FieldType::String}}));
  int n = 0;
  auto add = [&](double lon, double lat, const char* industry) {
    ++n;
    l.add({core::FeatureId(n), core::Geometry::point({lon, lat}), {"E" + std::to_string(n), std::string(industry)}});
  };
  for (int i = 0; i < 4; ++i) add(102.0 + i * 0.01148, 38.5, i < 2 ? "4411" : "3011");
  for (int i = 0; i < 4; ++i) add(102.6 + i * 0.01148, 38.5, "3011");
  add(103.5, 38.5, "3031");
  return l;
}

core::Layer flows() {
  core::Layer l("flows", "", core::GeometryType::None,
                core::Schema({{"enterprise_id", FieldType::String},
                              {"material_code", FieldType::String},
                              {"direction", FieldType::String},
                              {"quantity", FieldType::Real}}));
  l.add({core::FeatureId(1),
         core::Geometry(),
         {std::string("E1"), std::string("FLY_ASH"), std::string("output"), 1000.0}});
  l.add({core::FeatureId(2),
         core::Geometry(),
         {std::string("E2"), std::string("FLY_ASH"), std::string("output"), 500.0}});
  return l;
}

core::Layer oneCounty() {
  core::Layer l("counties", "EPSG:4326", core::GeometryType::Polygon,
                core::Schema({{"code", FieldType::String}, {"prefecture_code", FieldType::String}}));
  const std::vector<std::vector<core::Coord>> rings = {{{101, 38}, {104, 38}, {104, 39}, {101, 39}, {101, 38}}};
  l.add({core::FeatureId(1), core::Geometry::polygon(rings), {std::string("620302"), std::string("620300")}});
  return l;
}

TEST(ClusterTool, TwoGroupsAndANoisePointWithProfiles) {
  const ClusterResult r = runCluster(plants(), flows(), oneCounty(), nullptr, {2000.0, 3, false, 0.3});
  ASSERT_EQ(r.convexHulls.size(), 2U);
  EXPECT_EQ(std::get<std::int64_t>(r.convexHulls.value(0, "members")), 4);
  EXPECT_EQ(core::toString(r.convexHulls.value(0, "industries")), "3011:2;4411:2");
  EXPECT_NEAR(std::get<double>(r.convexHulls.value(0, "shannon")), std::log(2.0), 1e-12);
  EXPECT_DOUBLE_EQ(std::get<double>(r.convexHulls.value(0, "out_FLY_ASH")), 1500.0);
  EXPECT_EQ(std::get<double>(r.convexHulls.value(1, "shannon")), 0.0);
  EXPECT_EQ(core::toString(r.convexHulls.value(1, "prefectures")), "620300");
  EXPECT_EQ(core::toString(r.members.value(8, "role")), "noise");
  EXPECT_TRUE(core::isNull(r.members.value(8, "cluster_id")));
}

// Tonnes per cluster by material and direction from the members' flows; a noise plant's flow, an unknown
// id and a flow without quantity add nothing. Sums by hand (E1–E4 cluster 0, E5–E8 cluster 1, E9 noise).
TEST(ClusterTool, ProfilesAddTheMembersFlowsByMaterialAndDirection) {
  core::Layer f = flows();  // E1 1000 t and E2 500 t of fly ash out
  const auto add = [&](const char* id, const char* material, const char* direction, core::Value q) {
    f.add({core::FeatureId(static_cast<std::int64_t>(f.size()) + 1),
           core::Geometry(),
           {std::string(id), std::string(material), std::string(direction), std::move(q)}});
  };
  add("E3", "FLY_ASH", "input", 200.0);
  add("E5", "COAL_GANGUE", "output", 300.0);
  add("E6", "COAL_GANGUE", "output", 30.0);
  add("E9", "FLY_ASH", "output", 700.0);
  add("X1", "FLY_ASH", "output", 50.0);
  add("E4", "FLY_ASH", "output", core::Value());
  const ClusterResult r = runCluster(plants(), f, oneCounty(), nullptr, {2000.0, 3, false, 0.3});
  ASSERT_EQ(r.convexHulls.size(), 2U);
  const auto tonnes = [&](std::size_t cluster, const char* field) {
    return std::get<double>(r.convexHulls.value(cluster, field));
  };
  EXPECT_DOUBLE_EQ(tonnes(0, "out_FLY_ASH"), 1500.0);
  EXPECT_DOUBLE_EQ(tonnes(0, "in_FLY_ASH"), 200.0);
  EXPECT_DOUBLE_EQ(tonnes(0, "out_COAL_GANGUE"), 0.0);
  EXPECT_DOUBLE_EQ(tonnes(1, "out_COAL_GANGUE"), 330.0);
  EXPECT_DOUBLE_EQ(tonnes(1, "out_FLY_ASH"), 0.0);
  EXPECT_DOUBLE_EQ(tonnes(1, "in_FLY_ASH"), 0.0);
}

// --members table: one row per input feature, its id beside the cluster and role the points form gives it; none: no
// rows. Hulls, profiles and counts are the same in every form.
TEST(ClusterTool, TheMembersAsATableOrNoneGiveTheSameClusters) {
  const core::Layer enterprises = plants();
  const core::Layer flowTable = flows();
  const core::Layer county = oneCounty();
  ClusterParams params;
  params.epsMeters = 2000.0;
  params.minPoints = 3;
  const ClusterResult points = runCluster(enterprises, flowTable, county, nullptr, params);
  params.members = MembersForm::Table;
  const ClusterResult table = runCluster(enterprises, flowTable, county, nullptr, params);
  params.members = MembersForm::None;
  const ClusterResult none = runCluster(enterprises, flowTable, county, nullptr, params);

  EXPECT_EQ(table.members.name(), "cluster_membership");
  EXPECT_EQ(table.members.geometryType(), core::GeometryType::None);
  ASSERT_EQ(table.members.schema().fields().size(), 3U);
  ASSERT_EQ(table.members.size(), points.members.size());
  for (std::size_t i = 0; i < points.members.size(); ++i) {
    EXPECT_EQ(core::toString(table.members.value(i, "id")), core::toString(points.members.value(i, "id")));
    EXPECT_EQ(core::toString(table.members.value(i, "cluster_id")),
              core::toString(points.members.value(i, "cluster_id")));
    EXPECT_EQ(core::toString(table.members.value(i, "role")), core::toString(points.members.value(i, "role")));
  }
  EXPECT_EQ(none.members.size(), 0U);
  for (const ClusterResult* r : {&table, &none}) {
    EXPECT_EQ(r->noise, points.noise);
    EXPECT_EQ(r->unlocated, points.unlocated);
    ASSERT_EQ(r->convexHulls.size(), points.convexHulls.size());
    for (std::size_t c = 0; c < points.convexHulls.size(); ++c) {
      EXPECT_EQ(core::toString(r->convexHulls.value(c, "members")),
                core::toString(points.convexHulls.value(c, "members")));
    }
  }
  EXPECT_EQ(points.noise, 1U);
}

// The counties a command found for the enterprises already (tools::enterpriseUnits) give the same profiles as
// locating the members here; they are used as given (none in a county: no prefecture), and a list of another
// length is refused.
// A caller that needs its enterprises no more hands them over: the members, hulls and profiles are the same as
// with the copy, and the handed-over layer keeps its schema without features; another layer is refused.
TEST(ClusterTool, ConsumedEnterprisesGiveTheSameResultAsCopiedOnes) {
  const ClusterParams params{2000.0, 3, false, 0.3};
  const ClusterResult copied = runCluster(plants(), flows(), oneCounty(), nullptr, params);
  core::Layer mine = plants();
  ClusterParams consuming = params;
  consuming.consumedEnterprises = &mine;
  const ClusterResult moved = runCluster(mine, flows(), oneCounty(), nullptr, consuming);
  EXPECT_TRUE(mine.empty());
  EXPECT_EQ(mine.schema().size(), plants().schema().size());
  for (const auto& [got, want] :
       {std::pair{&moved.members, &copied.members}, std::pair{&moved.convexHulls, &copied.convexHulls},
        std::pair{&moved.concaveHulls, &copied.concaveHulls}}) {
    ASSERT_EQ(got->size(), want->size());
    for (std::size_t i = 0; i < want->size(); ++i) {
      EXPECT_EQ((*got)[i].values, (*want)[i].values) << i;
      EXPECT_EQ((*got)[i].geometry, (*want)[i].geometry) << i;
    }
  }
  EXPECT_EQ(moved.noise, copied.noise);
  core::Layer other = plants();
  consuming.consumedEnterprises = &other;
  EXPECT_THROW((void)runCluster(plants(), flows(), oneCounty(), nullptr, consuming), std::logic_error);
}

TEST(ClusterTool, CountiesGivenByTheCallerAreUsed) {
  const core::Layer sites = plants();
  ClusterParams params{2000.0, 3, false, 0.3};
  const ClusterResult located = runCluster(sites, flows(), oneCounty(), nullptr, params);
  const std::vector<std::optional<std::size_t>> inTheCounty(sites.size(), 0);
  params.enterpriseCounties = &inTheCounty;
  const ClusterResult given = runCluster(sites, flows(), oneCounty(), nullptr, params);
  ASSERT_EQ(given.convexHulls.size(), located.convexHulls.size());
  for (std::size_t i = 0; i < located.convexHulls.size(); ++i) {
    EXPECT_EQ(given.convexHulls[i].values, located.convexHulls[i].values) << i;
  }
  const std::vector<std::optional<std::size_t>> none(sites.size());
  params.enterpriseCounties = &none;
  EXPECT_EQ(
      core::toString(runCluster(sites, flows(), oneCounty(), nullptr, params).convexHulls.value(1, "prefectures")), "");
  const std::vector<std::optional<std::size_t>> tooShort(sites.size() - 1);
  params.enterpriseCounties = &tooShort;
  EXPECT_THROW((void)runCluster(sites, flows(), oneCounty(), nullptr, params), std::logic_error);
}

TEST(ClusterTool, EpsIsInMetresNotDegrees) {
  // 1 km apart: clustered at eps 2 km, all noise at eps 500 m.
  EXPECT_EQ(runCluster(plants(), flows(), oneCounty(), nullptr, {500.0, 3, false, 0.3}).convexHulls.size(), 0U);
}

TEST(ClusterTool, HullsContainTheirMembers) {
  const ClusterResult r = runCluster(plants(), flows(), oneCounty(), nullptr, {2000.0, 3, false, 0.3});
  for (std::size_t i = 0; i < r.members.size(); ++i) {
    const auto id = r.members.value(i, "cluster_id");
    if (core::isNull(id)) continue;
    // A member on the hull's edge may fall a hair outside after the round trip through the
    // projection: 1e-7° (1 cm) of slack.
    const std::vector<core::Geometry> hull = {
        geo::buffer(r.convexHulls[static_cast<std::size_t>(std::get<std::int64_t>(id))].geometry, 1e-7)};
    EXPECT_TRUE(geo::PolygonIndex(hull).locate(r.members[i].geometry.coords()[0]).has_value()) << i;
  }
}

// Hulls are traced on several threads: each cluster's hulls must still be its own. 400 groups of
// five plants, 20 km apart, each hull holding its group's members and no one else's.
TEST(ClusterTool, HullsOfManyClustersTracedSideBySideBelongToTheirOwnCluster) {
  core::Layer l("enterprises", "EPSG:4326", core::GeometryType::Point,
                core::Schema({{"id", FieldType::String}, {"industry_code", FieldType::String}}));
  int n = 0;
  for (int g = 0; g < 400; ++g) {
    const double lon = 96.0 + 0.25 * (g % 40);
    const double lat = 36.0 + 0.2 * (g / 40);
    for (int i = 0; i < 5; ++i) {
      ++n;
      l.add({core::FeatureId(n),
             core::Geometry::point({lon + 0.004 * i, lat + 0.003 * (i % 2)}),
             {"E" + std::to_string(n), std::string("3011")}});
    }
  }
  const ClusterResult r = runCluster(l, flows(), oneCounty(), nullptr, {2000.0, 3, false, 0.3});
  ASSERT_EQ(r.convexHulls.size(), 400U);
  ASSERT_EQ(r.concaveHulls.size(), 400U);
  std::vector<core::Geometry> convex;
  std::vector<core::Geometry> concave;
  for (std::size_t c = 0; c < 400; ++c) {
    convex.push_back(geo::buffer(r.convexHulls[c].geometry, 1e-7));
    concave.push_back(geo::buffer(r.concaveHulls[c].geometry, 1e-7));
  }
  const geo::PolygonIndex convexIndex(convex);
  const geo::PolygonIndex concaveIndex(concave);
  for (std::size_t i = 0; i < r.members.size(); ++i) {
    const auto id = static_cast<std::size_t>(std::get<std::int64_t>(r.members.value(i, "cluster_id")));
    const core::Coord at = r.members[i].geometry.coords()[0];
    EXPECT_EQ(convexIndex.locate(at), std::optional<std::size_t>(id)) << i;
    EXPECT_EQ(concaveIndex.locate(at), std::optional<std::size_t>(id)) << i;
  }
}

TEST(ClusterTool, TheConcaveHullOfAVeryLargeClusterStillHoldsEveryMemberAndHugsThem) {
  // 42 000 points on a 260 × 200 grid 100 m apart (UTM 48N, near 105°E 36°N), in a U shape (100
  // middle columns of the top half left out): one cluster, above the size where the hull is traced
  // through grid cells.
  const geo::Transformer utm("EPSG:32648", geo::kWgs84);
  core::Layer points("grid", "EPSG:4326", core::GeometryType::Point, core::Schema({{"id", core::FieldType::String}}));
  std::int64_t n = 0;
  for (int i = 0; i < 260; ++i) {
    for (int j = 0; j < 200; ++j) {
      if (j >= 100 && i >= 80 && i < 180) continue;
      const core::Coord lonLat = utm.forward({500000.0 + i * 100.0, 4000000.0 + j * 100.0});
      points.add({core::FeatureId(++n), core::Geometry::point(lonLat), {"G" + std::to_string(n)}});
    }
  }
  ASSERT_GT(points.size(), 20000u);
  const ClusterResult r = runCluster(points, flows(), oneCounty(), nullptr, {500.0, 3, false, 0.1});
  ASSERT_EQ(r.concaveHulls.size(), 1u);
  const std::vector<core::Geometry> hull = {geo::buffer(r.concaveHulls[0].geometry, 1e-7)};
  const geo::PolygonIndex inside(hull);
  // Every member, including those that are not hull sites (without the widening, 13 fall outside).
  std::size_t outside = 0;
  for (std::size_t i = 0; i < r.members.size(); ++i) outside += !inside.locate(r.members[i].geometry.coords()[0]);
  EXPECT_EQ(outside, 0u);
  // The notch of the U (10 km wide, 10 km deep) stays out of the concave hull: its centre is
  // outside, though inside the convex hull.
  const core::Coord notch = utm.forward({500000.0 + 130 * 100.0, 4000000.0 + 170 * 100.0});
  EXPECT_FALSE(inside.locate(notch).has_value());
  EXPECT_TRUE(geo::PolygonIndex(std::vector<core::Geometry>{r.convexHulls[0].geometry}).locate(notch).has_value());
}

TEST(ClusterTool, BadParametersAreRejected) {
  EXPECT_THROW((void)runCluster(plants(), flows(), oneCounty(), nullptr, {0.0, 3, false, 0.3}), core::ParameterError);
  EXPECT_THROW((void)runCluster(plants(), flows(), oneCounty(), nullptr, {1000.0, 3, false, 0.0}),
               core::ParameterError);
}

// Records what a tool reports and cancels once it has seen `cancelAfter` reports.
class RecordingProgress final : public core::Progress {
 public:
  explicit RecordingProgress(std::size_t cancelAfter = SIZE_MAX) : cancelAfter_(cancelAfter) {}
  void report(double fraction, std::string_view stage) override {
    fractions.push_back(fraction);
    stages.emplace_back(stage);
  }
  [[nodiscard]] bool cancelled() const override { return fractions.size() >= cancelAfter_; }
  std::vector<double> fractions;
  std::vector<std::string> stages;

 private:
  std::size_t cancelAfter_;
};

TEST(ClusterTool, ReportsEveryStageInOrder) {
  RecordingProgress progress;
  (void)runCluster(plants(), flows(), oneCounty(), nullptr, {2000.0, 3, false, 0.3}, &progress);
  ASSERT_GE(progress.fractions.size(), 5U);  // projecting, clustering, profiles, hulls
  EXPECT_TRUE(std::is_sorted(progress.fractions.begin(), progress.fractions.end()));
  EXPECT_EQ(progress.stages.front(), "projecting points");
  EXPECT_EQ(progress.stages.back(), "cluster hulls");
}

TEST(ClusterTool, StopsWhenCancelled) {
  RecordingProgress progress(2);
  EXPECT_THROW((void)runCluster(plants(), flows(), oneCounty(), nullptr, {2000.0, 3, false, 0.3}, &progress),
               core::Cancelled);
  EXPECT_EQ(progress.fractions.size(), 2U);
}

}  // namespace
}  // namespace circatlas::tools
