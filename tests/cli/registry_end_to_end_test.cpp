// Issue 16's acceptance test: a planner's own registry, as it comes, through validate, cluster, partners,
// allocate, figure and export with the circatlas program. Six real-shaped registries: an XLSX sheet with a
// title row and Chinese headers, a GBK CSV, an address-only sheet placed by the township gazetteer and
// county seats, a registry in Germany on its own districts, a GeoPackage in CGCS2000 with industry names
// instead of codes, and a table of a real PostgreSQL + PostGIS. None has an id, source or precision column.
// The export is read back with GDAL and must hold exactly the user's records: every enterprise of the
// registry under its derived id, and no id or name of the built-in catalogue anywhere.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/cli_test_support.h"
#include "cli/german_registry.h"
#include "core/layer.h"
#include "io/csv_reader.h"
#include "io/layer_writer.h"
#include "io/postgis_fixture.h"
#include "registry_sheets.h"
#include "test_support.h"

namespace circatlas {
namespace {

using test::Cells;
using test::in;
using test::TempDir;
using test::writeFile;

// One layer of a GeoPackage as GDAL reads it: every set field of every feature as text.
using Rows = std::vector<std::map<std::string, std::string>>;

// Every layer (and attribute table) of a GeoPackage, read with GDAL rather than circatlas's reader.
std::map<std::string, Rows> readGeoPackage(const std::filesystem::path& path) {
  GDALAllRegister();
  std::map<std::string, Rows> out;
  GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  if (!ds) {
    ADD_FAILURE() << path << ": GDAL cannot open it";
    return out;
  }
  for (OGRLayer* layer : ds->GetLayers()) {
    Rows& rows = out[layer->GetName()];
    for (const auto& f : *layer) {
      auto& row = rows.emplace_back();
      for (int i = 0; i < f->GetFieldCount(); ++i) {
        if (f->IsFieldSetAndNotNull(i)) row[f->GetFieldDefnRef(i)->GetNameRef()] = f->GetFieldAsString(i);
      }
    }
  }
  return out;
}

std::vector<std::string> column(const Rows& rows, const std::string& field) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.count(field) ? r.at(field) : "");
  return out;
}

// The ids and names of the built-in catalogue's enterprises, parks, projects and mining bases.
const std::set<std::string>& builtinRecords() {
  static const std::set<std::string> records = [] {
    std::set<std::string> s;
    const std::filesystem::path dir = std::filesystem::path(CIRCATLAS_BUILTIN_DATA_DIR) / "catalogue";
    for (const char* table : {"enterprises", "parks", "projects", "mining_bases"}) {
      const core::TextTable t = io::readCsvTable((dir / (std::string(table) + ".csv")).string());
      for (const char* field : {"id", "name_zh", "name_en"}) {
        const auto c = t.column(field);
        if (!c) continue;
        for (const auto& row : t.rows) {
          if (row.cells[*c] && !row.cells[*c]->empty()) s.insert(std::string(*row.cells[*c]));
        }
      }
    }
    return s;
  }();
  return records;
}

// What a registry is and what each command must make of it.
struct Registry {
  std::string source;                     ///< after --registry (and as validate's PATH), quoted
  std::string readOptions;                ///< --layer, --field … for every command
  std::string regionOptions;              ///< --boundaries … for the commands that take them
  std::string origin;                     ///< how the commands name the registry ("Registry: …")
  int validateExit = 0;                   ///< 3 when a row cannot be placed (an error to fix, listed)
  std::vector<std::string> validateSays;  ///< fragments of validate's report
  std::vector<std::string> ids;           ///< every row's derived id, in order
  std::vector<std::string> names;         ///< every row's name, in order
  std::string clusterArgs;                ///< --eps and --min-points
  std::string clusterSays;                ///< the summary line
  std::string supplier;                   ///< the id of the row stating fly ash
  std::string receiver;                   ///< the id of its best partner for fly ash
  std::optional<double> matchedTonnes;    ///< fly ash moved in the optimal allocation
  std::vector<std::string> allocateSays;  ///< fragments of allocate's report
  std::vector<std::string> figureSays;    ///< fragments of figure's report
  std::string figureLang = "en";          ///< the figure's language
  std::size_t unplaced = 0;               ///< rows without a location
};

