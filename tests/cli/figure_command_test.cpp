// `circatlas figure` as a user runs it: files written, exit codes for bad presets, codes and formats.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli/cli_test_support.h"
#include "cli/german_registry.h"
#include "test_support.h"

namespace circatlas {
namespace {

using test::runCommand;
using test::TempDir;
using test::writeFile;

using test::exe;
using test::in;

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The scale denominator the command reports ("scale 1:1157000").
long long scaleOf(const std::string& output) {
  const auto p = output.find("scale 1:");
  return p == std::string::npos ? -1 : std::stoll(output.substr(p + 8));
}

using test::kGermanRegistry;
using test::kreise;

TEST(FigureCommand, WritesAPrefectureFigureAsSvg) {
  TempDir dir;
  const auto out = dir / "jinchang.svg";
  const auto r = runCommand(exe() + " figure --preset overview --prefecture 620300 --lang en --dpi 60 --out '" +
                            out.string() + "'");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_TRUE(std::filesystem::exists(out));
  EXPECT_NE(r.output.find("Jinchang"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("scale bar"), std::string::npos) << r.output;
}

TEST(FigureCommand, UnknownPresetIsAUsageErrorListingPresets) {
  TempDir dir;
  const auto r = runCommand(exe() + " figure --preset nosuch --out '" + (dir / "x.png").string() + "'");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find("overview"), std::string::npos) << r.output;
}

TEST(FigureCommand, UnknownPrefectureAndFormatAreUsageErrors) {
  TempDir dir;
  auto r = runCommand(exe() + " figure --preset overview --prefecture 629900 --out '" + (dir / "x.png").string() + "'");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find("620100"), std::string::npos) << r.output;
  r = runCommand(exe() + " figure --preset overview --out '" + (dir / "x.tiff").string() + "'");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "x.tiff"));
}

TEST(FigureCommand, MissingFolderIsAnIoError) {
  const auto r = runCommand(exe() + " figure --preset overview --out /nonexistent-circatlas/x.png");
  EXPECT_EQ(r.exitCode, 4) << r.output;
}

TEST(FigureCommand, AForeignRegistryIsFramedOnItsDataAndBoundariesInAFittedProjection) {
  TempDir dir;
  writeFile(dir / "reg.csv", kGermanRegistry);
  writeFile(dir / "kreise.geojson", kreise());
  const auto r = in(dir,
                    "figure --preset enterprises --registry reg.csv --boundaries kreise.geojson --lang en --dpi 60 "
                    "--date 2026-12-05 --out reg.svg");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  // A conic centred on the frame (10–13° E, 50–51° N), not Gansu's (lon_0=101).
  EXPECT_OUTPUT_HAS(r, "Projection: +proj=lcc +lat_0=50.500000 +lon_0=11.500000 ");
  EXPECT_OUTPUT_HAS(r, "layers of Gansu's base map left out: the figure draws --boundaries kreise.geojson");
  // Outside China the locator is the world around the region, centred on it.
  EXPECT_OUTPUT_HAS(r, "locator inset: the world around the region (Natural Earth), centred on 11.50°E 50.50°N");
  // The frame is about 3° of longitude at 50.5° N (212 km) plus margins, in a map frame 202 mm wide on A4
  // landscape: about 1:1.1 million, where Gansu's province figure is 1:7.6 million.
  const long long scale = scaleOf(r.output);
  EXPECT_GT(scale, 900000) << r.output;
  EXPECT_LT(scale, 1600000) << r.output;
  const std::string svg = slurp(dir / "reg.svg");
  EXPECT_NE(svg.find("Administrative units"), std::string::npos);
  EXPECT_NE(svg.find("Registry reg.csv, 5 located enterprises; boundaries kreise.geojson"), std::string::npos);
  EXPECT_EQ(svg.find("Neighbouring provinces"), std::string::npos);
  EXPECT_EQ(svg.find("Lambert conformal conic, standard parallels 34.2"), std::string::npos);
  EXPECT_NE(svg.find("Location"), std::string::npos);                              // the locator's heading
  EXPECT_NE(svg.find("World: Natural Earth (public domain)"), std::string::npos);  // and its credit
  EXPECT_EQ(svg.find("China: Apache ECharts"), std::string::npos);                 // not China's
}

