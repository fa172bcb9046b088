// A planner's registry kept in PostGIS (a PG: source with --layer TABLE) through validate and an
// analysis, against a real PostgreSQL + PostGIS started for the test: the same records read from a
// GeoPackage give the same results.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/layer.h"
#include "io/layer_reader.h"
#include "io/layer_writer.h"
#include "io/postgis_fixture.h"
#include "test_support.h"

namespace circatlas::io {
namespace {

std::string exe() { return std::string("'") + CIRCATLAS_EXE + "'"; }

// A bureau's table: Chinese headers, no id, source or precision columns. A, B and C lie within
// 1 km of each other in Lanzhou (A–B about 0.5 km, A–C 0.9 km, B–C 0.6 km); D lies some 70 km
// north-east. With eps 2 km and 3 points A, B and C are one cluster of three core points, D noise.
struct Site {
  const char* name;
  const char* code;
  double lon;
  double lat;
};
constexpr Site kSites[] = {{"甲水泥厂", "3011", 103.800, 36.060},
                           {"乙电厂", "4411", 103.805, 36.062},
                           {"丙冶炼厂", "3212", 103.810, 36.058},
                           {"丁化工厂", "2614", 104.300, 36.500}};

core::Layer registryLayer() {
  core::Layer layer("reg", "EPSG:4326", core::GeometryType::Point,
                    core::Schema({{"名称", core::FieldType::String}, {"行业代码", core::FieldType::String}}));
  std::int64_t id = 1;
  for (const auto& s : kSites) {
    layer.add(
        {core::FeatureId(id++), core::Geometry::point({s.lon, s.lat}), {std::string(s.name), std::string(s.code)}});
  }
  return layer;
}

// The lines of a command's output without the one naming the registry (the only one that differs).
std::string withoutRegistryLine(const std::string& output) {
  std::string out;
  std::size_t start = 0;
  while (start < output.size()) {
    std::size_t end = output.find('\n', start);
    if (end == std::string::npos) end = output.size();
    const std::string line = output.substr(start, end - start);
    if (!line.starts_with("Registry: ")) out += line + "\n";
    start = end + 1;
  }
  return out;
}

class PostgisRegistry : public test::PostgisSuite {};

TEST_F(PostgisRegistry, ATableInPostgisIsValidatedAndAnalysedAsTheSameGeoPackage) {
  // The table as a bureau's database holds it, written by SQL (not by circatlas or GDAL).
  std::string sql =
      "CREATE TABLE reg (gid serial PRIMARY KEY, \\\"名称\\\" text, \\\"行业代码\\\" text, geom geometry(Point, "
      "4326));";
  for (const auto& s : kSites) {
    sql += " INSERT INTO reg (\\\"名称\\\", \\\"行业代码\\\", geom) VALUES ('" + std::string(s.name) + "', '" + s.code +
           "', ST_SetSRID(ST_MakePoint(" + std::to_string(s.lon) + ", " + std::to_string(s.lat) + "), 4326));";
  }
  const auto created = server_->psql("bureau", sql);
  ASSERT_EQ(created.exitCode, 0) << created.output;
  test::TempDir dir;
  const std::string gpkg = (dir / "reg.gpkg").string();
  writeLayer(registryLayer(), gpkg);
  // A password in the connection (ignored by the test server's trust authentication) is never printed.
  const std::string pg = "'" + server_->connection() + " password=hunter2' --layer reg";

  const auto validPg = test::runCommand(exe() + " validate " + pg);
  ASSERT_EQ(validPg.exitCode, 0) << validPg.output;
  EXPECT_NE(validPg.output.find("4 rows read"), std::string::npos) << validPg.output;
  EXPECT_NE(validPg.output.find("4 rows checked, 0 error(s)"), std::string::npos) << validPg.output;
  EXPECT_NE(validPg.output.find("4 rows in Gansu, 0 outside, 0 without a location"), std::string::npos)
      << validPg.output;
  const auto validGpkg = test::runCommand(exe() + " validate '" + gpkg + "'");
  ASSERT_EQ(validGpkg.exitCode, 0) << validGpkg.output;
  EXPECT_NE(validGpkg.output.find("4 rows checked, 0 error(s)"), std::string::npos) << validGpkg.output;

  const std::string cluster = " cluster --eps 2km --min-points 3 --registry ";
  const auto fromPg = test::runCommand(exe() + cluster + pg + " --out '" + (dir / "pg_clusters.gpkg").string() + "'");
  ASSERT_EQ(fromPg.exitCode, 0) << fromPg.output;
  EXPECT_NE(fromPg.output.find("1 cluster(s), 1 of 4 enterprises are noise"), std::string::npos) << fromPg.output;
  EXPECT_NE(fromPg.output.find("Registry: PG:"), std::string::npos) << fromPg.output;
  EXPECT_EQ(fromPg.output.find("hunter2"), std::string::npos) << fromPg.output;
  EXPECT_EQ(validPg.output.find("hunter2"), std::string::npos) << validPg.output;
  const auto fromGpkg =
      test::runCommand(exe() + cluster + "'" + gpkg + "' --out '" + (dir / "gpkg_clusters.gpkg").string() + "'");
  ASSERT_EQ(fromGpkg.exitCode, 0) << fromGpkg.output;
  // The same table of clusters (members, core, border, diversity, area, prefectures).
  const std::string pgOut = fromPg.output.substr(0, fromPg.output.find("Wrote "));
  const std::string gpkgOut = fromGpkg.output.substr(0, fromGpkg.output.find("Wrote "));
  EXPECT_EQ(withoutRegistryLine(pgOut), withoutRegistryLine(gpkgOut));

  // The same members, field by field, but for `source`, which names where each record came from.
  const ReadOptions members{.layer = "cluster_members", .sql = std::nullopt};
  const core::Layer a = readLayer((dir / "pg_clusters.gpkg").string(), members);
  const core::Layer b = readLayer((dir / "gpkg_clusters.gpkg").string(), members);
  ASSERT_EQ(a.size(), 4U);
  ASSERT_EQ(b.size(), 4U);
  ASSERT_EQ(a.schema().size(), b.schema().size());
  const char* const roles[] = {"core", "core", "core", "noise"};
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(core::toString(a.value(i, "name_zh")), kSites[i].name);
    EXPECT_EQ(core::toString(a.value(i, "industry_code")), kSites[i].code);
    EXPECT_EQ(core::toString(a.value(i, "role")), roles[i]);
    EXPECT_DOUBLE_EQ(a.features()[i].geometry.coords()[0].x, kSites[i].lon);
    EXPECT_DOUBLE_EQ(a.features()[i].geometry.coords()[0].y, kSites[i].lat);
    for (std::size_t c = 0; c < a.schema().size(); ++c) {
      const std::string& field = a.schema()[c].name;
      if (field == "source") continue;
      EXPECT_EQ(core::toString(a.value(i, field)), core::toString(b.value(i, field))) << "row " << i << ", " << field;
    }
  }
  // A record's source names the database and table, never the connection string (it may hold a password).
  EXPECT_EQ(core::toString(a.value(0, "source")), "PostGIS database bureau, layer reg");
  EXPECT_EQ(core::toString(b.value(0, "source")), "reg.gpkg");
}

TEST_F(PostgisRegistry, AMissingTableNamesTheTable) {
  const auto r = test::runCommand(exe() + " cluster --registry '" + server_->connection() + "' --layer no_such_table");
  EXPECT_NE(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("no_such_table"), std::string::npos) << r.output;
}

}  // namespace
}  // namespace circatlas::io
