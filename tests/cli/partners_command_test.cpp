// `circatlas partners` and `allocate` on the built-in catalogue and on a synthetic registry.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "cli/cli_test_support.h"
#include "test_support.h"

namespace circatlas {
namespace {

using test::exe;

TEST(PartnersCommand, ListsCandidatesForAKnownEnterpriseWithReasons) {
  // E002: Datang Xigu CHP (Lanzhou), fly ash and FGD gypsum in the built-in flows.
  const auto r = test::runCommand(exe() + " partners --enterprise E002 --material FLY_ASH --lang en");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("Coal fly ash →"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("straight line × 1.3"), std::string::npos) << r.output;
}

TEST(PartnersCommand, MeasuresAlongTheNetworkWhenAsked) {
  const auto r = test::runCommand(exe() + " partners --enterprise E002 --material FLY_ASH --lang en --network builtin");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("SCHEMATIC"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("km by road"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("network=schematic trunk network"), std::string::npos) << r.output;
  // The nearest candidates are in Gansu, on the network. A cross-border partner beyond the Gansu
  // network's reach (a Qinghai cement plant) falls back to the straight line × 1.3, and says so.
  const auto first = r.output.find("\n1  ");
  ASSERT_NE(first, std::string::npos) << r.output;
  const std::string firstLine = r.output.substr(first + 1, r.output.find('\n', first + 1) - first - 1);
  EXPECT_NE(firstLine.find("km by road"), std::string::npos) << firstLine;
}

TEST(AllocateCommand, MissingNetworkFileIsAnIoError) {
  const auto r = test::runCommand(exe() + " allocate --network /nonexistent/roads.gpkg");
  EXPECT_EQ(r.exitCode, 4) << r.output;
}

TEST(PartnersCommand, UnknownEnterpriseIsAUsageError) {
  const auto r = test::runCommand(exe() + " partners --enterprise E999");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find("unknown enterprise 'E999'"), std::string::npos) << r.output;
}

TEST(AllocateCommand, SummarisesPerMaterialAndWritesLayers) {
  test::TempDir dir;
  const auto out = (dir / "allocation.gpkg").string();
  const auto r = test::runCommand(exe() + " allocate --out '" + out + "'");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("FLY_ASH"), std::string::npos) << r.output;
  const auto info = test::runCommand(exe() + " info '" + out + "'");
  EXPECT_NE(info.output.find("allocation_optimal"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("allocation_summary"), std::string::npos) << info.output;
}

TEST(AllocateCommand, RunsOnASyntheticRegistry) {
  test::TempDir dir;
  const auto folder = (dir / "synth").string();
  ASSERT_EQ(test::runCommand(exe() + " synth -n 400 --out '" + folder + "'").exitCode, 0);
  const auto r = test::runCommand(exe() + " allocate --catalogue '" + folder + "'");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("exchange(s) in the optimal allocation"), std::string::npos) << r.output;
}

// Writes `text` to `path` (test fixture files).
void write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

TEST(PartnersCommand, UserMaterialsExtendTheBuiltInListRowByRow) {
  test::TempDir dir;
  const auto folder = dir / "reg";
  ASSERT_EQ(test::runCommand(exe() + " synth -n 200 --out '" + folder.string() + "'").exitCode, 0);
  write(folder / "materials.csv",
        "code,name_zh,name_en,category,unit,hazardous,virgin_substitute,max_distance_km,max_distance_basis,"
        "cost_cny_per_unit_km,cost_basis,disposal_cost_cny_per_unit,disposal_basis\n"
        "BAGASSE_PITH,蔗髓,Bagasse pith,bulk_solid,t,0,coal,50,test,0.5,test,0,test\n");
  std::ofstream(folder / "flows.csv", std::ios::app) << "S0000001,BAGASSE_PITH,output,100,2012,reported,test,test\n";
  const auto r = test::runCommand(exe() + " allocate --catalogue '" + folder.string() + "'");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("FLY_ASH"), std::string::npos) << r.output;  // built-in codes still known
  EXPECT_NE(r.output.find("BAGASSE_PITH"), std::string::npos) << r.output;
}

