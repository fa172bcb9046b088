// SiteDistances: partner distances looked up from one router matrix, with the fallback flag per pair.
#include "tools/site_distances.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "geo/analysis_crs.h"
#include "tools/network_tool.h"

namespace circatlas {
namespace {

namespace net = analysis::network;

// One straight east–west road 10 km long at the analysis CRS origin (101°E 37.5°N), in the analysis CRS.
core::Layer oneRoad() {
  core::Layer l("roads", std::string(geo::kAnalysisCrs), core::GeometryType::LineString,
                core::Schema({{"class", core::FieldType::String}}));
  const core::Coord line[] = {{0, 0}, {5000, 0}, {10000, 0}};
  l.add({core::FeatureId(1), core::Geometry::lineString(line), {std::string("trunk")}});
  return l;
}

TEST(SiteDistances, RoutedPairsUseTheNetworkAndOthersFallBackFlagged) {
  const tools::RoadNetwork network = tools::buildNetwork(oneRoad(), {});
  net::RouterOptions o;
  o.metric = net::Metric::Length;
  o.maxSnapDistance = net::Meters(1000);
  o.detourFactor = 1.3;
  const net::Router router(network.graph(), o);
  // Sites: 0 and 1 beside the road (100 m off), 2 far from it (50 km north).
  const core::XY sites[] = {{1000, 100}, {9000, -100}, {5000, 50000}};
  const std::uint32_t origins[] = {0, 2};
  const std::uint32_t destinations[] = {1, 2};
  const tools::SiteDistances distances(router, sites, origins, destinations);

  const auto along = distances(0, 1);
  EXPECT_TRUE(along.routed);
  // 8 km along the road (geodesic of the projected segment, within the conic's scale error) plus two
  // 100 m access legs × 1.3.
  EXPECT_NEAR(along.km, 8.0 + 2 * 0.1 * 1.3, 8.0 * geo::kAnalysisCrsMaxScaleError);

  const auto off = distances(0, 2);
  EXPECT_FALSE(off.routed);
  EXPECT_NEAR(off.km, std::hypot(4000.0, 49900.0) / 1000 * 1.3, 1e-9);
  EXPECT_EQ(distances.statusCounts()[static_cast<std::size_t>(net::PairStatus::Routed)], 1u);
  EXPECT_EQ(distances.statusCounts()[static_cast<std::size_t>(net::PairStatus::FallbackNotSnapped)], 3u);

  // A pair outside the matrix (site 1 was never an origin) is measured straight and flagged.
  const auto outside = distances(1, 2);
  EXPECT_FALSE(outside.routed);
  EXPECT_NEAR(outside.km, std::hypot(4000.0, 50100.0) / 1000 * 1.3, 1e-9);
}

TEST(SiteDistances, RefusesMatricesBeyondTheLimit) {
  const tools::RoadNetwork network = tools::buildNetwork(oneRoad(), {});
  const net::Router router(network.graph(), {});
  std::vector<core::XY> sites(3200);
  std::vector<std::uint32_t> all(sites.size());
  for (std::uint32_t i = 0; i < all.size(); ++i) {
    sites[i] = {static_cast<double>(i), 0};
    all[i] = i;
  }
  EXPECT_THROW(tools::SiteDistances(router, sites, all, all), core::ParameterError);  // 3200² > 10 M
}

}  // namespace
}  // namespace circatlas
