// Export into a real PostgreSQL + PostGIS started for the test: one transaction, GiST indexes, QGIS's layer_styles,
// concurrent planners.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/progress.h"
#include "io/export_writer.h"
#include "io/layer_reader.h"
#include "io/postgis_fixture.h"
#include "test_support.h"

namespace circatlas::io {
namespace {

namespace fs = std::filesystem;

core::Layer parks() {
  core::Layer layer("parks", "EPSG:4326", core::GeometryType::Point,
                    core::Schema({{"id", core::FieldType::String},
                                  {"name_zh", core::FieldType::String},
                                  {"industry_code", core::FieldType::String},
                                  {"approved", core::FieldType::Date}}));
  layer.add({core::FeatureId(1),
             core::Geometry::point({102.18, 38.52}),
             {std::string("P001"), std::string("金昌经济技术开发区"), std::string("4411"),
              core::DateTime{2012, 5, 17, 0, 0, 0.0, std::nullopt}}});
  layer.add({core::FeatureId(2),
             core::Geometry::point({102.08, 38.37}),
             {std::string("P002"), std::string("河西堡化工循环经济产业园"), std::monostate{}, std::monostate{}}});
  return layer;
}

core::Layer flows() {
  core::Layer layer("flows", "", core::GeometryType::None,
                    core::Schema({{"enterprise_id", core::FieldType::String}, {"quantity", core::FieldType::Real}}));
  layer.add({core::FeatureId(1), {}, {std::string("E001"), 1.5e6}});
  return layer;
}

LayerStyleDocument style(const std::string& name) {
  return {name,
          "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'><qgis><renderer-v2 type=\"singleSymbol\"/></qgis>",
          "<StyledLayerDescriptor/>", "style " + name};
}

class PostgisExport : public test::PostgisSuite {
 protected:
  static std::vector<std::string> rows(const std::string& sql) {
    const auto r = server_->psql("bureau", sql);
    EXPECT_EQ(r.exitCode, 0) << sql << "\n" << r.output;
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < r.output.size()) {
      const std::size_t end = r.output.find('\n', start);
      out.push_back(r.output.substr(start, end - start));
      if (end == std::string::npos) break;
      start = end + 1;
    }
    return out;
  }

