// `circatlas hotspots` writes a GeoTIFF GDAL reads and a county layer with Gi* fields.
#include <gtest/gtest.h>

#include "test_support.h"

namespace circatlas {
namespace {

std::string exe() { return std::string("'") + CIRCATLAS_EXE + "'"; }

TEST(HotspotsCommand, WritesDensityRasterAndCountyScores) {
  test::TempDir dir;
  const auto out = (dir / "hot").string();
  const auto r = test::runCommand(exe() +
                                  " hotspots --material FLY_ASH --bandwidth 30km --cell 5km --permutations 99 "
                                  "--out '" +
                                  out + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  const auto tif = test::runCommand("gdalinfo '" + out + "/density_FLY_ASH.tif'");
  EXPECT_EQ(tif.exitCode, 0) << tif.output;
  EXPECT_NE(tif.output.find("Pixel Size = (5000.000000000000000,-5000.000000000000000)"), std::string::npos)
      << tif.output;
  EXPECT_NE(tif.output.find("Lambert Conic Conformal (2SP)"), std::string::npos) << tif.output;
  EXPECT_NE(tif.output.find("Latitude of 1st standard parallel\",34.2"), std::string::npos) << tif.output;
  const auto info = test::runCommand(exe() + " info '" + out + "/hotspots_FLY_ASH.gpkg' --layer hotspots_FLY_ASH");
  EXPECT_NE(info.output.find("gi_z"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("87"), std::string::npos) << info.output;
}

TEST(HotspotsCommand, DistancesWithoutUnitAreUsageErrors) {
  const auto r = test::runCommand(exe() + " hotspots --bandwidth 20");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find("such as 5km or 500m"), std::string::npos) << r.output;
}

TEST(HotspotsCommand, MaterialWithoutQuantifiedOutputIsReported) {
  const auto r = test::runCommand(exe() + " hotspots --material RED_MUD");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find("no quantified output flow of RED_MUD"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace circatlas