// Runs the six commands on `r` in `dir` and checks each result against the registry's own records.
void throughEveryCommand(const TempDir& dir, const Registry& r) {
  const std::string reg = " --registry " + r.source + " " + r.readOptions;
  const std::set<std::string> ids(r.ids.begin(), r.ids.end());

  // validate: every row read and checked; nothing an error but a row that cannot be placed.
  const auto valid = in(dir, "validate " + r.source + " " + r.readOptions);
  EXPECT_EQ(valid.exitCode, r.validateExit) << valid.output;
  EXPECT_OUTPUT_HAS(valid, std::to_string(r.ids.size()) + " rows read");
  if (r.validateExit == 0) {
    EXPECT_OUTPUT_HAS(valid, std::to_string(r.ids.size()) + " rows checked, 0 error(s)");
  }
  for (const auto& s : r.validateSays) EXPECT_OUTPUT_HAS(valid, s);

  // cluster: the registry's located rows, under their ids and names.
  const auto cluster = in(dir, "cluster " + r.clusterArgs + reg + " " + r.regionOptions + " --out clusters.gpkg");
  ASSERT_EQ(cluster.exitCode, 0) << cluster.output;
  EXPECT_OUTPUT_HAS(cluster, "Registry: " + r.origin + " (enterprises");
  EXPECT_OUTPUT_HAS(cluster, r.clusterSays);
  const auto clusters = readGeoPackage(dir / "clusters.gpkg");
  ASSERT_TRUE(clusters.count("cluster_members"));
  EXPECT_EQ(column(clusters.at("cluster_members"), "id"), r.ids);  // every row, none dropped, none added

  // partners: the supplier's fly ash goes first to the partner a planner would name.
  const auto partners =
      in(dir, "partners --enterprise " + r.supplier + " --material FLY_ASH --lang en" + reg + " --out partners.gpkg");
  ASSERT_EQ(partners.exitCode, 0) << partners.output;
  EXPECT_OUTPUT_HAS(partners, "Registry: " + r.origin + " (enterprises");
  const auto candidates = readGeoPackage(dir / "partners.gpkg");
  ASSERT_TRUE(candidates.count("partner_candidates"));
  const Rows& links = candidates.at("partner_candidates");
  ASSERT_FALSE(links.empty()) << partners.output;
  EXPECT_EQ(links.front().at("rank"), "1");
  EXPECT_EQ(links.front().at("receiver_id"), r.receiver) << partners.output;
  for (const auto& link : links) {
    EXPECT_EQ(link.at("supplier_id"), r.supplier);
    EXPECT_TRUE(ids.count(link.at("receiver_id"))) << link.at("receiver_id");
  }

  // allocate: the stated fly ash moved to that partner, and nothing else invented.
  const auto allocate = in(dir, "allocate" + reg + " " + r.regionOptions + " --out allocation.gpkg");
  ASSERT_EQ(allocate.exitCode, 0) << allocate.output;
  EXPECT_OUTPUT_HAS(allocate, "Registry: " + r.origin + " (enterprises");
  for (const auto& s : r.allocateSays) EXPECT_OUTPUT_HAS(allocate, s);
  const auto allocation = readGeoPackage(dir / "allocation.gpkg");
  ASSERT_TRUE(allocation.count("allocation_optimal"));
  const Rows& optimal = allocation.at("allocation_optimal");
  if (r.matchedTonnes) {
    double flyAsh = 0;
    for (const auto& x : optimal) {
      if (x.at("material") != "FLY_ASH") continue;
      EXPECT_EQ(x.at("supplier_id"), r.supplier);
      EXPECT_EQ(x.at("receiver_id"), r.receiver);
      flyAsh += std::stod(x.at("quantity"));
    }
    EXPECT_NEAR(flyAsh, *r.matchedTonnes, 1e-6) << allocate.output;
  }
  for (const auto& x : optimal) {
    EXPECT_TRUE(ids.count(x.at("supplier_id"))) << x.at("supplier_id");
    EXPECT_TRUE(ids.count(x.at("receiver_id"))) << x.at("receiver_id");
  }

  // figure: framed on the registry, every row with a location counted.
  const auto figure = in(dir, "figure --preset enterprises --lang " + r.figureLang + " --dpi 40 --date 2026-12-05" +
                                  reg + " " + r.regionOptions + " --out figure.svg");
  ASSERT_EQ(figure.exitCode, 0) << figure.output;
  EXPECT_OUTPUT_HAS(figure, "Registry: " + r.origin + " (enterprises");
  for (const auto& s : r.figureSays) EXPECT_OUTPUT_HAS(figure, s);
  std::ifstream svgFile(dir / "figure.svg");
  std::stringstream svg;
  svg << svgFile.rdbuf();
  // The subtitle counts the rows with a location. SVG splits text into runs where the script changes,
  // so the English count is one run only after an ASCII registry name.
  const bool asciiOrigin = std::all_of(r.origin.begin(), r.origin.end(), [](char c) { return c >= 0; });
  if (r.figureLang == "en" && asciiOrigin) {
    const std::string located = std::to_string(r.ids.size() - r.unplaced) + " located enterprises";
    EXPECT_NE(svg.str().find(located), std::string::npos) << located;
  }

  // export: exactly the registry's enterprises, and nothing of the built-in catalogue in any layer.
  const auto exported = in(dir, "export" + reg + " " + r.regionOptions + " --out atlas.gpkg");
  ASSERT_EQ(exported.exitCode, 0) << exported.output;
  EXPECT_OUTPUT_HAS(exported, "Registry: " + r.origin + " (enterprises");
  const auto atlas = readGeoPackage(dir / "atlas.gpkg");
  ASSERT_TRUE(atlas.count("enterprises")) << exported.output;
  EXPECT_EQ(column(atlas.at("enterprises"), "id"), r.ids);
  EXPECT_EQ(column(atlas.at("enterprises"), "name_zh"), r.names);
  for (const char* builtinOnly : {"parks", "projects", "mining_base_areas", "overlay_parks", "overlay_projects"}) {
    EXPECT_FALSE(atlas.count(builtinOnly)) << builtinOnly << " exported for a registry that has none";
  }
  const std::set<std::string> referencing{"enterprise_id", "supplier_id", "receiver_id", "nearest_receiver_id",
                                          "host_enterprise_id"};
  for (const auto& [layer, rows] : atlas) {
    for (const auto& row : rows) {
      for (const auto& [field, value] : row) {
        EXPECT_FALSE(builtinRecords().count(value))
            << layer << "." << field << " = " << value << ": a record of the built-in catalogue";
        if (referencing.count(field) && !value.empty()) {
          EXPECT_TRUE(ids.count(value)) << layer << "." << field << " = " << value << ": not the registry's";
        }
      }
    }
  }
  for (const char* layer : {"cluster_members", "overlay_enterprises"}) {
    ASSERT_TRUE(atlas.count(layer)) << layer;
    for (const auto& id : column(atlas.at(layer), "id")) EXPECT_TRUE(ids.count(id)) << layer << ": " << id;
  }
}

