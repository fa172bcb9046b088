// Planners' registries as the bureau hands them out (XLSX, ODS, GBK CSV, an address-only sheet, a
// GeoPackage in another country), read into catalogue form; derived counties checked against the
// base map by GDAL/GEOS point in polygon, independently of circatlas's own index.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/data_paths.h"
#include "core/error.h"
#include "io/csv_reader.h"
#include "io/registry_file.h"
#include "registry_sheets.h"
#include "test_support.h"

namespace circatlas {
namespace {

using test::Cells;
using test::toGb18030;
using test::writeSheet;

// The county of the base map containing the point, by GDAL/GEOS (OGRGeometry::Contains).
std::optional<std::string> countyByOgr(double lon, double lat) {
  GDALAllRegister();
  static GDALDatasetUniquePtr ds(
      GDALDataset::Open(core::DataPaths::fromEnvironment().basemap().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
  OGRLayer* counties = ds->GetLayerByName("counties");
  OGRPoint p(lon, lat);
  counties->SetSpatialFilter(&p);
  counties->ResetReading();
  std::optional<std::string> found;
  for (auto& f : *counties) {
    if (f->GetGeometryRef()->Contains(&p)) found = f->GetFieldAsString("code");
  }
  counties->SetSpatialFilter(nullptr);
  return found;
}

std::string cell(const core::TextTable& t, std::size_t row, std::string_view field) {
  const auto c = t.column(field);
  if (!c) return "<no column " + std::string(field) + ">";
  return core::text(t.rows.at(row).cells.at(*c));
}

// Lanzhou city government (城关区), Jinchuan's works in Jinchang (金川区), a Jiayuguan steelworks
// site, and Tianshui's 麦积区: points anyone can check on a map.
const std::vector<Cells> kSheet = {
    {"序号", "企业名称", "统一社会信用代码", "经度", "纬度", "行业类别", "所属区县", "产生量（万吨）", "联系人"},
    {"1", "兰州某化工有限公司", "91620100MA71ABCD1X", "103.8343", "36.0611", "有机化学原料制造", "城关区", "1.5",
     "张三"},
    {"2", "金川某冶炼厂", "", "102.1880", "38.5200", "C3211", "金川区", "", "李四"},
    {"3", "嘉峪关某钢厂", "91620200MA72XYZW3K", "98.2570", "39.8040", "炼钢", "", "12", ""},
    {"4", "天水某水泥厂", "", "105.8970", "34.5630", "水泥", "麦积区", "0.8", ""},
};

TEST(RegistryFile, XlsxWithChineseHeadersAndATitleRowIsReadIntoCatalogueForm) {
  test::TempDir dir;
  std::vector<Cells> rows = {{"2023年重点工业企业名录", "", "", "", "", "", "", "", ""}};
  rows.insert(rows.end(), kSheet.begin(), kSheet.end());
  // A title row above the header, as bureau sheets often have: the header is found below it.
  const auto path = dir / "reg.xlsx";
  writeSheet(path, "XLSX", "企业名录", rows, {});
  catalogue::RegistrySource source;
  source.path = path.string();
  const auto reg = io::readRegistryFile(source, core::DataPaths::fromEnvironment());
  const auto& t = reg.enterprises;
  ASSERT_EQ(t.rows.size(), 4U);
  EXPECT_EQ(reg.report.sourceLabel, "reg.xlsx, sheet 企业名录");
  // Ids: the credit code, else R + the sheet row (title row 1 = GDAL's header, header 2, data 3…).
  EXPECT_EQ(cell(t, 0, "id"), "91620100MA71ABCD1X");
  EXPECT_EQ(cell(t, 1, "id"), "R" + std::to_string(t.rows[1].line));
  EXPECT_EQ(cell(t, 0, "name_zh"), "兰州某化工有限公司");
  EXPECT_EQ(cell(t, 0, "name_en"), "兰州某化工有限公司");
  EXPECT_EQ(cell(t, 0, "source"), "reg.xlsx, sheet 企业名录");
  EXPECT_EQ(cell(t, 0, "location_precision"), "as given");
  EXPECT_EQ(cell(t, 0, "status"), "none");
  EXPECT_EQ(cell(t, 0, "source_id"), "91620100MA71ABCD1X");
  // Industry text to GB/T 4754-2017 classes.
  EXPECT_EQ(cell(t, 0, "industry_code"), "2614");
  EXPECT_EQ(cell(t, 1, "industry_code"), "3211");
  EXPECT_EQ(cell(t, 2, "industry_code"), "3120");
  EXPECT_EQ(cell(t, 3, "industry_code"), "3011");
  ASSERT_EQ(reg.report.industries.size(), 4U);
  EXPECT_EQ(reg.report.industries[3].className, "水泥制造");
  // Counties by point in polygon agree with GDAL/GEOS and with the known geography.
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const double lon = std::stod(cell(t, r, "lon"));
    const double lat = std::stod(cell(t, r, "lat"));
    EXPECT_EQ(cell(t, r, "county_code"), countyByOgr(lon, lat).value_or("")) << "row " << r;
  }
  EXPECT_EQ(cell(t, 0, "county_code"), "620102");  // 城关区, Lanzhou
  EXPECT_EQ(cell(t, 0, "prefecture_code"), "620100");
  EXPECT_EQ(cell(t, 1, "prefecture_code"), "620300");  // Jinchang
  EXPECT_EQ(cell(t, 2, "prefecture_code"), "620200");  // Jiayuguan
  EXPECT_EQ(cell(t, 3, "prefecture_code"), "620500");  // Tianshui
  EXPECT_EQ(reg.report.rowsInGansu, 4U);
  // Quantities in 万吨 → t; columns no field took are reported, not carried.
  ASSERT_EQ(reg.quantities.size(), 3U);
  EXPECT_DOUBLE_EQ(*reg.quantities[0].generatedTonnes, 15000.0);
  EXPECT_DOUBLE_EQ(*reg.quantities[1].generatedTonnes, 120000.0);
  EXPECT_EQ(reg.report.ignoredColumns, (std::vector<std::string>{"序号", "联系人"}));
  EXPECT_FALSE(t.column("联系人"));
}

TEST(RegistryFile, OdsWithNumericCoordinateCellsIsReadLikeXlsx) {
  test::TempDir dir;
  const auto path = dir / "reg.ods";
  writeSheet(path, "ODS", "Sheet1", kSheet, {3, 4});
  catalogue::RegistrySource source;
  source.path = path.string();
  const auto reg = io::readRegistryFile(source, core::DataPaths::fromEnvironment());
  ASSERT_EQ(reg.enterprises.rows.size(), 4U);
  EXPECT_NEAR(std::stod(cell(reg.enterprises, 0, "lon")), 103.8343, 1e-9);
  EXPECT_EQ(cell(reg.enterprises, 0, "county_code"), "620102");
  EXPECT_EQ(cell(reg.enterprises, 0, "source"), "reg.ods, sheet Sheet1");
}

TEST(RegistryFile, GbkCsvWithChineseHeadersIsDetectedAndConverted) {
  test::TempDir dir;
  const auto path = test::writeFile(dir / "reg.csv", toGb18030(test::csvText(kSheet)));
  catalogue::RegistrySource source;
  source.path = path.string();
  const auto reg = io::readRegistryFile(source, core::DataPaths::fromEnvironment());
  ASSERT_EQ(reg.enterprises.rows.size(), 4U);
  EXPECT_EQ(cell(reg.enterprises, 1, "name_zh"), "金川某冶炼厂");
  EXPECT_EQ(cell(reg.enterprises, 1, "id"), "R3");  // CSV line 3
  EXPECT_EQ(cell(reg.enterprises, 1, "county_code"), "620302");
  EXPECT_EQ(cell(reg.enterprises, 0, "source"), "reg.csv");
  // Asked to read it as UTF-8 only, it is refused with the fix.
  source.encoding = "utf8";
  EXPECT_THROW((void)io::readRegistryFile(source, core::DataPaths::fromEnvironment()), core::InputError);
}

TEST(RegistryFile, AddressOnlySheetIsPlacedAtTownshipCentresOrCountySeatsAndNoRowIsDropped) {
  test::TempDir dir;
  const auto gazetteer =
      io::readCsvTable((core::DataPaths::fromEnvironment().dataDir() / "gazetteer" / "townships.csv").string());
  auto townshipRow = [&](const std::string& name, const std::string& county) -> std::size_t {
    for (std::size_t r = 0; r < gazetteer.rows.size(); ++r) {
      if (cell(gazetteer, r, "name") == name && (county.empty() || cell(gazetteer, r, "county") == county)) return r;
    }
    ADD_FAILURE() << name;
    return 0;
  };
  const std::vector<Cells> rows = {
      {"单位名称", "详细地址", "所属区县"},
      {"海石湾某厂", "甘肃省兰州市红古区海石湾镇工业园", ""},  // township in the address
      {"城关镇某厂", "城关镇东街8号", "永登县"},               // ambiguous township, county given
      {"城关镇某站", "城关镇东街9号", ""},                     // ambiguous, no county: unplaced
      {"永昌某厂", "工业园区", "永昌县"},                      // county only: county seat
      {"某某公司", "某路12号", ""},                            // nothing known: unplaced
  };
  const auto path = dir / "addresses.xlsx";
  writeSheet(path, "XLSX", "名录", rows);
  catalogue::RegistrySource source;
  source.path = path.string();
  const auto reg = io::readRegistryFile(source, core::DataPaths::fromEnvironment());
  const auto& t = reg.enterprises;
  ASSERT_EQ(t.rows.size(), 5U);  // every row kept
  const std::size_t haishiwan = townshipRow("海石湾镇", "");
  EXPECT_NEAR(std::stod(cell(t, 0, "lon")), std::stod(cell(gazetteer, haishiwan, "lon")), 1e-7);
  EXPECT_NEAR(std::stod(cell(t, 0, "lat")), std::stod(cell(gazetteer, haishiwan, "lat")), 1e-7);
  EXPECT_EQ(cell(t, 0, "county_code"), "620111");
  EXPECT_EQ(cell(t, 0, "location_precision"), "township_centre ±10 km");
  const std::size_t yongdeng = townshipRow("城关镇", "永登县");
  EXPECT_NEAR(std::stod(cell(t, 1, "lon")), std::stod(cell(gazetteer, yongdeng, "lon")), 1e-7);
  EXPECT_EQ(cell(t, 1, "county_code"), "620121");
  EXPECT_EQ(cell(t, 2, "lon"), "");
  EXPECT_EQ(cell(t, 2, "location_precision"), "not placed");
  EXPECT_EQ(cell(t, 3, "county_code"), "620321");  // 永昌县, Jinchang
  EXPECT_EQ(cell(t, 3, "location_precision").rfind("county_seat", 0), 0U);
  EXPECT_EQ(countyByOgr(std::stod(cell(t, 3, "lon")), std::stod(cell(t, 3, "lat"))), "620321");
  ASSERT_EQ(reg.report.placed.size(), 3U);
  ASSERT_EQ(reg.report.unplaced.size(), 2U);
  EXPECT_NE(reg.report.unplaced[0].reason.find("城关镇 is in "), std::string::npos) << reg.report.unplaced[0].reason;
  EXPECT_NE(reg.report.unplaced[0].reason.find("give the county"), std::string::npos);
  EXPECT_EQ(reg.report.unplaced[1].name, "某某公司");
}

TEST(RegistryFile, GeoPackageInGermanyInUtmIsReprojectedAndLiesOutsideGansu) {
  test::TempDir dir;
  const auto path = dir / "werke.gpkg";
  {
    GDALAllRegister();
    GDALDatasetUniquePtr ds(
        GetGDALDriverManager()->GetDriverByName("GPKG")->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference utm32;
    utm32.importFromEPSG(25832);  // ETRS89 / UTM 32N
    OGRLayer* layer = ds->CreateLayer("werke", &utm32, wkbPoint, nullptr);
    for (const char* name : {"Name", "Branche", "Adresse"}) {
      OGRFieldDefn f(name, OFTString);
      layer->CreateField(&f);
    }
    // Salzgitter steelworks and Hamburg's copper smelter (Aurubis), in UTM 32N metres.
    const struct {
      const char* name;
      const char* branche;
      double e, n;
    } sites[] = {{"Salzgitter Flachstahl", "steel", 600700, 5781900}, {"Aurubis Hamburg", "copper", 568600, 5933300}};
    for (const auto& s : sites) {
      OGRFeature feature(layer->GetLayerDefn());
      feature.SetField("Name", s.name);
      feature.SetField("Branche", s.branche);
      OGRPoint p(s.e, s.n);
      feature.SetGeometry(&p);
      ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
    }
  }
  catalogue::RegistrySource source;
  source.path = path.string();
  const auto reg = io::readRegistryFile(source, core::DataPaths::fromEnvironment());
  const auto& t = reg.enterprises;
  ASSERT_EQ(t.rows.size(), 2U);
  EXPECT_EQ(cell(t, 0, "name_en"), "Salzgitter Flachstahl");
  EXPECT_EQ(cell(t, 0, "name_zh"), "Salzgitter Flachstahl");
  // PROJ's ETRS89/UTM 32N inverse: Salzgitter lies near 10.47 °E 52.16 °N.
  EXPECT_NEAR(std::stod(cell(t, 0, "lon")), 10.47, 0.05);
  EXPECT_NEAR(std::stod(cell(t, 0, "lat")), 52.16, 0.05);
  EXPECT_EQ(cell(t, 0, "county_code"), "");
  EXPECT_EQ(cell(t, 0, "prefecture_code"), "");
  EXPECT_EQ(reg.report.rowsOutsideGansu, 2U);
  EXPECT_EQ(reg.report.rowsInGansu, 0U);
  EXPECT_EQ(reg.report.ignoredColumns, (std::vector<std::string>{"Branche", "Adresse"}));
}

TEST(RegistryFile, FieldOptionsWinAndTheSavedMappingReadsTheSameTable) {
  test::TempDir dir;
  const std::vector<Cells> rows = {{"厂名", "主营行业", "E", "N", "备注"},
                                   {"某电厂", "火力发电", "103.6228", "36.1289", "西固"}};
  const auto path = dir / "own.xlsx";
  writeSheet(path, "XLSX", "表1", rows);
  catalogue::RegistrySource source;
  source.path = path.string();
  EXPECT_THROW((void)io::readRegistryFile(source, core::DataPaths::fromEnvironment()),
               core::InputError);  // no name column recognised
  source.fields = {"name=厂名", "industry_name=主营行业"};
  source.lonField = "E";
  source.latField = "N";
  source.saveMapping = (dir / "own.mapping").string();
  const auto first = io::readRegistryFile(source, core::DataPaths::fromEnvironment());
  EXPECT_EQ(cell(first.enterprises, 0, "industry_code"), "4411");
  EXPECT_EQ(cell(first.enterprises, 0, "county_code"), "620104");  // 西固区
  EXPECT_EQ(cell(first.enterprises, 0, "notes"), "西固");
  // The saved file is never overwritten, and read back it gives the same table.
  EXPECT_THROW((void)io::readRegistryFile(source, core::DataPaths::fromEnvironment()), core::ParameterError);
  catalogue::RegistrySource again;
  again.path = path.string();
  again.mappingFile = (dir / "own.mapping").string();
  const auto second = io::readRegistryFile(again, core::DataPaths::fromEnvironment());
  EXPECT_EQ(second.enterprises.header, first.enterprises.header);
  EXPECT_EQ(second.enterprises.rows[0].cells, first.enterprises.rows[0].cells);
  // A requested column the sheet lacks is named.
  again.fields = {"address=地址"};
  try {
    (void)io::readRegistryFile(again, core::DataPaths::fromEnvironment());
    ADD_FAILURE();
  } catch (const core::ParameterError& e) {
    EXPECT_NE(std::string(e.what()).find("no column '地址'"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace circatlas