TEST(PartnersCommand, UnknownMaterialInAUsersFlowsNamesTheLineAndTheNearestCode) {
  test::TempDir dir;
  const auto folder = dir / "reg";
  ASSERT_EQ(test::runCommand(exe() + " synth -n 50 --out '" + folder.string() + "'").exitCode, 0);
  std::ifstream in(folder / "flows.csv");
  const std::string flows((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto lines = std::count(flows.begin(), flows.end(), '\n');
  std::ofstream(folder / "flows.csv", std::ios::app) << "S0000001,STEAM_LP,output,100,2012,reported,test,test\n";
  const auto r = test::runCommand(exe() + " partners --catalogue '" + folder.string() + "'");
  EXPECT_NE(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("unknown material 'STEAM_LP'"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("'STEAM'"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find(std::to_string(lines + 1)), std::string::npos) << r.output;
}

TEST(PartnersCommand, AUsersOwnIdsNeverPickUpTheBuiltInFlows) {
  test::TempDir dir;
  const auto folder = dir / "reg";
  std::filesystem::create_directories(folder);
  // E002 is the built-in Xigu CHP id; here it is a cement works with no flows of its own.
  write(
      folder / "enterprises.csv",
      "id,name_zh,name_en,industry_code,park_id,status,lon,lat,county_code,prefecture_code,source,location_precision\n"
      "E002,水泥,Cement,3011,,none,103.6,36.1,,620100,test,test\n");
  const auto r = test::runCommand(exe() + " partners --lang en --catalogue '" + folder.string() + "'");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output.find("FLY_ASH"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("0 candidate(s)"), std::string::npos) << r.output;
}

TEST(PartnersCommand, RegistryIsTheCatalogueOptionAndTheOutputNamesIt) {
  test::TempDir dir;
  const auto folder = dir / "reg";
  std::filesystem::create_directories(folder);
  write(
      folder / "enterprises.csv",
      "id,name_zh,name_en,industry_code,park_id,status,lon,lat,county_code,prefecture_code,source,location_precision\n"
      "E002,水泥,Cement,3011,,none,103.6,36.1,,620100,test,test\n");
  const auto r = test::runCommand(exe() + " partners --lang en --registry '" + folder.string() + "'");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(
      r.output.find("Registry: " + folder.string() + " (enterprises); reference tables from the built-in catalogue"),
      std::string::npos)
      << r.output;
  // The same table given as a single file is a registry as a bureau hands it out: read, not refused.
  const auto file =
      test::runCommand(exe() + " partners --lang en --registry '" + (folder / "enterprises.csv").string() + "'");
  EXPECT_EQ(file.exitCode, 0) << file.output;
  EXPECT_NE(file.output.find("Registry: " + (folder / "enterprises.csv").string()), std::string::npos) << file.output;
}

TEST(PartnersCommand, PlanningYearIsAParameterAndSaysWhereItCameFrom) {
  const auto r = test::runCommand(exe() + " partners --enterprise E002 --year 2015 --lang en");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("year=2015 (--year)"), std::string::npos) << r.output;
}

TEST(WhatIfCommand, SaysWhyForEveryProject) {
  const auto r = test::runCommand(exe() + " whatif");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("J003 NONFERROUS_SLAG: "), std::string::npos) << r.output;
}

// --lang as in partners: the reasons in Chinese (why_zh, the default) or English (why).
TEST(WhatIfCommand, PrintsTheReasonsInTheLanguageAsked) {
  const auto zh = test::runCommand(exe() + " whatif --project J003 --lang zh");
  ASSERT_EQ(zh.exitCode, 0) << zh.output;
  EXPECT_NE(zh.output.find("J003 NONFERROUS_SLAG: 运距内有 1 个供应方"), std::string::npos) << zh.output;
  EXPECT_EQ(zh.output.find("within reach"), std::string::npos) << zh.output;
  const auto en = test::runCommand(exe() + " whatif --project J003 --lang en");
  ASSERT_EQ(en.exitCode, 0) << en.output;
  EXPECT_NE(en.output.find("J003 NONFERROUS_SLAG: 1 supplier(s) within reach"), std::string::npos) << en.output;
  EXPECT_EQ(en.output.find("运距内"), std::string::npos) << en.output;
  const auto byDefault = test::runCommand(exe() + " whatif --project J003");
  EXPECT_NE(byDefault.output.find("J003 NONFERROUS_SLAG: 运距内有"), std::string::npos) << byDefault.output;
  const auto other = test::runCommand(exe() + " whatif --lang fr");
  EXPECT_NE(other.exitCode, 0) << other.output;
  EXPECT_NE(other.output.find("--lang"), std::string::npos) << other.output;
}

}  // namespace
}  // namespace circatlas
