// `circatlas partners` and `allocate` on the built-in catalogue and on a synthetic registry.
#include <gtest/gtest.h>

#include "test_support.h"

namespace circatlas {
namespace {

std::string exe() { return std::string("'") + CIRCATLAS_EXE + "'"; }

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
  EXPECT_EQ(r.output.find("straight line × 1.3"), std::string::npos) << r.output;
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

}  // namespace
}  // namespace circatlas
