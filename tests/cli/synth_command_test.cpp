// `circatlas synth` writes valid, reproducible synthetic registries, kept apart from the real catalogue.
#include <gtest/gtest.h>

#include <fstream>

#include "cli/cli_test_support.h"
#include "test_support.h"

namespace circatlas {
namespace {

using test::exe;

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(SynthCommand, SameSeedSameBytesAndTheResultValidates) {
  test::TempDir dir;
  const auto a = dir / "a";
  const auto b = dir / "b";
  ASSERT_EQ(test::runCommand(exe() + " synth -n 300 --seed 7 --out '" + a.string() + "'").exitCode, 0);
  ASSERT_EQ(test::runCommand(exe() + " synth -n 300 --seed 7 --out '" + b.string() + "'").exitCode, 0);
  EXPECT_EQ(slurp(a / "enterprises.csv"), slurp(b / "enterprises.csv"));
  EXPECT_EQ(slurp(a / "flows.csv"), slurp(b / "flows.csv"));
  const auto other = dir / "c";
  ASSERT_EQ(test::runCommand(exe() + " synth -n 300 --seed 8 --out '" + other.string() + "'").exitCode, 0);
  EXPECT_NE(slurp(a / "enterprises.csv"), slurp(other / "enterprises.csv"));

  const auto r = test::runCommand(exe() + " validate '" + a.string() + "'");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("0 error(s), 0 warning(s)"), std::string::npos) << r.output;
}

TEST(SynthCommand, EveryRecordSaysItIsSynthetic) {
  test::TempDir dir;
  ASSERT_EQ(test::runCommand(exe() + " synth -n 50 --out '" + (dir / "s").string() + "'").exitCode, 0);
  std::ifstream in(dir / "s" / "enterprises.csv");
  std::string line;
  std::getline(in, line);
  std::size_t rows = 0;
  while (std::getline(in, line)) {
    ++rows;
    EXPECT_NE(line.find("synthetic (circatlas, seed 20120517)"), std::string::npos) << line;
  }
  EXPECT_EQ(rows, 50U);
}

TEST(SynthCommand, WritesAGeoPackageWithBothLayers) {
  test::TempDir dir;
  const auto path = (dir / "s.gpkg").string();
  ASSERT_EQ(test::runCommand(exe() + " synth -n 20 --out '" + path + "'").exitCode, 0);
  const auto info = test::runCommand(exe() + " info '" + path + "'");
  EXPECT_NE(info.output.find("enterprises"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("flows"), std::string::npos) << info.output;
}

}  // namespace
}  // namespace circatlas
