// `circatlas hotspots` writes a GeoTIFF GDAL reads and a county layer with Gi* fields.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli/cli_test_support.h"
#include "cli/german_registry.h"
#include "core/layer.h"
#include "io/layer_reader.h"
#include "test_support.h"

namespace circatlas {
namespace {

using test::exe;

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

// Sum of the density raster's cells (mean × columns × rows, from gdalinfo): proportional to the
// mapped output whatever the grid's extent, which follows the producing plants.
double densitySum(const std::string& tif) {
  const auto info = test::runCommand("gdalinfo -stats '" + tif + "'");
  const auto mean = info.output.find("STATISTICS_MEAN=");
  const auto size = info.output.find("Size is ");
  if (mean == std::string::npos || size == std::string::npos) return -1.0;
  const std::string dims = info.output.substr(size + 8);
  const double columns = std::stod(dims);
  const double rows = std::stod(dims.substr(dims.find(',') + 1));
  return std::stod(info.output.substr(mean + 16)) * columns * rows;
}

// The planning year decides which plants produce, as in partners, allocate and whatif: in 1995
// only the Jingyuan (1990, 880 MW) and Yuzhong (1990, 220 MW) coal plants ran of today's fleet.
TEST(HotspotsCommand, PlanningYearDecidesWhichPlantsProduce) {
  test::TempDir dir;
  const auto run = [&](const std::string& year, const std::string& sub) {
    return test::runCommand(exe() + " hotspots --material FLY_ASH --cell 10km --permutations 9" + year + " --out '" +
                            (dir / sub).string() + "'");
  };
  const auto now = run("", "now");
  ASSERT_EQ(now.exitCode, 0) << now.output;
  EXPECT_NE(now.output.find("Planning year 2025 (as_of_year of the built-in metadata.csv)"), std::string::npos)
      << now.output;
  const auto then = run(" --year 1995", "then");
  ASSERT_EQ(then.exitCode, 0) << then.output;
  EXPECT_NE(then.output.find("Planning year 1995 (--year)"), std::string::npos) << then.output;
  const double sumNow = densitySum((dir / "now" / "density_FLY_ASH.tif").string());
  const double sumThen = densitySum((dir / "then" / "density_FLY_ASH.tif").string());
  ASSERT_GT(sumThen, 0.0);
  // Coal plants producing fly ash in 1995: 3.75 GW (1.1 GW in Gansu, the rest across the border,
  // some with no start year) of the 63.5 GW the map holds today: about 6 % of the output.
  EXPECT_LT(sumThen, 0.15 * sumNow) << sumThen << " vs " << sumNow;
  EXPECT_GT(sumThen, 0.02 * sumNow) << sumThen << " vs " << sumNow;
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

// A registry in Germany stating 产生量 in 万吨 with the material's name: its quantities become
// output flows, and the density grid is laid out in a projection fitted to its sites, not Gansu's.
TEST(HotspotsCommand, AForeignRegistrysStatedQuantitiesAreMappedInItsOwnProjection) {
  test::TempDir dir;
  test::writeFile(dir / "reg.csv",
                  "name,lon,lat,industry_code,固废名称,产生量（万吨）\n"
                  "Kraftwerk Nord,10.5,50.9,4411,粉煤灰,12\n"
                  "Kraftwerk Sued,11.5,50.1,4411,fly_ash,8\n"
                  "Ziegelei,10.8,50.5,3031,,3\n"
                  "Zementwerk,11.0,50.4,3011,Ofenstaub,1\n");
  const auto out = (dir / "hot").string();
  const auto r = test::runCommand("cd '" + dir.path().string() + "' && " + exe() +
                                  " hotspots --registry reg.csv --material FLY_ASH --bandwidth 20km --cell 2km "
                                  "--permutations 99 --out '" +
                                  out + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("Registry: reg.csv (enterprises, flows)"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("产生量 (generated) of lines 4 not used as flows: the sheet names no material"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("material 'Ofenstaub' is no code or name of materials.csv"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("grid_crs=+proj=lcc +lat_0=50.500000 +lon_0=11.000000"), std::string::npos) << r.output;
  const std::string tif = out + "/density_FLY_ASH.tif";
  const auto info = test::runCommand("gdalinfo '" + tif + "'");
  EXPECT_NE(info.output.find("\"Longitude of false origin\",11"), std::string::npos) << info.output;
  // The kernel spreads each plant's output over the grid: the cells (t per km² per year) times their
  // area (4 km²) add up to the 200 000 t of fly ash the two plants state (12 + 8 万吨).
  EXPECT_NEAR(densitySum(tif) * 4.0, 200000.0, 2000.0);
  // Gansu's counties hold none of the plants: every Gi* z-score would be 0, so there is none, and
  // the command says why and writes the density alone.
  EXPECT_NE(
      r.output.find("No Gi* per county: none of the 2 site(s) with output of FLY_ASH lies in Gansu's counties "
                    "(give the registry's own units with --boundaries FILE); the density surface alone is mapped"),
      std::string::npos)
      << r.output;
  EXPECT_EQ(r.output.find("not significant at 90 %"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(out + "/hotspots_FLY_ASH.gpkg"));

  // Two districts are too few for Gi*: said so, the density alone written.
  test::writeFile(dir / "kreise.geojson", test::kreise());
  const auto two = test::runCommand("cd '" + dir.path().string() + "' && " + exe() +
                                    " hotspots --registry reg.csv --boundaries kreise.geojson --material FLY_ASH "
                                    "--cell 2km --permutations 9 --out two");
  ASSERT_EQ(two.exitCode, 0) << two.output;
  EXPECT_NE(
      two.output.find("No Gi* per unit: Gi* needs at least three units, --boundaries gives 2; the density surface "
                      "alone is mapped"),
      std::string::npos)
      << two.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "two" / "density_FLY_ASH.tif"));
  // On three districts Gi* is computed: Alpha (10–11° E) holds Nord's 12 万吨, Beta (11–12° E) Sued's
  // 8 万吨, Gamma none.
  test::writeFile(dir / "three.geojson", test::threeKreise());
  const auto own = test::runCommand("cd '" + dir.path().string() + "' && " + exe() +
                                    " hotspots --registry reg.csv --boundaries three.geojson --material FLY_ASH "
                                    "--cell 2km --permutations 9 --out own");
  ASSERT_EQ(own.exitCode, 0) << own.output;
  EXPECT_EQ(own.output.find("No Gi*"), std::string::npos) << own.output;
  EXPECT_NE(own.output.find("Units not listed are not significant"), std::string::npos) << own.output;
  const core::Layer units = io::readLayer((dir / "own" / "hotspots_FLY_ASH.gpkg").string(),
                                          {.layer = "hotspots_FLY_ASH", .sql = std::nullopt});
  ASSERT_EQ(units.size(), 3U);
  EXPECT_DOUBLE_EQ(std::get<double>(units.value(0, "output")), 120000.0);
  EXPECT_DOUBLE_EQ(std::get<double>(units.value(1, "output")), 80000.0);
  EXPECT_DOUBLE_EQ(std::get<double>(units.value(2, "output")), 0.0);
}

}  // namespace
}  // namespace circatlas
