// The registry read options (--field, --mapping, --lon-field/--lat-field, --coords, --encoding)
// on the analysis commands, and the messages that name the option the user typed.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli/cli_test_support.h"
#include "core/error.h"
#include "core/layer.h"
#include "io/layer_reader.h"
#include "test_support.h"

namespace circatlas {
namespace {

using test::runCommand;
using test::TempDir;
using test::writeFile;

using test::exe;
using test::in;

// Four works with headers no recogniser knows. A, B and C lie within 1 km of each other in
// Lanzhou (A–B: 0.005° of longitude × cos 36.06° × 111.3 km = 0.45 km east, 0.22 km north, about
// 0.5 km; A–C 0.9 km; B–C 0.6 km); D lies some 70 km away. With eps 2 km and 3 points (counting the
// point itself) A, B and C form one cluster of three core points and D is noise.
constexpr const char* kOddSheet =
    "单位,坐标E,坐标N,门类\n"
    "甲水泥厂,103.800,36.060,3011\n"
    "乙电厂,103.805,36.062,4411\n"
    "丙冶炼厂,103.810,36.058,3212\n"
    "丁化工厂,104.300,36.500,2614\n";

constexpr const char* kCluster = " cluster --eps 2km --min-points 3 --registry reg.csv";

TEST(RegistryOptions, AnAnalysisReadsASheetWhoseColumnsAreNamedWithField) {
  TempDir dir;
  writeFile(dir / "reg.csv", kOddSheet);
  // Without the mapping the sheet has no name column: the analysis says which option names it.
  const auto unnamed = in(dir, kCluster);
  EXPECT_EQ(unnamed.exitCode, 3) << unnamed.output;
  EXPECT_OUTPUT_HAS(unnamed, "--field name=");

  const auto r = in(
      dir, std::string(kCluster) + " --field name=单位 --field industry_code=门类 --lon-field 坐标E --lat-field 坐标N");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r, "Registry: reg.csv (enterprises)");
  EXPECT_OUTPUT_HAS(r, "1 cluster(s), 1 of 4 enterprises are noise");
}

TEST(RegistryOptions, AMappingFileReadsTheSheetAsTheFieldOptionsDo) {
  TempDir dir;
  writeFile(dir / "reg.csv", kOddSheet);
  writeFile(dir / "reg.mapping", "# written by hand\nname=单位\nindustry_code=门类\nlon=坐标E\nlat=坐标N\n");
  const auto r = in(dir, std::string(kCluster) + " --mapping reg.mapping --out clusters.gpkg");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r, "1 cluster(s), 1 of 4 enterprises are noise");
  // The members layer holds the sheet's rows in order, named and coded through the mapping.
  const core::Layer members =
      io::readLayer((dir / "clusters.gpkg").string(), {.layer = "cluster_members", .sql = std::nullopt});
  ASSERT_EQ(members.size(), 4u);
  const char* const names[] = {"甲水泥厂", "乙电厂", "丙冶炼厂", "丁化工厂"};
  const char* const codes[] = {"3011", "4411", "3212", "2614"};
  const char* const roles[] = {"core", "core", "core", "noise"};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(core::toString(members.value(i, "name_zh")), names[i]);
    EXPECT_EQ(core::toString(members.value(i, "industry_code")), codes[i]);
    EXPECT_EQ(core::toString(members.value(i, "role")), roles[i]);
  }
  EXPECT_DOUBLE_EQ(members.features()[3].geometry.coords()[0].x, 104.3);
  // The mapping file is an input: no output is written over it (a mapping kept as names.csv).
  std::filesystem::copy_file(dir / "reg.mapping", dir / "names.csv");
  const auto onto =
      in(dir, "route 103.8,36.06 103.9,36.1 --registry reg.csv --mapping names.csv --out names.csv --overwrite");
  EXPECT_EQ(onto.exitCode, 4) << onto.output;
  EXPECT_OUTPUT_HAS(onto, "--out names.csv is the input names.csv (--mapping)");
}

