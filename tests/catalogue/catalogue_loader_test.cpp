// Loading a registry: the built-in catalogue, a user's folder alone, and a folder with --with-builtin.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

#include "core/data_paths.h"
#include "core/error.h"
#include "geo/web_map_coords.h"
#include "test_support.h"
#include "tools/catalogue_inputs.h"

namespace circatlas::tools {
namespace {

// E008 has declared flows in the built-in catalogue; here it is a cement works with no flows of its own.
constexpr const char* kEnterprises =
    "id,name_zh,name_en,industry_code,park_id,status,lon,lat,county_code,prefecture_code,source,location_precision\n"
    "E008,水泥,Cement,3011,P001,none,103.6,36.1,,620100,test,test\n";

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// The loader with the data folders the tests run on (the environment's, as main reads them).
catalogue::Catalogue load(const CatalogueRequest& request) {
  return loadCatalogue(request, core::DataPaths::fromEnvironment());
}

CatalogueRequest requestFor(const std::filesystem::path& source, bool withBuiltin = false) {
  CatalogueRequest r;
  r.source.path = source.string();
  r.withBuiltin = withBuiltin;
  return r;
}

// The message of the exception `call` throws, or "" when it throws none.
template <typename F>
std::string messageOf(F&& call) {
  try {
    call();
  } catch (const core::Error& e) {
    return e.what();
  }
  return "";
}

std::size_t countWhere(const core::Layer& l, const std::string& field, const std::string& value) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < l.size(); ++i) n += core::toString(l.value(i, field)) == value;
  return n;
}

TEST(CatalogueLoader, TheBuiltInCatalogueIsItsOwnOrigin) {
  const catalogue::Catalogue c = load({});
  EXPECT_TRUE(c.builtin);
  EXPECT_EQ(c.origin, "the built-in catalogue (data/catalogue)");
  EXPECT_TRUE(c.builtinTables.empty());
  EXPECT_TRUE(contains(c.ownTables, "enterprises"));
  EXPECT_TRUE(contains(c.ownTables, "projects"));
  EXPECT_GT(c.enterprises.size(), 0u);
  EXPECT_GT(countWhere(c.flows, "enterprise_id", "E008"), 0u);
  EXPECT_EQ(describeOrigin(c), "");
}

TEST(CatalogueLoader, AUsersFolderGetsOnlyTheReferenceTablesFromTheBuiltInOne) {
  test::TempDir dir;
  test::writeFile(dir / "enterprises.csv", kEnterprises);
  const catalogue::Catalogue c = load(requestFor(dir.path()));
  EXPECT_FALSE(c.builtin);
  EXPECT_EQ(c.origin, dir.path().string());
  EXPECT_EQ(c.ownTables, std::vector<std::string>{"enterprises"});
  EXPECT_TRUE(c.builtinTables.empty());
  ASSERT_EQ(c.enterprises.size(), 1u);
  // Nothing of Gansu's registry: no flows, parks, projects, mining bases, models or targets.
  for (const auto* t : {&c.flows, &c.parks, &c.projects, &c.projectFlows, &c.miningBases, &c.miningBaseMembers,
                        &c.models, &c.targets}) {
    EXPECT_EQ(t->size(), 0u) << t->name();
  }
  // Reference data is shared: material codes, uses, coefficients and ranking parameters.
  EXPECT_GT(countWhere(c.materials, "code", "FLY_ASH"), 0u);
  EXPECT_GT(c.materialUses.size(), 0u);
  EXPECT_GT(c.industryProfiles.size(), 0u);
  EXPECT_GT(c.exchangeParameters.size(), 0u);
  EXPECT_EQ(describeOrigin(c), "Registry: " + dir.path().string() +
                                   " (enterprises); reference tables from the built-in catalogue: materials, "
                                   "material_uses, industry_profiles, exchange_parameters");
}