// Four works in Lanzhou and Baiyin, the fly ash stated at the power plant, the cement works' capacity given:
// A (power), B (cement) and C (smelter) lie within 1 km of each other (A–B about 0.5 km, A–C 0.9 km, B–C
// 0.6 km), D some 70 km north-east. With eps 2 km and 3 points A, B and C are one cluster, D noise. B takes
// 0.15 t of fly ash per t of cement: 300 000 t a year at 2 Mt, more than A's 120 000 t.
const std::vector<Cells> kLanzhouRows = {
    {"序号", "名称", "统一社会信用代码", "经度", "纬度", "行业代码", "产能", "产能单位", "固废名称", "产生量（万吨）"},
    {"1", "兰州甲热电厂", "91620100MA71ABCD1X", "103.800", "36.060", "4411", "", "", "粉煤灰", "12"},
    {"2", "兰州乙水泥厂", "", "103.805", "36.062", "3011", "2", "Mt/a cement", "", ""},
    {"3", "兰州丙冶炼厂", "", "103.810", "36.058", "3212", "", "", "", ""},
    {"4", "白银丁化工厂", "", "104.300", "36.500", "2614", "", "", "", ""},
};
const std::vector<std::string> kLanzhouNames = {"兰州甲热电厂", "兰州乙水泥厂", "兰州丙冶炼厂", "白银丁化工厂"};