TEST(FigureCommand, ARegistryInChinaOutsideGansuKeepsTheLocatorAndChinasProvinces) {
  TempDir dir;
  // Three works around Guangzhou and Foshan.
  writeFile(dir / "gd.csv",
            "name,lon,lat,industry_code\n"
            "Cement,113.1,23.0,3011\n"
            "Power,113.5,23.2,4411\n"
            "Steel,113.3,22.8,3120\n");
  const auto r =
      in(dir, "figure --preset enterprises --registry gd.csv --lang en --dpi 60 --date 2026-12-05 --out gd.svg");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r, "+lon_0=113.300000 ");
  EXPECT_OUTPUT_HAS(r, "layers of Gansu's base map left out: the registry lies outside Gansu");
  EXPECT_EQ(r.output.find("no locator inset"), std::string::npos) << r.output;
  const std::string svg = slurp(dir / "gd.svg");
  EXPECT_NE(svg.find("China: Apache ECharts"), std::string::npos);  // China's provinces drawn, and credited
  EXPECT_NE(svg.find("Location"), std::string::npos);               // the locator's heading
  // 0.4° × 0.4°: about 1:300 000 on A4.
  EXPECT_LT(scaleOf(r.output), 600000) << r.output;
}

TEST(FigureCommand, ARegistryInGansuKeepsGansusBaseMapAndProjection) {
  TempDir dir;
  // Two works in Lanzhou (620100).
  writeFile(dir / "lz.csv",
            "name,lon,lat,industry_code\n"
            "Cement,103.70,36.10,3011\n"
            "Power,103.90,36.05,4411\n");
  const auto r = in(dir,
                    "figure --preset enterprises --registry lz.csv --prefecture 620100 --lang en --dpi 60 "
                    "--date 2026-12-05 --out lz.svg");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r, "Projection: +proj=lcc +lat_0=37.5 +lon_0=101 +lat_1=34.2 +lat_2=41.2");
  EXPECT_EQ(r.output.find("base map left out"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("no locator inset"), std::string::npos) << r.output;
  const std::string svg = slurp(dir / "lz.svg");
  EXPECT_NE(svg.find("Boundaries: AMap"), std::string::npos);  // Gansu's counties, credited
  // Lanzhou's frame, as the atlas frames it (1:723 000 for Jinchang; Lanzhou is larger).
  EXPECT_LT(scaleOf(r.output), 2000000) << r.output;
}

TEST(FigureCommand, ARegistrysNameIsSetOffFromTheTitleItStartsWith) {
  TempDir dir;
  writeFile(dir / "lz.csv", "name,lon,lat,industry_code\nCement,103.70,36.10,3011\nPower,103.90,36.05,4411\n");
  const auto zh = in(dir, "figure --preset enterprises --registry lz.csv --lang zh --dpi 40 --out zh.svg");
  ASSERT_EQ(zh.exitCode, 0) << zh.output;
  // The preset's title is "{region}循环经济企业…": a file name runs into it without the colon.
  EXPECT_OUTPUT_HAS(zh, "(lz.csv：循环经济企业与资源综合利用项目;");
  EXPECT_NE(slurp(dir / "zh.svg").find("lz.csv：循环经济企业与资源综合利用项目"), std::string::npos);
  // The English title has its own colon: none is added.
  const auto en = in(dir, "figure --preset enterprises --registry lz.csv --lang en --dpi 40 --out en.svg");
  ASSERT_EQ(en.exitCode, 0) << en.output;
  EXPECT_OUTPUT_HAS(en, "(lz.csv: enterprises and resource-utilisation projects;");
}

TEST(FigureCommand, APrefectureFrameNeedsARegistryInGansu) {
  TempDir dir;
  writeFile(dir / "reg.csv", kGermanRegistry);
  const auto r = in(dir, "figure --preset enterprises --registry reg.csv --prefecture 620300 --out reg.png");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_OUTPUT_HAS(r, "--prefecture frames a Gansu prefecture");
  EXPECT_FALSE(std::filesystem::exists(dir / "reg.png"));
}

TEST(FigureCommand, ARegistryWithoutLocatedRecordsAndBoundariesIsAnInputError) {
  TempDir dir;
  writeFile(dir / "reg.csv", "name,address\nZementwerk,Somewhere\n");
  const auto r = in(dir, "figure --preset enterprises --registry reg.csv --out reg.png");
  EXPECT_NE(r.exitCode, 0) << r.output;
  EXPECT_FALSE(std::filesystem::exists(dir / "reg.png"));
}

}  // namespace
}  // namespace circatlas