TEST(CatalogueLoader, WithBuiltinTakesTheMissingTablesButNeverMixesIds) {
  test::TempDir dir;
  test::writeFile(dir / "enterprises.csv", kEnterprises);
  const catalogue::Catalogue c = load(requestFor(dir.path(), true));
  EXPECT_TRUE(contains(c.builtinTables, "flows"));
  EXPECT_TRUE(contains(c.builtinTables, "parks"));
  EXPECT_TRUE(contains(c.builtinTables, "projects"));
  EXPECT_FALSE(contains(c.builtinTables, "enterprises"));
  EXPECT_FALSE(contains(c.builtinTables, "materials"));
  ASSERT_GT(c.flows.size(), 0u);
  // The built-in flows of E008 stay the built-in E008's, never the user's cement works.
  EXPECT_EQ(countWhere(c.flows, "enterprise_id", "E008"), 0u);
  EXPECT_GT(countWhere(c.flows, "enterprise_id", "builtin:E008"), 0u);
  // The user's park_id P001 does not name the built-in park P001 either.
  EXPECT_EQ(countWhere(c.parks, "id", "P001"), 0u);
  EXPECT_EQ(countWhere(c.parks, "id", "builtin:P001"), 1u);
  // Material codes are shared reference data and keep their names.
  EXPECT_GT(countWhere(c.flows, "material_code", "FLY_ASH"), 0u);
  EXPECT_NE(describeOrigin(c).find("--with-builtin"), std::string::npos) << describeOrigin(c);
}

TEST(CatalogueLoader, ASingleFileRegistryAsABureauHandsItOutIsTheAnalysisInput) {
  test::TempDir dir;
  // Chinese headers, no id/source columns, one row placed from its address alone.
  const auto file = test::writeFile(dir / "reg.csv",
                                    "名称,经度,纬度,行业代码,地址\n"
                                    "兰州某水泥厂,103.62,36.12,3011,\n"
                                    "白银某冶炼厂,104.17,36.55,3212,\n"
                                    "武威某化工,,,2614,甘肃省武威市凉州区黄羊镇工业园\n");
  const catalogue::Catalogue c = load(requestFor(file));
  ASSERT_EQ(c.enterprises.size(), 3u);
  EXPECT_FALSE(c.builtin);
  EXPECT_NE(c.origin.find("reg.csv"), std::string::npos) << c.origin;
  EXPECT_TRUE(c.isOwn("enterprises"));
  EXPECT_EQ(c.flows.size(), 0u) << "no built-in flow is mixed into a user's registry";
  EXPECT_EQ(c.parks.size(), 0u);
  EXPECT_GT(c.materials.size(), 0u) << "reference tables come from the built-in catalogue";
  EXPECT_EQ(countWhere(c.enterprises, "industry_code", "3011"), 1u);
  EXPECT_FALSE(c.enterprises.features()[2].geometry.isEmpty()) << "placed at the township centre of 黄羊镇";
  EXPECT_THROW((void)load(requestFor(dir / "absent")), core::IoError);
}

TEST(CatalogueLoader, LayerIsForSingleFileRegistriesOnly) {
  test::TempDir dir;
  test::writeFile(dir / "enterprises.csv", kEnterprises);
  CatalogueRequest r = requestFor(dir.path());
  r.source.layer = "Sheet1";
  EXPECT_THROW((void)load(r), core::ParameterError);
}

TEST(CatalogueLoader, ColumnOptionsOfASingleFileAreRefusedForAFolderOrTheBuiltInCatalogue) {
  test::TempDir dir;
  test::writeFile(dir / "enterprises.csv", kEnterprises);
  CatalogueRequest folder = requestFor(dir.path());
  folder.source.fields = {"name=企业名称"};
  EXPECT_EQ(messageOf([&] { (void)load(folder); }),
            "--field name=企业名称: " + dir.path().string() +
                " is a folder registry, whose tables follow the catalogue's columns in WGS 84 "
                "(data/catalogue/README.md); this option applies to a single-file registry (a sheet or GIS layer)");
  CatalogueRequest builtin;
  builtin.source.coords = "gcj02";
  EXPECT_EQ(messageOf([&] { (void)load(builtin); }),
            "--coords gcj02: applies to a single-file --registry (a sheet or GIS layer); none was given");
  builtin = {};
  builtin.source.encoding = "gb18030";
  EXPECT_THROW((void)load(builtin), core::ParameterError);
}