  core::Layer parks_ = parks();
  core::Layer flows_ = flows();
  std::vector<ExportLayer> layers() const {
    return {{&parks_, "Parks 园区", {}, style("parks")}, {&flows_, "Flows", {}, std::nullopt}};
  }
};

TEST_F(PostgisExport, TablesWithGistIndexesAndStylesQgisReadsInTheSchema) {
  ExportWriteOptions options;
  options.schema = "atlas";
  const ExportReport report = writeExport(layers(), server_->connection(), options);
  EXPECT_EQ(report.driver, "PostgreSQL");
  EXPECT_EQ(report.layers, 2U);
  EXPECT_EQ(rows("SELECT name_zh FROM atlas.parks ORDER BY id"),
            (std::vector<std::string>{"金昌经济技术开发区", "河西堡化工循环经济产业园"}));
  EXPECT_EQ(rows("SELECT approved FROM atlas.parks ORDER BY id"), (std::vector<std::string>{"2012-05-17", ""}));
  EXPECT_EQ(
      rows("SELECT data_type FROM information_schema.columns WHERE table_schema = 'atlas' AND table_name = 'parks' "
           "AND column_name = 'approved'"),
      (std::vector<std::string>{"date"}));
  EXPECT_EQ(rows("SELECT ST_SRID(geom) || ' ' || ST_AsText(geom) FROM atlas.parks ORDER BY id LIMIT 1"),
            (std::vector<std::string>{"4326 POINT(102.18 38.52)"}));
  EXPECT_EQ(rows("SELECT COUNT(*) FROM atlas.flows"), (std::vector<std::string>{"1"}));
  EXPECT_EQ(rows("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = 'atlas' AND tablename = 'parks' AND indexdef LIKE "
                 "'%USING gist%'"),
            (std::vector<std::string>{"1"}));
  // The row QGIS's PostgreSQL provider looks up: catalog, schema, table and geometry column filled.
  EXPECT_EQ(rows("SELECT f_table_catalog || '|' || f_table_schema || '|' || f_table_name || '|' || f_geometry_column "
                 "|| '|' || "
                 "stylename || '|' || useasdefault || '|' || type FROM public.layer_styles ORDER BY id"),
            (std::vector<std::string>{"bureau|atlas|parks|geom|parks|true|Point"}));
  EXPECT_EQ(rows("SELECT xpath_exists('/qgis/renderer-v2', styleqml) FROM public.layer_styles"),
            (std::vector<std::string>{"t"}));
  // GDAL reads it back as any other source.
  const core::Layer back = readLayer(server_->connection(), {.layer = "atlas.parks", .sql = std::nullopt});
  EXPECT_EQ(back.size(), 2U);
}

TEST_F(PostgisExport, ExistingTablesAreReplacedOnlyWithOverwriteAndOthersNeverTouched) {
  ASSERT_EQ(server_
                ->psql("bureau",
                       "CREATE SCHEMA mine; CREATE TABLE mine.notes (t text); INSERT INTO mine.notes VALUES ('keep')")
                .exitCode,
            0);
  ExportWriteOptions options;
  options.schema = "mine";
  writeExport(layers(), server_->connection(), options);
  try {
    writeExport(layers(), server_->connection(), options);
    ADD_FAILURE() << "existing tables replaced without --overwrite";
  } catch (const core::ParameterError& e) {
    EXPECT_NE(std::string(e.what()).find("flows, parks exist"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("--overwrite"), std::string::npos) << e.what();
  }
  parks_.add({core::FeatureId(3),
              core::Geometry::point({103.0, 36.0}),
              {std::string("P003"), std::string("新"), std::monostate{}, std::monostate{}}});
  options.existing = ExistingTarget::Overwrite;
  writeExport(layers(), server_->connection(), options);
  EXPECT_EQ(rows("SELECT COUNT(*) FROM mine.parks"), (std::vector<std::string>{"3"}));
  EXPECT_EQ(rows("SELECT t FROM mine.notes"), (std::vector<std::string>{"keep"}));
  EXPECT_EQ(rows("SELECT COUNT(*) FROM public.layer_styles WHERE f_table_schema = 'mine' AND f_table_name = 'parks'"),
            (std::vector<std::string>{"1"}));
}

/// Cancels once the first chunk of features has been written.
class CancelAfterFirstChunk : public core::Progress {
 public:
  void report(double, std::string_view) override { ++reports_; }
  [[nodiscard]] bool cancelled() const override { return reports_ > 0; }

 private:
  int reports_ = 0;
};

TEST_F(PostgisExport, ACancelledExportLeavesTheDatabaseAsItWas) {
  ExportWriteOptions options;
  options.schema = "cancelled";
  options.featuresPerTransaction = 1;
  CancelAfterFirstChunk cancel;
  options.progress = &cancel;
  EXPECT_THROW(writeExport(layers(), server_->connection(), options), core::Cancelled);
  EXPECT_EQ(rows("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'cancelled'"),
            (std::vector<std::string>{"0"}));
  EXPECT_EQ(rows("SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = 'cancelled'"), rows("SELECT 0"));
  EXPECT_EQ(
      rows("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = 'layer_styles'") == rows("SELECT 0") ||
          rows("SELECT COUNT(*) FROM public.layer_styles WHERE f_table_schema = 'cancelled'") == rows("SELECT 0"),
      true);
}

TEST_F(PostgisExport, TwoPlannersExportingAtOnceBothFinishComplete) {
  // Two circatlas processes into one database at once: one schema each, and both into a shared
  // one with different layers; every table complete and every style row there afterwards.
  const std::string exe = CIRCATLAS_EXE;
  const std::string pg = server_->connection();
  auto command = [&](const std::string& layers, const std::string& schema, const std::string& log) {
    return "(" + exe + " export --results none --layers " + layers + " --schema " + schema + " --out '" + pg + "' > '" +
           log + "' 2>&1; echo $? >> '" + log + "')";
  };
  test::TempDir dir;
  const std::string a = (dir / "a.log").string(), b = (dir / "b.log").string(), c = (dir / "c.log").string();
  const auto r = test::runCommand(command("parks,counties,enterprises", "alice", a) + " & " +
                                  command("parks,counties,enterprises", "bob", b) + " & " +
                                  command("prefectures,projects", "alice", c) + " & wait");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  for (const auto& log : {a, b, c}) {
    const auto text = test::runCommand("cat '" + log + "'").output;
    EXPECT_NE(text.find("\n0\n"), std::string::npos) << text;
  }
  EXPECT_EQ(rows("SELECT COUNT(*) FROM alice.counties"), rows("SELECT COUNT(*) FROM bob.counties"));
  EXPECT_EQ(rows("SELECT COUNT(*) > 80 FROM alice.counties"), rows("SELECT true"));
  EXPECT_EQ(rows("SELECT COUNT(*) FROM public.layer_styles WHERE f_table_schema = 'alice'"), rows("SELECT 5"));
  EXPECT_EQ(rows("SELECT COUNT(*) FROM public.layer_styles WHERE f_table_schema = 'bob'"), rows("SELECT 3"));
  EXPECT_EQ(rows("SELECT COUNT(*) FROM alice.prefectures"), rows("SELECT 14"));
}

}  // namespace
}  // namespace circatlas::io
