// Analysis commands write their results into PostGIS as they write a GeoPackage: the same tables
// with the same rows, existing tables refused without --overwrite, other tables never touched.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "io/postgis_fixture.h"
#include "test_support.h"

namespace circatlas::io {
namespace {

class PostgisCommandOutput : public test::PostgisSuite {
 protected:
  static std::string scalar(const std::string& sql) {
    const auto r = server_->psql("bureau", sql);
    EXPECT_EQ(r.exitCode, 0) << sql << "\n" << r.output;
    std::string out = r.output;
    while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
    return out;
  }

  /// Layer name → feature count of a GeoPackage, read with GDAL.
  static std::map<std::string, long long> layerCounts(const std::string& path) {
    GDALAllRegister();
    std::map<std::string, long long> counts;
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    EXPECT_TRUE(ds) << path;
    if (!ds) return counts;
    for (OGRLayer* layer : ds->GetLayers()) {
      const std::string name = layer->GetName();
      if (name.rfind("gpkg_", 0) == 0 || name == "layer_styles") continue;
      counts[name] = layer->GetFeatureCount();
    }
    return counts;
  }
};

TEST_F(PostgisCommandOutput, ClusterWritesTheSameTablesAsItsGeoPackageAndRefusesToReplaceThemUnasked) {
  const std::string exe = CIRCATLAS_EXE;
  const std::string pg = "'" + server_->connection() + "'";
  test::TempDir dir;
  const std::string gpkg = (dir / "clusters.gpkg").string();
  const auto file = test::runCommand(exe + " cluster --eps 5km --min-points 3 --out '" + gpkg + "'");
  ASSERT_EQ(file.exitCode, 0) << file.output;
  const auto expected = layerCounts(gpkg);
  ASSERT_EQ(expected.size(), 3U);  // members, convex and concave hulls

  ASSERT_EQ(scalar("CREATE TABLE planners_notes (id int); INSERT INTO planners_notes VALUES (7); SELECT 1"), "1");
  const auto first = test::runCommand(exe + " cluster --eps 5km --min-points 3 --out " + pg);
  ASSERT_EQ(first.exitCode, 0) << first.output;
  for (const auto& [name, count] : expected) {
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM public.\\\"" + name + "\\\""), std::to_string(count)) << name;
  }
  // Geometry tables get a spatial index, as export's do.
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = 'public' AND indexdef LIKE '%USING gist%'"),
            "3");

  // Again without --overwrite: refused, naming the tables; nothing changed.
  ASSERT_EQ(
      scalar("DELETE FROM public.\\\"" + expected.begin()->first + "\\\" WHERE ctid IN (SELECT ctid FROM public.\\\"" +
             expected.begin()->first + "\\\" LIMIT 1); SELECT 1"),
      "1");
  const auto again = test::runCommand(exe + " cluster --eps 5km --min-points 3 --out " + pg);
  EXPECT_EQ(again.exitCode, 2) << again.output;
  EXPECT_NE(again.output.find("pass --overwrite"), std::string::npos) << again.output;
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM public.\\\"" + expected.begin()->first + "\\\""),
            std::to_string(expected.begin()->second - 1));

  // With --overwrite: the tables are replaced in full, and the planner's own table is untouched.
  const auto replaced = test::runCommand(exe + " cluster --eps 5km --min-points 3 --overwrite --out " + pg);
  ASSERT_EQ(replaced.exitCode, 0) << replaced.output;
  for (const auto& [name, count] : expected) {
    EXPECT_EQ(scalar("SELECT COUNT(*) FROM public.\\\"" + name + "\\\""), std::to_string(count)) << name;
  }
  EXPECT_EQ(scalar("SELECT id FROM planners_notes"), "7");
}

TEST_F(PostgisCommandOutput, ASingleLayerCommandWritesItsTable) {
  const std::string exe = CIRCATLAS_EXE;
  const auto r = test::runCommand(exe + " whatif --out '" + server_->connection() + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(scalar("SELECT COUNT(*) FROM public.whatif"), "0");
}

TEST_F(PostgisCommandOutput, SchemaTakesTheTablesAndLayerStylesGiveQgisTheirDeclaredStyles) {
  const std::string exe = CIRCATLAS_EXE;
  const auto r = test::runCommand(exe + " partners --out '" + server_->connection() + "' --schema planning");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(scalar("SELECT COUNT(*) FROM planning.partner_candidates"), "0");
  EXPECT_EQ(scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_name = "
                   "'partner_candidates'"),
            "0");
  // The row QGIS's PostgreSQL provider looks up for the candidates: the partner-links style
  // (classified by material), as export writes it and as the viewer draws them.
  EXPECT_EQ(scalar("SELECT f_table_catalog || '|' || f_table_schema || '|' || useasdefault FROM public.layer_styles "
                   "WHERE f_table_name = 'partner_candidates'"),
            "bureau|planning|true");
  EXPECT_EQ(scalar("SELECT xpath_exists('//renderer-v2[@type=''categorizedSymbol'' or @type=''RuleRenderer'']', "
                   "styleqml::xml) FROM public.layer_styles WHERE f_table_name = 'partner_candidates'"),
            "t");
}

TEST_F(PostgisCommandOutput, SchemaWithAFileTargetIsRefusedBeforeTheWork) {
  const std::string exe = CIRCATLAS_EXE;
  test::TempDir dir;
  const std::string gpkg = (dir / "c.gpkg").string();
  const auto r = test::runCommand(exe + " cluster --out '" + gpkg + "' --schema planning");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find("--schema planning: applies to a PostgreSQL --out (PG:…) only, not " + gpkg),
            std::string::npos)
      << r.output;
  EXPECT_FALSE(std::filesystem::exists(gpkg));
}

}  // namespace
}  // namespace circatlas::io
