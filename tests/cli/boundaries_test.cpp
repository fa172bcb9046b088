// A registry outside Gansu counted on the user's own boundaries (--boundaries FILE[:LAYER]):
// overlay, hotspots and cluster say which boundaries they used and how many sites lie outside.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"
#include "cli/german_registry.h"
#include "core/layer.h"
#include "io/layer_reader.h"
#include "io/layer_writer.h"
#include "test_support.h"

namespace circatlas {
namespace {

using test::runCommand;
using test::TempDir;
using test::writeFile;

using test::exe;
using test::in;

using test::kGermanRegistry;
using test::kreise;

// Summary rows by code: enterprises and the industry-group counts.
std::map<std::string, std::map<std::string, std::string>> summary(const std::string& gpkg, const std::string& layer) {
  const core::Layer l = io::readLayer(gpkg, {.layer = layer, .sql = std::nullopt});
  std::map<std::string, std::map<std::string, std::string>> out;
  for (std::size_t i = 0; i < l.size(); ++i) {
    auto& row = out[core::toString(l.value(i, "code"))];
    for (const char* f :
         {"name_zh", "enterprises", "ind_power", "ind_metals", "ind_chemicals", "ind_building_materials"}) {
      row[f] = core::toString(l.value(i, f));
    }
  }
  return out;
}

TEST(Boundaries, OverlayCountsAForeignRegistryOnTheUsersDistricts) {
  TempDir dir;
  writeFile(dir / "reg.csv", kGermanRegistry);
  writeFile(dir / "kreise.geojson", kreise());
  const auto r = in(dir, "overlay --registry reg.csv --boundaries kreise.geojson --out overlay.gpkg");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "Boundaries: kreise.geojson: 2 units (code ← AGS, name ← GEN), one level; 1 of 5 located "
                    "enterprises lie outside them and are counted in no unit\n");
  const auto units = summary((dir / "overlay.gpkg").string(), "county_summary");
  ASSERT_EQ(units.size(), 2U);
  EXPECT_EQ(units.at("16051").at("name_zh"), "Alpha");
  EXPECT_EQ(units.at("16051").at("enterprises"), "3");
  EXPECT_EQ(units.at("16051").at("ind_building_materials"), "2");  // 3011 and 3031
  EXPECT_EQ(units.at("16051").at("ind_power"), "1");
  EXPECT_EQ(units.at("14522").at("enterprises"), "1");
  EXPECT_EQ(units.at("14522").at("ind_chemicals"), "1");
  // One level: the parents are the units themselves.
  EXPECT_EQ(summary((dir / "overlay.gpkg").string(), "prefecture_summary"), units);
  // Every site keeps its row; the one east of both districts has no unit.
  const core::Layer sites =
      io::readLayer((dir / "overlay.gpkg").string(), {.layer = "overlay_enterprises", .sql = std::nullopt});
  ASSERT_EQ(sites.size(), 5U);
  EXPECT_EQ(core::toString(sites.value(3, "overlay_county")), "14522");
  EXPECT_EQ(core::toString(sites.value(4, "overlay_county")), "");
}

TEST(Boundaries, WithoutThemAForeignRegistryIsSaidToLieOutsideGansuAndGetsNoEmptySummaries) {
  TempDir dir;
  writeFile(dir / "reg.csv", kGermanRegistry);
  const auto r = in(dir, "overlay --registry reg.csv --out overlay.gpkg");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "Boundaries: Gansu's counties and prefectures (the base map); 5 of 5 located enterprises lie "
                    "outside them and are counted in no unit (give the registry's own units with --boundaries FILE)");
  // Gansu's counties with nothing in them are no summary: neither printed nor written, and said so.
  EXPECT_OUTPUT_HAS(r,
                    "No summary per county or prefecture (county_summary, prefecture_summary): no site of the "
                    "registry lies in Gansu's counties (give the registry's own units with --boundaries FILE)");
  EXPECT_EQ(r.output.find("Prefecture"), std::string::npos) << r.output;
  const auto layers = runCommand("ogrinfo -ro -so -q '" + (dir / "overlay.gpkg").string() + "'");
  EXPECT_EQ(layers.output.find("county_summary"), std::string::npos) << layers.output;
  EXPECT_EQ(layers.output.find("prefecture_summary"), std::string::npos) << layers.output;
  EXPECT_EQ(
      io::readLayer((dir / "overlay.gpkg").string(), {.layer = "overlay_enterprises", .sql = std::nullopt}).size(), 5U);
  // A registry in Gansu keeps its summaries on Gansu's units.
  writeFile(dir / "lz.csv", "name,lon,lat,industry_code\nCement,103.70,36.10,3011\n");
  const auto gansu = in(dir, "overlay --registry lz.csv --out lz.gpkg");
  ASSERT_EQ(gansu.exitCode, 0) << gansu.output;
  EXPECT_EQ(gansu.output.find("No summary"), std::string::npos) << gansu.output;
  EXPECT_OUTPUT_HAS(gansu, "620100 兰州市");
  EXPECT_EQ(io::readLayer((dir / "lz.gpkg").string(), {.layer = "county_summary", .sql = std::nullopt}).size(), 87U);
}

