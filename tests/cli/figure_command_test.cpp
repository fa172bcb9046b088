// `circatlas figure` as a user runs it: files written, exit codes for bad presets, codes and formats.
#include <gtest/gtest.h>

#include <filesystem>

#include "test_support.h"

namespace circatlas {
namespace {

using test::runCommand;
using test::TempDir;

std::string exe() { return std::string("'") + CIRCATLAS_EXE + "'"; }

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

}  // namespace
}  // namespace circatlas
