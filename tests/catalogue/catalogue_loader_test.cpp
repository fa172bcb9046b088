// Loading a registry: the built-in catalogue, a user's folder alone, and a folder with --with-builtin.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "core/error.h"
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

std::size_t countWhere(const core::Layer& l, const std::string& field, const std::string& value) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < l.size(); ++i) n += core::toString(l.value(i, field)) == value;
  return n;
}

TEST(CatalogueLoader, TheBuiltInCatalogueIsItsOwnOrigin) {
  const catalogue::Catalogue c = loadCatalogue({});
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
  const catalogue::Catalogue c =
      loadCatalogue({.source = dir.path().string(), .layer = std::nullopt, .withBuiltin = false});
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
  const catalogue::Catalogue c =
      loadCatalogue({.source = dir.path().string(), .layer = std::nullopt, .withBuiltin = true});
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
  const catalogue::Catalogue c = loadCatalogue({.source = file.string(), .layer = std::nullopt, .withBuiltin = false});
  ASSERT_EQ(c.enterprises.size(), 3u);
  EXPECT_FALSE(c.builtin);
  EXPECT_NE(c.origin.find("reg.csv"), std::string::npos) << c.origin;
  EXPECT_TRUE(c.isOwn("enterprises"));
  EXPECT_EQ(c.flows.size(), 0u) << "no built-in flow is mixed into a user's registry";
  EXPECT_EQ(c.parks.size(), 0u);
  EXPECT_GT(c.materials.size(), 0u) << "reference tables come from the built-in catalogue";
  EXPECT_EQ(countWhere(c.enterprises, "industry_code", "3011"), 1u);
  EXPECT_FALSE(c.enterprises.features()[2].geometry.isEmpty()) << "placed at the township centre of 黄羊镇";
  EXPECT_THROW((void)loadCatalogue({.source = (dir / "absent").string(), .layer = std::nullopt, .withBuiltin = false}),
               core::IoError);
}

TEST(CatalogueLoader, LayerIsForSingleFileRegistriesOnly) {
  test::TempDir dir;
  test::writeFile(dir / "enterprises.csv", kEnterprises);
  EXPECT_THROW((void)loadCatalogue({.source = dir.path().string(), .layer = "Sheet1", .withBuiltin = false}),
               core::ParameterError);
}

}  // namespace
}  // namespace circatlas::tools