TEST(Boundaries, TwoLevelsInAProjectedCrsAreReprojectedAndTheParentsAreTheUnionOfTheirUnits) {
  TempDir dir;
  writeFile(dir / "reg.csv", kGermanRegistry);
  // GADM's fields (GID_1/NAME_1 above GID_2/NAME_2) in Web Mercator: x = R·λ, y = R·ln tan(π/4 + φ/2).
  // A and B belong to one Land, C (12–14° E, so it holds the site at 13° E) to another.
  const double r = 6378137.0;
  const auto x = [&](double lon) { return r * lon * M_PI / 180.0; };
  const auto y = [&](double lat) { return r * std::log(std::tan(M_PI / 4 + lat * M_PI / 360.0)); };
  core::Layer layer("gadm_level2", "EPSG:3857", core::GeometryType::Polygon,
                    core::Schema({{"GID_1", core::FieldType::String},
                                  {"NAME_1", core::FieldType::String},
                                  {"GID_2", core::FieldType::String},
                                  {"NAME_2", core::FieldType::String}}));
  const auto add = [&](std::int64_t id, const char* gid1, const char* name1, const char* gid2, const char* name2,
                       double west, double east) {
    const std::vector<std::vector<core::Coord>> rings{
        {{x(west), y(50)}, {x(east), y(50)}, {x(east), y(51)}, {x(west), y(51)}, {x(west), y(50)}}};
    layer.add({core::FeatureId(id),
               core::Geometry::polygon(rings),
               {std::string(gid1), std::string(name1), std::string(gid2), std::string(name2)}});
  };
  add(1, "DEU.15_1", "Thüringen", "DEU.15.1_1", "Alpha", 10, 11);
  add(2, "DEU.15_1", "Thüringen", "DEU.15.2_1", "Beta", 11, 12);
  add(3, "DEU.13_1", "Sachsen", "DEU.13.1_1", "Gamma", 12, 14);
  io::writeLayer(layer, (dir / "gadm.gpkg").string());
  const auto o = in(dir, "overlay --registry reg.csv --boundaries gadm.gpkg:gadm_level2 --out overlay.gpkg");
  ASSERT_EQ(o.exitCode, 0) << o.output;
  EXPECT_OUTPUT_HAS(o,
                    "Boundaries: gadm.gpkg, layer gadm_level2: 3 units (code ← GID_2, name ← NAME_2), 2 parents "
                    "(← GID_1); every located enterprise lies in one\n");
  const auto parents = summary((dir / "overlay.gpkg").string(), "prefecture_summary");
  ASSERT_EQ(parents.size(), 2U);
  EXPECT_EQ(parents.at("DEU.15_1").at("name_zh"), "Thüringen");
  EXPECT_EQ(parents.at("DEU.15_1").at("enterprises"), "4");
  EXPECT_EQ(parents.at("DEU.13_1").at("enterprises"), "1");
  EXPECT_EQ(parents.at("DEU.13_1").at("ind_metals"), "1");
  // The union of Alpha and Beta is the rectangle 10–12° E, 50–51° N, back in WGS 84.
  const core::Layer p =
      io::readLayer((dir / "overlay.gpkg").string(), {.layer = "prefecture_summary", .sql = std::nullopt});
  const auto e = p.features()[0].geometry.envelope();
  EXPECT_NEAR(e.minX, 10.0, 1e-6);
  EXPECT_NEAR(e.maxX, 12.0, 1e-6);
  EXPECT_NEAR(e.minY, 50.0, 1e-6);
  EXPECT_NEAR(e.maxY, 51.0, 1e-6);
}