// --members table: the sheet's rows as an attribute table (the ids the registry gave them, cluster and role) to
// join back to the registry, no copy of the points; --members none: the hulls alone.
TEST(RegistryOptions, MembersAsATableJoinToTheRegistryById) {
  TempDir dir;
  writeFile(dir / "reg.csv", kOddSheet);
  writeFile(dir / "reg.mapping", "name=单位\nindustry_code=门类\nlon=坐标E\nlat=坐标N\n");
  const std::string cluster = std::string(kCluster) + " --mapping reg.mapping";
  ASSERT_EQ(in(dir, cluster + " --out points.gpkg").exitCode, 0);
  const auto r = in(dir, cluster + " --members table --out table.gpkg");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_OUTPUT_HAS(r, "1 cluster(s), 1 of 4 enterprises are noise");
  const core::Layer points =
      io::readLayer((dir / "points.gpkg").string(), {.layer = "cluster_members", .sql = std::nullopt});
  const core::Layer table =
      io::readLayer((dir / "table.gpkg").string(), {.layer = "cluster_membership", .sql = std::nullopt});
  EXPECT_EQ(table.geometryType(), core::GeometryType::None);
  EXPECT_EQ(table.schema().fields().size(), 3u);
  ASSERT_EQ(table.size(), points.size());
  for (std::size_t i = 0; i < table.size(); ++i) {
    EXPECT_EQ(core::toString(table.value(i, "id")), core::toString(points.value(i, "id")));
    EXPECT_EQ(core::toString(table.value(i, "cluster_id")), core::toString(points.value(i, "cluster_id")));
    EXPECT_EQ(core::toString(table.value(i, "role")), core::toString(points.value(i, "role")));
  }
  EXPECT_THROW((void)io::readLayer((dir / "table.gpkg").string(), {.layer = "cluster_members", .sql = std::nullopt}),
               core::Error);

  ASSERT_EQ(in(dir, cluster + " --members none --out hulls.gpkg").exitCode, 0);
  EXPECT_THROW((void)io::readLayer((dir / "hulls.gpkg").string(), {.layer = "cluster_members", .sql = std::nullopt}),
               core::Error);
  EXPECT_EQ(io::readLayer((dir / "hulls.gpkg").string(), {.layer = "cluster_hulls", .sql = std::nullopt}).size(), 1u);
}

TEST(RegistryOptions, AColumnTheSheetLacksNamesTheFileAndTheColumn) {
  TempDir dir;
  writeFile(dir / "reg.csv", kOddSheet);
  const auto r = in(dir, std::string(kCluster) + " --field name=企业名称");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_OUTPUT_HAS(r,
                    "circatlas: parameter error: reg.csv: no column '企业名称' in the registry (its columns: '单位', "
                    "'坐标E', '坐标N', '门类')");
  // An unknown field in a mapping file names the mapping file and its line.
  writeFile(dir / "bad.mapping", "name=单位\nnickname=门类\n");
  const auto m = in(dir, std::string(kCluster) + " --mapping bad.mapping");
  EXPECT_EQ(m.exitCode, 2) << m.output;
  EXPECT_OUTPUT_HAS(m, "bad.mapping:2: unknown registry field 'nickname' in 'nickname=门类'");
}

TEST(RegistryOptions, EveryAnalysisCommandTakesTheReadOptions) {
  TempDir dir;
  writeFile(dir / "reg.csv", kOddSheet);
  // --help lists them on every command that reads a registry.
  for (const char* command :
       {"cluster", "partners", "allocate", "whatif", "hotspots", "overlay", "export", "route", "distances"}) {
    const auto help = in(dir, std::string(command) + " --help");
    for (const char* option : {"--registry", "--lon-field", "--lat-field", "--coords", "--encoding", "--field",
                               "--mapping", "--with-builtin"}) {
      EXPECT_NE(help.output.find(option), std::string::npos) << command << " lacks " << option << "\n" << help.output;
    }
  }
  // A column option with the built-in catalogue or a folder is refused, not ignored.
  const auto builtin = in(dir, "cluster --field name=单位");
  EXPECT_EQ(builtin.exitCode, 2) << builtin.output;
  EXPECT_OUTPUT_HAS(builtin,
                    "--field name=单位: applies to a single-file --registry (a sheet or GIS layer); none was given");
}

TEST(RegistryOptions, OutputPolicyMessagesNameTheOptionTheUserTyped) {
  TempDir dir;
  writeFile(dir / "reg.csv", kOddSheet);
  const std::string names = " --field name=单位 --lon-field 坐标E --lat-field 坐标N";
  for (const char* option : {"--registry", "--catalogue"}) {
    const auto r = in(
        dir, std::string("route 103.8,36.06 103.9,36.1 ") + option + " reg.csv" + names + " --out reg.csv --overwrite");
    EXPECT_EQ(r.exitCode, 4) << r.output;
    EXPECT_OUTPUT_HAS(r, std::string("--out reg.csv is the input reg.csv (") + option + ")");
  }
  const auto both = in(dir, "cluster --registry reg.csv --catalogue reg.csv");
  EXPECT_EQ(both.exitCode, 2) << both.output;
}

}  // namespace
}  // namespace circatlas