TEST(CatalogueLoader, ASingleFileIsReadWithTheGivenColumnsCoordinatesAndMapping) {
  test::TempDir dir;
  // Headers no recogniser knows; the coordinates are GCJ-02 (as an AMap export gives them).
  const auto file = test::writeFile(dir / "odd.csv",
                                    "单位,东经,北纬,代码\n"
                                    "甲厂,103.8,36.06,3011\n"
                                    "乙厂,104.17,36.55,3212\n");
  CatalogueRequest r = requestFor(file);
  r.source.fields = {"name=单位", "industry_code=代码"};
  r.source.lonField = "东经";
  r.source.latField = "北纬";
  const catalogue::Catalogue wgs = load(r);
  ASSERT_EQ(wgs.enterprises.size(), 2u);
  EXPECT_EQ(core::toString(wgs.enterprises.value(0, "name_zh")), "甲厂");
  EXPECT_EQ(countWhere(wgs.enterprises, "industry_code", "3212"), 1u);
  const core::Coord asGiven = wgs.enterprises.features()[0].geometry.coords()[0];
  EXPECT_DOUBLE_EQ(asGiven.x, 103.8);
  EXPECT_DOUBLE_EQ(asGiven.y, 36.06);
  // The same sheet declared GCJ-02 is converted as geo::toWgs84 converts it (that function is
  // checked against published pairs in web_map_coords_test): a few hundred metres.
  r.source.coords = "gcj02";
  const core::Coord converted = load(r).enterprises.features()[0].geometry.coords()[0];
  const core::LonLat expected = geo::toWgs84({103.8, 36.06}, geo::LonLatSystem::Gcj02);
  // The reader writes 7 decimals (about 1 cm), as enterprises.csv holds them.
  EXPECT_NEAR(converted.x, expected.lon, 5e-8);
  EXPECT_NEAR(converted.y, expected.lat, 5e-8);
  EXPECT_GT(std::abs(converted.x - asGiven.x), 0.001);
  // A mapping file gives the same reading as the options.
  const auto mapping = test::writeFile(dir / "odd.mapping", "name=单位\nindustry_code=代码\nlon=东经\nlat=北纬\n");
  CatalogueRequest viaFile = requestFor(file);
  viaFile.source.mappingFile = mapping.string();
  const catalogue::Catalogue mapped = load(viaFile);
  ASSERT_EQ(mapped.enterprises.size(), 2u);
  EXPECT_EQ(core::toString(mapped.enterprises.value(1, "name_zh")), "乙厂");
  EXPECT_EQ(mapped.enterprises.features()[1].geometry.coords()[0].x, 104.17);
}

TEST(CatalogueLoader, AColumnThatIsNotInTheFileNamesTheFileAndTheColumn) {
  test::TempDir dir;
  const auto file = test::writeFile(dir / "reg.csv", "名称,经度,纬度\n甲厂,103.8,36.06\n");
  CatalogueRequest r = requestFor(file);
  r.source.fields = {"industry_name=主营行业"};
  EXPECT_EQ(messageOf([&] { (void)load(r); }),
            file.string() + ": no column '主营行业' in the registry (its columns: '名称', '经度', '纬度')");
}

TEST(CatalogueLoader, AFolderInGbkIsReadAsValidateReadsIt) {
  test::TempDir dir;
  // "水泥" in GBK is CB AE C4 E0.
  test::writeFile(
      dir / "enterprises.csv",
      "id,name_zh,name_en,industry_code,park_id,status,lon,lat,county_code,prefecture_code,source,location_precision\n"
      "E1,\xCB\xAE\xC4\xE0,Cement,3011,,none,103.6,36.1,,620100,test,test\n");
  const catalogue::Catalogue c = load(requestFor(dir.path()));
  ASSERT_EQ(c.enterprises.size(), 1u);
  EXPECT_EQ(core::toString(c.enterprises.value(0, "name_zh")), "水泥");
  CatalogueRequest strict = requestFor(dir.path());
  strict.source.encoding = "utf8";
  EXPECT_THROW((void)load(strict), core::InputError);
}

}  // namespace
}  // namespace circatlas::tools