TEST(RegistryEndToEnd, AnXlsxSheetWithATitleRowAndChineseHeaders) {
  TempDir dir;
  std::vector<Cells> rows = {{"2023年兰州市重点工业企业名录", "", "", "", "", "", "", "", "", ""}};
  rows.insert(rows.end(), kLanzhouRows.begin(), kLanzhouRows.end());
  test::writeSheet(dir / "reg.xlsx", "XLSX", "企业名录", rows, {});
  Registry r;
  r.source = "reg.xlsx";
  // Ids: the credit code, else R + the sheet row (title 1, header 2, data from 3).
  r.ids = {"91620100MA71ABCD1X", "R4", "R5", "R6"};
  r.names = kLanzhouNames;
  r.validateSays = {"reg.xlsx, sheet 企业名录: 4 rows read", "4 rows in Gansu, 0 outside, 0 without a location"};
  r.clusterArgs = "--eps 2km --min-points 3";
  r.clusterSays = "1 cluster(s), 1 of 4 enterprises are noise";
  r.supplier = "91620100MA71ABCD1X";
  r.receiver = "R4";
  r.matchedTonnes = 120000.0;
  r.origin = "reg.xlsx, sheet 企业名录";
  // The sheet's name is set off from the title it starts.
  r.figureLang = "zh";
  r.figureSays = {"(reg.xlsx, sheet 企业名录：循环经济企业与资源综合利用项目;"};
  throughEveryCommand(dir, r);
}

TEST(RegistryEndToEnd, AGbkCsvWithChineseHeaders) {
  TempDir dir;
  // Jiayuguan: a power plant stating 50 000 t of fly ash, a cement works of 1 Mt (150 000 t of fly ash
  // wanted) and a steelworks within 1 km of each other; a chemical works in Jiuquan 22 km east.
  const std::vector<Cells> rows = {
      {"名称", "经度", "纬度", "行业代码", "产能", "产能单位", "固废名称", "产生量（吨）"},
      {"嘉峪关甲电厂", "98.2570", "39.8040", "4411", "", "", "粉煤灰", "50000"},
      {"嘉峪关乙水泥厂", "98.2650", "39.8080", "3011", "1", "Mt/a cement", "", ""},
      {"嘉峪关丙钢厂", "98.2600", "39.8100", "3120", "", "", "", ""},
      {"酒泉丁化工厂", "98.5000", "39.7300", "2614", "", "", "", ""},
  };
  writeFile(dir / "reg.csv", test::toGb18030(test::csvText(rows)));
  Registry r;
  r.source = "reg.csv";
  r.origin = "reg.csv";
  r.ids = {"R2", "R3", "R4", "R5"};  // R + the CSV line
  r.names = {"嘉峪关甲电厂", "嘉峪关乙水泥厂", "嘉峪关丙钢厂", "酒泉丁化工厂"};
  r.validateSays = {"reg.csv: 4 rows read", "4 rows in Gansu, 0 outside, 0 without a location"};
  r.clusterArgs = "--eps 2km --min-points 3";
  r.clusterSays = "1 cluster(s), 1 of 4 enterprises are noise";
  r.supplier = "R2";
  r.receiver = "R3";
  r.matchedTonnes = 50000.0;
  throughEveryCommand(dir, r);
}

