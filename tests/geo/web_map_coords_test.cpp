// GCJ-02 and BD-09 conversions against published reference pairs and round trips across Gansu.
#include "geo/web_map_coords.h"

#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "geo/geodesic.h"

namespace circatlas::geo {
namespace {

// Reference pairs published with the widely used open implementations of the formulae (the
// Tiananmen example 116.404, 39.915 and a point near Shanghai). Tolerance 1e-9° ≈ 0.1 mm.
TEST(WebMapCoords, Wgs84ToGcj02MatchesPublishedPair) {
  const core::LonLat g = fromWgs84({116.404, 39.915}, LonLatSystem::Gcj02);
  EXPECT_NEAR(g.lon, 116.41024449916938, 1e-9);
  EXPECT_NEAR(g.lat, 39.91640428150164, 1e-9);
}

TEST(WebMapCoords, Gcj02ToBd09MatchesPublishedPair) {
  // gcj02 (116.404, 39.915) → bd09 (116.41036949371029, 39.92133699351021); we go through WGS 84.
  const core::LonLat bd = fromWgs84(toWgs84({116.404, 39.915}, LonLatSystem::Gcj02), LonLatSystem::Bd09);
  EXPECT_NEAR(bd.lon, 116.41036949371029, 1e-9);
  EXPECT_NEAR(bd.lat, 39.92133699351021, 1e-9);
}

TEST(WebMapCoords, Wgs84ToGcj02AndBd09MatchASecondImplementationToCentimetres) {
  // Another published triple near Shanghai; that implementation's constants differ in the last
  // digits, which moves results by < 1e-7° (≈ 1 cm): far below anything a planner can see.
  const core::LonLat wgs{121.0917077, 30.6107779};
  const core::LonLat gcj = fromWgs84(wgs, LonLatSystem::Gcj02);
  EXPECT_NEAR(gcj.lon, 121.09626935575027, 1e-7);
  EXPECT_NEAR(gcj.lat, 30.608604331756705, 1e-7);
  const core::LonLat bd = fromWgs84(wgs, LonLatSystem::Bd09);
  EXPECT_NEAR(bd.lon, 121.10271732371203, 1e-7);
  EXPECT_NEAR(bd.lat, 30.61484572185035, 1e-7);
}

TEST(WebMapCoords, Bd09ToWgs84InvertsThePublishedTriple) {
  const core::LonLat wgs = toWgs84({121.10271732371203, 30.61484572185035}, LonLatSystem::Bd09);
  EXPECT_NEAR(geodesicDistanceMeters(wgs, {121.0917077, 30.6107779}), 0.0, 0.01);
}

TEST(WebMapCoords, RoundTripInsideGansuIsWellUnderOneMetre) {
  double worstMeters = 0.0;
  double smallestShift = 1e9;
  double largestShift = 0.0;
  for (double lon = 92.5; lon <= 108.5; lon += 0.5) {
    for (double lat = 32.7; lat <= 42.7; lat += 0.5) {
      const core::LonLat p{lon, lat};
      for (const auto system : {LonLatSystem::Gcj02, LonLatSystem::Bd09}) {
        const core::LonLat shifted = fromWgs84(p, system);
        worstMeters = std::max(worstMeters, geodesicDistanceMeters(p, toWgs84(shifted, system)));
        if (system == LonLatSystem::Gcj02) {
          const double shift = geodesicDistanceMeters(p, shifted);
          smallestShift = std::min(smallestShift, shift);
          largestShift = std::max(largestShift, shift);
        }
      }
    }
  }
  EXPECT_LT(worstMeters, 0.01);
  // The GCJ-02 shift in Gansu is tens to hundreds of metres (measured 42–505 m on this grid):
  // enough to move a plant across a county line, so registries must say which system they use.
  EXPECT_GT(smallestShift, 30.0);
  EXPECT_LT(largestShift, 800.0);
  RecordProperty("gcj_shift_min_m", std::to_string(smallestShift));
  RecordProperty("gcj_shift_max_m", std::to_string(largestShift));
}

TEST(WebMapCoords, OutsideChinaGcj02IsWgs84) {
  const core::LonLat almaty{76.9, 43.2};
  EXPECT_TRUE(gcjShiftApplies(almaty));  // inside the rough box, shifted
  const core::LonLat tokyo{139.7, 35.7};
  EXPECT_FALSE(gcjShiftApplies(tokyo));
  EXPECT_EQ(fromWgs84(tokyo, LonLatSystem::Gcj02), tokyo);
}

TEST(WebMapCoords, ParsesSystemNamesAndRejectsOthers) {
  EXPECT_EQ(parseLonLatSystem("GCJ-02"), LonLatSystem::Gcj02);
  EXPECT_EQ(parseLonLatSystem("bd09"), LonLatSystem::Bd09);
  EXPECT_EQ(parseLonLatSystem("EPSG:4490"), LonLatSystem::Cgcs2000);
  EXPECT_EQ(parseLonLatSystem("wgs84"), LonLatSystem::Wgs84);
  try {
    (void)parseLonLatSystem("beijing54");
    FAIL() << "expected ParameterError";
  } catch (const core::ParameterError& e) {
    EXPECT_STREQ(e.what(), "unknown coordinate system 'beijing54' (expected wgs84, cgcs2000, gcj02 or bd09)");
  }
}

TEST(WebMapCoords, NonFiniteInputPassesThroughForTheCallerToReport) {
  const core::LonLat p = toWgs84({std::nan(""), 36.0}, LonLatSystem::Gcj02);
  EXPECT_TRUE(std::isnan(p.lon));
}

}  // namespace
}  // namespace circatlas::geo