TEST(Boundaries, ExportWritesTheUsersUnitsInsteadOfGansusBaseMap) {
  TempDir dir;
  writeFile(dir / "reg.csv", kGermanRegistry);
  writeFile(dir / "kreise.geojson", kreise());
  const auto r =
      in(dir, "export --registry reg.csv --boundaries kreise.geojson --results overlay,clusters --out mine.gpkg");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  // The eight base-map layers of the atlas (neighbours, counties, prefectures, rivers, trunk
  // network, province, county and prefecture seats) are Gansu's: left out, and said so.
  EXPECT_OUTPUT_HAS(r, "8 layers of Gansu's base map left out: the analysis used --boundaries kreise.geojson");
  const auto layers = runCommand("ogrinfo -ro -so -q '" + (dir / "mine.gpkg").string() + "'");
  for (const char* gansu : {"counties", "province", "rivers", "neighbours", "seats", "trunk"}) {
    EXPECT_EQ(layers.output.find(std::string(": ") + gansu), std::string::npos) << gansu << "\n" << layers.output;
  }
  const std::string gpkg = (dir / "mine.gpkg").string();
  EXPECT_EQ(io::readLayer(gpkg, {.layer = "boundaries", .sql = std::nullopt}).size(), 2U);
  EXPECT_EQ(io::readLayer(gpkg, {.layer = "enterprises", .sql = std::nullopt}).size(), 5U);
  const auto units = summary(gpkg, "county_summary");
  EXPECT_EQ(units.at("16051").at("enterprises"), "3");
  EXPECT_EQ(units.at("14522").at("enterprises"), "1");
}

TEST(Boundaries, ExportOfAForeignRegistryWithoutBoundariesWritesNoEmptyGansuSummaries) {
  TempDir dir;
  writeFile(dir / "reg.csv", kGermanRegistry);
  const auto r = in(dir, "export --registry reg.csv --results overlay --layers none --out mine.gpkg");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "county_summary and prefecture_summary left out: no site of the registry lies in Gansu's "
                    "counties (give the registry's own units with --boundaries FILE)");
  const auto layers = runCommand("ogrinfo -ro -so -q '" + (dir / "mine.gpkg").string() + "'");
  EXPECT_EQ(layers.output.find("county_summary"), std::string::npos) << layers.output;
  EXPECT_EQ(layers.output.find("prefecture_summary"), std::string::npos) << layers.output;
  // The sites themselves are written, each without a county.
  const core::Layer sites =
      io::readLayer((dir / "mine.gpkg").string(), {.layer = "overlay_enterprises", .sql = std::nullopt});
  EXPECT_EQ(sites.size(), 5U);
  // The built-in catalogue keeps its summaries.
  const auto builtin = in(dir, "export --results overlay --layers none --out gansu.gpkg");
  ASSERT_EQ(builtin.exitCode, 0) << builtin.output;
  EXPECT_EQ(builtin.output.find("left out"), std::string::npos) << builtin.output;
  EXPECT_EQ(io::readLayer((dir / "gansu.gpkg").string(), {.layer = "county_summary", .sql = std::nullopt}).size(), 87U);
}

TEST(Boundaries, ExportOfAForeignRegistryWithoutBoundariesMapsTheDensityButNoGiStarOnGansusCounties) {
  TempDir dir;
  writeFile(dir / "reg.csv",
            "name,lon,lat,industry_code,固废名称,产生量（万吨）\n"
            "Kraftwerk,10.5,50.5,4411,粉煤灰,12\n"
            "Zementwerk,10.6,50.6,3011,,\n");
  const auto r = in(dir, "export --registry reg.csv --results hotspots,clusters --layers none --out mine.gpkg");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "hotspots_FLY_ASH (Gi*) left out: none of the 1 site(s) with output of FLY_ASH lies in Gansu's "
                    "counties (give the registry's own units with --boundaries FILE); the density surface is written");
  const auto layers = runCommand("ogrinfo -ro -so -q '" + (dir / "mine.gpkg").string() + "'");
  EXPECT_EQ(layers.output.find("hotspots_FLY_ASH"), std::string::npos) << layers.output;
  EXPECT_NE(layers.output.find("cluster_members"), std::string::npos) << layers.output;
  EXPECT_TRUE(std::filesystem::exists(dir / "mine_density_FLY_ASH.tif")) << r.output;
  // On the registry's own districts the Gi* layer is written, one row per district.
  writeFile(dir / "three.geojson", test::threeKreise());
  const auto own = in(dir,
                      "export --registry reg.csv --boundaries three.geojson --results hotspots --layers none --out "
                      "own.gpkg");
  ASSERT_EQ(own.exitCode, 0) << own.output;
  EXPECT_EQ(own.output.find("(Gi*) left out"), std::string::npos) << own.output;
  EXPECT_EQ(io::readLayer((dir / "own.gpkg").string(), {.layer = "hotspots_FLY_ASH", .sql = std::nullopt}).size(), 3U);
  // Two districts are too few for Gi*: the rest of the export stands, and says so.
  writeFile(dir / "kreise.geojson", kreise());
  const auto two = in(dir,
                      "export --registry reg.csv --boundaries kreise.geojson --results hotspots,clusters --layers none "
                      "--out two.gpkg");
  ASSERT_EQ(two.exitCode, 0) << two.output;
  EXPECT_OUTPUT_HAS(two,
                    "hotspots_FLY_ASH (Gi*) left out: Gi* needs at least three units, --boundaries gives 2; the "
                    "density surface is written");
}