TEST(RegistryEndToEnd, AnAddressOnlySheetPlacedAtTownshipCentresAndCountySeats) {
  TempDir dir;
  // No coordinates: three works in 海石湾镇 (one township centre), one in 窑街街道 9 km north, one
  // named by its county only (永昌县: the county seat) and one that cannot be placed, kept all the same.
  const std::vector<Cells> rows = {
      {"单位名称", "详细地址", "所属区县", "行业代码", "产能", "产能单位", "固废名称", "产生量（万吨）"},
      {"海石湾某热电厂", "甘肃省兰州市红古区海石湾镇工业园", "", "4411", "", "", "粉煤灰", "5"},
      {"海石湾某水泥厂", "红古区海石湾镇建材路3号", "", "3011", "1", "Mt/a cement", "", ""},
      {"海石湾某砖厂", "海石湾镇砖瓦路7号", "红古区", "3031", "", "", "", ""},
      {"窑街某化工厂", "红古区窑街街道", "", "2614", "", "", "", ""},
      {"永昌某冶炼厂", "工业园区", "永昌县", "3211", "", "", "", ""},
      {"某某公司", "某路12号", "", "2614", "", "", "", ""},
  };
  test::writeSheet(dir / "addresses.xlsx", "XLSX", "名录", rows, {});
  Registry r;
  r.source = "addresses.xlsx";
  r.origin = "addresses.xlsx, sheet 名录";
  r.ids = {"R2", "R3", "R4", "R5", "R6", "R7"};
  r.names = {"海石湾某热电厂", "海石湾某水泥厂", "海石湾某砖厂", "窑街某化工厂", "永昌某冶炼厂", "某某公司"};
  // The row that cannot be placed is listed with the reason, and is an error to fix.
  r.validateExit = 3;
  r.validateSays = {"placed, line 2: 海石湾某热电厂 at 海石湾镇 (红古区) (township_centre)",
                    "placed, line 6: 永昌某冶炼厂 at ",
                    "(county_seat",
                    "NOT placed, line 7: 某某公司: ",
                    "5 rows in Gansu, 0 outside, 1 without a location",
                    "addresses.xlsx:7:lon: error: required value is missing",
                    "6 rows checked, 2 error(s)"};
  r.clusterArgs = "--eps 2km --min-points 3";
  r.clusterSays = "1 cluster(s), 2 of 5 located enterprises are noise, 1 without a location are in none";
  r.unplaced = 1;
  r.supplier = "R2";
  r.receiver = "R3";
  r.matchedTonnes = 50000.0;
  throughEveryCommand(dir, r);
}

TEST(RegistryEndToEnd, ARegistryInGermanyOnItsOwnDistricts) {
  TempDir dir;
  writeFile(dir / "reg.csv", test::kGermanRegistry);
  writeFile(dir / "kreise.geojson", test::kreise());
  Registry r;
  r.source = "reg.csv";
  r.origin = "reg.csv";
  r.regionOptions = "--boundaries kreise.geojson";
  r.ids = {"R2", "R3", "R4", "R5", "R6"};
  r.names = {"Zementwerk", "Kraftwerk", "Ziegelei", "Chemiepark", "Kupferhuette"};
  r.validateSays = {"0 rows in Gansu, 5 outside, 0 without a location"};
  // The works at 10.2, 10.5 and 10.8° E lie about 40 km apart along a diagonal; the others farther.
  r.clusterArgs = "--eps 45km --min-points 3";
  r.clusterSays = "1 cluster(s), 2 of 5 enterprises are noise";
  r.supplier = "R3";
  r.receiver = "R4";  // the brickworks, 51 km by road, before the cement works at 52 km
  r.allocateSays = {"are not applied: the registry lies outside Gansu", "Per unit of --boundaries"};
  r.figureSays = {"layers of Gansu's base map left out: the figure draws --boundaries kreise.geojson"};
  throughEveryCommand(dir, r);
}

