// The memory budget (CIRCATLAS_MEMORY_LIMIT, default 3/4 of MemAvailable): a layer whose estimate
// exceeds it is refused before it is read, with file, layer, count, estimate and budget, exit 4.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "cli/cli_test_support.h"
#include "test_support.h"

namespace circatlas {
namespace {

using test::runCommand;

using test::exe;

// Runs circatlas in `dir` with CIRCATLAS_MEMORY_LIMIT set to `limit`, or unset when empty.
test::CommandResult run(const std::filesystem::path& dir, const std::string& limit, const std::string& args) {
  const std::string env =
      limit.empty() ? "env -u CIRCATLAS_MEMORY_LIMIT " : "env CIRCATLAS_MEMORY_LIMIT=" + limit + " ";
  return runCommand("cd '" + dir.string() + "' && " + env + exe() + " " + args);
}

// A registry of `rows` synthetic enterprises written by `circatlas synth` into dir/registry/.
std::filesystem::path synthRegistry(const test::TempDir& dir, int rows) {
  const auto r = runCommand("cd '" + dir.path().string() + "' && " + exe() + " synth -n " + std::to_string(rows) +
                            " --seed 7 --out registry");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  return dir / "registry";
}

TEST(MemoryBudget, TinyBudgetRefusesTheBuiltInCatalogueWithExitCode4) {
  const test::TempDir dir;
  const auto r = run(dir.path(), "1M", "validate");
  EXPECT_EQ(r.exitCode, 4) << r.output;
  // The base map's counties are read first (validation places points in them).
  EXPECT_NE(r.output.find("circatlas: I/O error: "), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("basemap.gpkg: layer 'counties': 87 features need about 128 MiB of memory (5120 bytes per "
                          "feature, measured), more than the budget of 1 MiB (CIRCATLAS_MEMORY_LIMIT=1M); load a "
                          "smaller extract"),
            std::string::npos)
      << r.output;
}

TEST(MemoryBudget, DefaultBudgetLoadsTheBuiltInCatalogue) {
  const test::TempDir dir;
  const auto r = run(dir.path(), "", "validate");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output.find("more than the budget"), std::string::npos) << r.output;
}

// 1000 rows: the estimate is 128 MiB + 1000 × 5120 bytes = 139,337,728 bytes. One byte less of
// budget refuses the file, that many loads it: the check compares the estimate, not a rounded size.
TEST(MemoryBudget, RefusalNamesFileLayerCountEstimateAndBudgetExactly) {
  const test::TempDir dir;
  const auto registry = synthRegistry(dir, 1000);
  const auto refused = run(registry, "139337727", "validate enterprises.csv");
  EXPECT_EQ(refused.exitCode, 4) << refused.output;
  EXPECT_NE(refused.output.find("circatlas: I/O error: enterprises.csv: layer 'enterprises': 1000 features need about "
                                "133 MiB of memory (5120 bytes per feature, measured), more than the budget of 133 MiB "
                                "(CIRCATLAS_MEMORY_LIMIT=139337727); load a smaller extract"),
            std::string::npos)
      << refused.output;
  const auto loaded = run(registry, "139337728", "validate enterprises.csv");
  EXPECT_EQ(loaded.exitCode, 0) << loaded.output;
  EXPECT_NE(loaded.output.find("1000 rows checked, 0 error(s)"), std::string::npos) << loaded.output;
}

TEST(MemoryBudget, GdalLayersAreCheckedByTheirFeatureCount) {
  const test::TempDir dir;
  const auto r = runCommand("cd '" + dir.path().string() + "' && " + exe() + " synth -n 1000 --seed 7 --out r.gpkg");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  // Above the estimates of the counties (128 MiB + 87 × 5120 bytes) and of the built-in catalogue's
  // 377 enterprises (136,152,064 bytes), below the registry's.
  const auto refused = run(dir.path(), "137000000", "validate r.gpkg --layer enterprises");
  EXPECT_EQ(refused.exitCode, 4) << refused.output;
  EXPECT_NE(refused.output.find("circatlas: I/O error: r.gpkg: layer 'enterprises': 1000 features need about 133 MiB "
                                "of memory (5120 bytes per feature, measured), more than the budget of 131 MiB "
                                "(CIRCATLAS_MEMORY_LIMIT=137000000); load a smaller extract"),
            std::string::npos)
      << refused.output;
}

TEST(MemoryBudget, MalformedLimitIsAUsageError) {
  const test::TempDir dir;
  const auto r = run(dir.path(), "lots", "validate");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find("CIRCATLAS_MEMORY_LIMIT=lots: expected a size such as 512M, 2G or a number of bytes"),
            std::string::npos)
      << r.output;
}

}  // namespace
}  // namespace circatlas