// Fly ash stated in 万吨 at the power plant in Alpha, a cement works beside it and one in Beta.
constexpr const char* kQuantifiedRegistry =
    "name,lon,lat,industry_code,固废名称,产生量（万吨）\n"
    "Kraftwerk,10.5,50.5,4411,粉煤灰,12\n"
    "Zementwerk,10.6,50.6,3011,,\n"
    "Zementwerk Ost,11.5,50.5,3011,,\n";

TEST(Boundaries, AllocateSumsAForeignRegistryOnItsOwnUnitsWithoutGansusTargets) {
  TempDir dir;
  writeFile(dir / "reg.csv", kQuantifiedRegistry);
  writeFile(dir / "kreise.geojson", kreise());
  const auto r = in(dir, "allocate --registry reg.csv --boundaries kreise.geojson --out alloc.gpkg");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "Gansu's targets for 2015 (甘工信发[2012]350号) are not applied: the registry lies outside Gansu");
  EXPECT_EQ(r.output.find("Targets for 2015"), std::string::npos) << r.output;
  EXPECT_OUTPUT_HAS(r, "Per unit of --boundaries (materials counted in tonnes");
  // The regions layer holds the two districts; Alpha supplies the plant's 120 000 t.
  const std::string gpkg = (dir / "alloc.gpkg").string();
  const auto layers = runCommand("ogrinfo -ro -so -q '" + gpkg + "'");
  std::string regionsLayer;
  for (const char* name : {"allocation_prefectures", "allocation_regions", "allocation_by_prefecture"}) {
    if (layers.output.find(std::string(": ") + name + " ") != std::string::npos) regionsLayer = name;
  }
  ASSERT_FALSE(regionsLayer.empty()) << layers.output;
  const core::Layer regions = io::readLayer(gpkg, {.layer = regionsLayer, .sql = std::nullopt});
  ASSERT_EQ(regions.size(), 2U);
  std::map<std::string, double> supplied;
  for (std::size_t i = 0; i < regions.size(); ++i) {
    const auto v = regions.value(i, "supplied_t");
    supplied[core::toString(regions.value(i, "code"))] = std::holds_alternative<double>(v) ? std::get<double>(v) : 0;
  }
  EXPECT_DOUBLE_EQ(supplied["16051"], 120000.0);
  EXPECT_DOUBLE_EQ(supplied["14522"], 0.0);
  // Without boundaries there is no Gansu prefecture to sum on: no table, and said so.
  const auto none = in(dir, "allocate --registry reg.csv");
  ASSERT_EQ(none.exitCode, 0) << none.output;
  EXPECT_OUTPUT_HAS(none, "No summary per region: the registry lies outside Gansu's prefectures");
  EXPECT_EQ(none.output.find("Per prefecture"), std::string::npos) << none.output;
}