TEST(RegistryEndToEnd, AGeoPackageInCgcs2000WithIndustryNames) {
  TempDir dir;
  // Jinchang: a power plant stating 3 万吨 of fly ash, a cement works of 1 Mt and a nickel smelter within
  // 2 km of each other, a chemical works in Yongchang 35 km away; industries named, not coded.
  core::Layer layer("企业", "EPSG:4490", core::GeometryType::Point,
                    core::Schema({{"企业名称", core::FieldType::String},
                                  {"行业类别", core::FieldType::String},
                                  {"产能", core::FieldType::Real},
                                  {"产能单位", core::FieldType::String},
                                  {"固废名称", core::FieldType::String},
                                  {"产生量（万吨）", core::FieldType::Real}}));
  const auto add = [&](std::int64_t id, const char* name, const char* industry, core::Value capacity, core::Value unit,
                       core::Value material, core::Value tonnes, double lon, double lat) {
    layer.add({core::FeatureId(id),
               core::Geometry::point({lon, lat}),
               {std::string(name), std::string(industry), capacity, unit, material, tonnes}});
  };
  add(1, "金昌甲电厂", "火力发电", {}, {}, std::string("粉煤灰"), 3.0, 102.195, 38.515);
  add(2, "金昌乙水泥厂", "水泥制造", 1.0, std::string("Mt/a cement"), {}, {}, 102.180, 38.525);
  add(3, "金昌丙冶炼厂", "镍钴冶炼", {}, {}, {}, {}, 102.188, 38.520);
  add(4, "永昌丁化工厂", "有机化学原料制造", {}, {}, {}, {}, 101.970, 38.250);
  io::writeLayer(layer, (dir / "reg.gpkg").string());
  Registry r;
  r.source = "reg.gpkg";
  r.origin = "reg.gpkg";
  r.ids = {"R1", "R2", "R3", "R4"};
  r.names = {"金昌甲电厂", "金昌乙水泥厂", "金昌丙冶炼厂", "永昌丁化工厂"};
  r.validateSays = {"industry '火力发电' → 4411", "industry '水泥制造' → 3011",
                    "4 rows in Gansu, 0 outside, 0 without a location"};
  r.clusterArgs = "--eps 2km --min-points 3";
  r.clusterSays = "1 cluster(s), 1 of 4 enterprises are noise";
  r.supplier = "R1";
  r.receiver = "R2";
  r.matchedTonnes = 30000.0;
  throughEveryCommand(dir, r);
}

class RegistryEndToEndPostgis : public test::PostgisSuite {};

TEST_F(RegistryEndToEndPostgis, ATableOfAPostgisDatabase) {
  // The bureau's table as its database holds it, written by SQL: the Lanzhou works of the XLSX test.
  std::string sql =
      "CREATE TABLE reg (gid serial PRIMARY KEY, \\\"名称\\\" text, \\\"行业代码\\\" text, \\\"产能\\\" double "
      "precision, "
      "\\\"产能单位\\\" text, \\\"固废名称\\\" text, \\\"产生量（万吨）\\\" double precision, geom geometry(Point, "
      "4326));";
  for (std::size_t i = 1; i < kLanzhouRows.size(); ++i) {
    const Cells& c = kLanzhouRows[i];
    const auto textOrNull = [](const std::string& v) { return v.empty() ? std::string("NULL") : "'" + v + "'"; };
    const auto numberOrNull = [](const std::string& v) { return v.empty() ? std::string("NULL") : v; };
    sql +=
        " INSERT INTO reg (\\\"名称\\\", \\\"行业代码\\\", \\\"产能\\\", \\\"产能单位\\\", \\\"固废名称\\\", "
        "\\\"产生量（万吨）\\\", geom) VALUES (" +
        textOrNull(c[1]) + ", " + textOrNull(c[5]) + ", " + numberOrNull(c[6]) + ", " + textOrNull(c[7]) + ", " +
        textOrNull(c[8]) + ", " + numberOrNull(c[9]) + ", ST_SetSRID(ST_MakePoint(" + c[3] + ", " + c[4] + "), 4326));";
  }
  const auto created = server_->psql("bureau", sql);
  ASSERT_EQ(created.exitCode, 0) << created.output;
  TempDir dir;
  Registry r;
  r.source = "'" + server_->connection() + "'";
  r.readOptions = "--layer reg";
  r.origin = server_->connection() + ", layer reg";
  r.ids = {"R1", "R2", "R3", "R4"};
  r.names = kLanzhouNames;
  r.validateSays = {"4 rows in Gansu, 0 outside, 0 without a location"};
  r.clusterArgs = "--eps 2km --min-points 3";
  r.clusterSays = "1 cluster(s), 1 of 4 enterprises are noise";
  r.supplier = "R1";
  r.receiver = "R2";
  r.matchedTonnes = 120000.0;
  throughEveryCommand(dir, r);
}

}  // namespace
}  // namespace circatlas
