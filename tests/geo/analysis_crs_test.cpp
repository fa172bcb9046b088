// The analysis CRS round-trips exactly enough and distorts distances in Gansu by at most its stated bound.
#include "geo/analysis_crs.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "core/error.h"
#include "geo/geodesic.h"
#include "geo/transformer.h"

namespace circatlas::geo {
namespace {

// Gansu's bounding box (92.34–108.71°E, 32.60–42.80°N) with a margin.
constexpr double kWest = 92.0, kEast = 109.0, kSouth = 32.55, kNorth = 42.85;

TEST(AnalysisCrs, RoundTripsToWithin1e7DegreesAcrossGansu) {
  const Transformer t(kWgs84, kAnalysisCrs);
  double worst = 0.0;
  for (double lon = kWest; lon <= kEast; lon += 0.25) {
    for (double lat = kSouth; lat <= kNorth; lat += 0.25) {
      const core::Coord back = t.inverse(t.forward(core::Coord{lon, lat}));
      worst = std::max({worst, std::abs(back.x - lon), std::abs(back.y - lat)});
    }
  }
  EXPECT_LT(worst, 1e-7);
}

TEST(AnalysisCrs, LanzhouLiesWhereAHandComputationPutsIt) {
  // Lanzhou 103.84°E 36.06°N against the origin 101°E 37.5°N: about 2.84° × 111.3 km × cos 36°
  // ≈ 256 km east and 1.44° × 111 km ≈ 160 km south (the cone bends the parallels a little).
  const Transformer t(kWgs84, kAnalysisCrs);
  const core::Coord xy = t.forward(core::Coord{103.84, 36.06});
  EXPECT_NEAR(xy.x / 1000, 256, 3);
  EXPECT_NEAR(xy.y / 1000, -155, 8);
}

// Projected length of short geodesics in both directions, against the ellipsoidal length, over
// a grid covering the province: the relative error is the CRS's distance distortion.
TEST(AnalysisCrs, DistanceDistortionAcrossGansuIsWithinStatedBound) {
  const Transformer t(kWgs84, kAnalysisCrs);
  double worst = 0.0;
  double smallest = 1.0;
  double largest = 1.0;
  for (double lon = kWest; lon <= kEast; lon += 0.5) {
    for (double lat = kSouth; lat <= kNorth; lat += 0.1) {
      for (const auto& [dLon, dLat] : {std::pair{0.05, 0.0}, std::pair{0.0, 0.05}, std::pair{0.04, 0.03}}) {
        const core::LonLat a{lon, lat};
        const core::LonLat b{lon + dLon, lat + dLat};
        const core::Coord pa = t.forward(core::Coord{a.lon, a.lat});
        const core::Coord pb = t.forward(core::Coord{b.lon, b.lat});
        const double projected = std::hypot(pb.x - pa.x, pb.y - pa.y);
        const double scale = projected / geodesicDistanceMeters(a, b);
        worst = std::max(worst, std::abs(scale - 1.0));
        smallest = std::min(smallest, scale);
        largest = std::max(largest, scale);
      }
    }
  }
  EXPECT_LE(worst, kAnalysisCrsMaxScaleError);
  // The bound is tight, not slack: the measured extremes are those the comment states.
  EXPECT_NEAR(smallest, 0.9981, 0.0001);
  EXPECT_NEAR(largest, 1.0022, 0.0001);
}

TEST(Transformer, UnknownCrsIsACrsErrorNamingIt) {
  try {
    Transformer t("EPSG:999999", kAnalysisCrs);
    FAIL() << "expected CrsError";
  } catch (const core::CrsError& e) {
    EXPECT_NE(std::string(e.what()).find("EPSG:999999"), std::string::npos) << e.what();
  }
}

// forwardOnAllCores gives forward()'s coordinates bit for bit, and names a failing coordinate by its
// index in the whole span (not in the part a worker had).
TEST(Transformer, OnAllCoresAsInOneCallAndTheFailingIndexIsTheCallers) {
  const Transformer t(kWgs84, kAnalysisCrs);
  std::vector<core::Coord> coords;
  for (std::size_t i = 0; i < 300'000; ++i) {
    coords.push_back(
        {92.5 + 16.0 * static_cast<double>(i % 1000) / 1000.0, 32.5 + 10.0 * static_cast<double>(i) / 3e5});
  }
  std::vector<core::Coord> serial = coords;
  t.forward(serial);
  std::vector<core::Coord> parallel = coords;
  t.forwardOnAllCores(parallel);
  for (std::size_t i = 0; i < coords.size(); ++i) {
    ASSERT_EQ(parallel[i].x, serial[i].x) << i;
    ASSERT_EQ(parallel[i].y, serial[i].y) << i;
  }
  std::vector<core::Coord> bad = coords;
  bad[250'001] = {std::numeric_limits<double>::quiet_NaN(), 36.0};
  try {
    t.forwardOnAllCores(bad);
    FAIL() << "expected CrsError";
  } catch (const core::CrsError& e) {
    EXPECT_NE(std::string(e.what()).find("coordinate 250001 "), std::string::npos) << e.what();
  }
}

TEST(Transformer, TellsGeographicFromProjected) {
  EXPECT_TRUE(isGeographic(kWgs84));
  EXPECT_TRUE(isGeographic("EPSG:4490"));  // CGCS2000
  EXPECT_FALSE(isGeographic(kAnalysisCrs));
  EXPECT_EQ(crsName("EPSG:4326"), "WGS 84");
}

TEST(Transformer, LayerWithoutCrsCannotBeProjected) {
  core::Layer layer("registry", "", core::GeometryType::Point, core::Schema());
  layer.add({core::FeatureId(1), core::Geometry::point({103.8, 36.1}), {}});
  try {
    transformLayer(layer, kAnalysisCrs);
    FAIL() << "expected CrsError";
  } catch (const core::CrsError& e) {
    EXPECT_STREQ(e.what(), "layer 'registry': the layer has no coordinate reference system");
  }
}

TEST(Transformer, LayerIsProjectedAndRelabelled) {
  core::Layer layer("seats", std::string(kWgs84), core::GeometryType::Point, core::Schema());
  layer.add({core::FeatureId(1), core::Geometry::point({101.0, 37.5}), {}});
  transformLayer(layer, kAnalysisCrs);
  EXPECT_EQ(layer.crs(), kAnalysisCrs);
  EXPECT_NEAR(layer[0].geometry.coords()[0].x, 0.0, 1e-6);
  EXPECT_NEAR(layer[0].geometry.coords()[0].y, 0.0, 1e-6);
}

}  // namespace
}  // namespace circatlas::geo