TEST(Boundaries, GansusProjectsAreNotAppliedToAForeignRegistry) {
  TempDir dir;
  writeFile(dir / "reg.csv", kQuantifiedRegistry);
  const auto w = in(dir, "whatif --registry reg.csv --with-builtin");
  ASSERT_EQ(w.exitCode, 0) << w.output;
  EXPECT_OUTPUT_HAS(w,
                    "projects (the built-in catalogue, --with-builtin) are not applied: the registry lies outside "
                    "Gansu");
  EXPECT_OUTPUT_HAS(w, "No project to evaluate: the registry has none");
  EXPECT_OUTPUT_HAS(w, "0 project-material row(s)");
  const auto o = in(dir, "overlay --registry reg.csv --with-builtin --out overlay.gpkg");
  ASSERT_EQ(o.exitCode, 0) << o.output;
  EXPECT_OUTPUT_HAS(o, "are not applied: the registry lies outside Gansu");
  const auto layers = runCommand("ogrinfo -ro -so -q '" + (dir / "overlay.gpkg").string() + "'");
  EXPECT_EQ(layers.output.find("overlay_projects"), std::string::npos) << layers.output;
  EXPECT_NE(layers.output.find("overlay_parks"), std::string::npos) << layers.output;  // Gansu's, asked for
  // With its own boundaries the registry is still found outside Gansu (located on Gansu's counties for that).
  writeFile(dir / "kreise.geojson", kreise());
  const auto own = in(dir, "overlay --registry reg.csv --with-builtin --boundaries kreise.geojson");
  ASSERT_EQ(own.exitCode, 0) << own.output;
  EXPECT_OUTPUT_HAS(own, "are not applied: the registry lies outside Gansu");
  // A registry in Gansu keeps them.
  writeFile(dir / "lz.csv", "name,lon,lat,industry_code\nCement,103.70,36.10,3011\n");
  const auto gansu = in(dir, "whatif --registry lz.csv --with-builtin");
  ASSERT_EQ(gansu.exitCode, 0) << gansu.output;
  EXPECT_EQ(gansu.output.find("not applied"), std::string::npos) << gansu.output;
  EXPECT_EQ(gansu.output.find("No project to evaluate"), std::string::npos) << gansu.output;
  const auto kept = in(dir, "overlay --registry lz.csv --with-builtin --out lz.gpkg");
  ASSERT_EQ(kept.exitCode, 0) << kept.output;
  EXPECT_EQ(kept.output.find("not applied"), std::string::npos) << kept.output;
  const auto lzLayers = runCommand("ogrinfo -ro -so -q '" + (dir / "lz.gpkg").string() + "'");
  EXPECT_NE(lzLayers.output.find("overlay_projects"), std::string::npos) << lzLayers.output;
}

TEST(Boundaries, BadBoundariesNameTheFileLayerAndFeature) {
  TempDir dir;
  writeFile(dir / "reg.csv", kGermanRegistry);
  writeFile(dir / "points.geojson",
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"code\":\"1\"},"
            "\"geometry\":{\"type\":\"Point\",\"coordinates\":[10,50]}}]}");
  const auto points = in(dir, "overlay --registry reg.csv --boundaries points.geojson");
  EXPECT_EQ(points.exitCode, 3) << points.output;
  EXPECT_OUTPUT_HAS(points,
                    "points.geojson: layer 'points': boundaries: expected polygons (counties, districts …), this layer "
                    "holds Point");
  std::string twice = kreise();
  twice.replace(twice.find("14522"), 5, "16051");
  writeFile(dir / "twice.geojson", twice);
  const auto dup = in(dir, "overlay --registry reg.csv --boundaries twice.geojson");
  EXPECT_EQ(dup.exitCode, 3) << dup.output;
  EXPECT_OUTPUT_HAS(dup, "code '16051' names features 0 and 1; a unit is one feature");
  const auto missing = in(dir, "overlay --registry reg.csv --boundaries nowhere.gpkg");
  EXPECT_EQ(missing.exitCode, 4) << missing.output;
  EXPECT_OUTPUT_HAS(missing, "--boundaries nowhere.gpkg: no such file");
  // The boundaries are an input: no output is written over them.
  writeFile(dir / "kreise.geojson", kreise());
  io::writeLayer(io::readLayer((dir / "kreise.geojson").string()), (dir / "kreise.gpkg").string());
  const auto onto = in(dir, "cluster --registry reg.csv --boundaries kreise.gpkg --out kreise.gpkg --overwrite");
  EXPECT_EQ(onto.exitCode, 4) << onto.output;
  EXPECT_OUTPUT_HAS(onto, "--out kreise.gpkg is the input kreise.gpkg (--boundaries)");
}

}  // namespace
}  // namespace circatlas
