// The built-in catalogue loads without validation errors and carries what the source document names.
#include <gtest/gtest.h>

#include <cstdio>
#include <map>
#include <set>

#include "catalogue/catalogue_layers.h"
#include "catalogue/catalogue_schema.h"
#include "catalogue/validator.h"
#include "core/data_paths.h"
#include "geo/polygon_index.h"
#include "io/catalogue_reader.h"
#include "io/layer_reader.h"

namespace circatlas {
namespace {

class BuiltinCatalogue : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tables_ = new std::vector<catalogue::TableInput>(
        io::readCatalogueTables(core::DataPaths::fromEnvironment().catalogueDir()));
    counties_ = new core::Layer(io::readLayer(core::DataPaths::fromEnvironment().basemap().string(),
                                              {.layer = "counties", .sql = std::nullopt}));
  }
  static void TearDownTestSuite() {
    delete tables_;
    delete counties_;
  }
  static core::Layer layer(std::string_view name) {
    for (const auto& t : *tables_) {
      if (t.spec->name == name) return catalogue::toLayer(t);
    }
    throw std::runtime_error("no table " + std::string(name));
  }
  static std::set<std::string> column(const core::Layer& l, const char* field) {
    std::set<std::string> out;
    for (std::size_t i = 0; i < l.size(); ++i) out.insert(core::toString(l.value(i, field)));
    return out;
  }
  static inline std::vector<catalogue::TableInput>* tables_ = nullptr;
  static inline core::Layer* counties_ = nullptr;
};

TEST_F(BuiltinCatalogue, HasEveryTableAndNoValidationErrors) {
  EXPECT_EQ(tables_->size(), catalogue::catalogueTables().size());  // every table of the schema is present
  const catalogue::AdminAreas admin(*counties_);
  const auto problems = catalogue::validate(*tables_, admin);
  for (const auto& p : problems) {
    if (p.severity == catalogue::Severity::Error) ADD_FAILURE() << catalogue::format(p);
  }
}

TEST_F(BuiltinCatalogue, EveryRecordSaysWhereItComesFromAndHowPreciseItIs) {
  for (const char* name : {"parks", "enterprises", "mining_base_members", "projects"}) {
    const core::Layer l = layer(name);
    for (std::size_t i = 0; i < l.size(); ++i) {
      EXPECT_FALSE(core::toString(l.value(i, "source")).empty()) << name << " line " << l[i].id.value();
      EXPECT_FALSE(core::toString(l.value(i, "location_precision")).empty()) << name << " line " << l[i].id.value();
      EXPECT_FALSE(l[i].geometry.isEmpty()) << name << " line " << l[i].id.value();
    }
  }
}

// The facility backbone built by scripts/catalogue/build_catalogue.py: 81 hand-made records (ids
// E001-E081 kept) plus the surveyed WRI and GEM facilities, in Gansu and within 150 km of it.
TEST_F(BuiltinCatalogue, SurveyedFacilitiesInAllFourteenPrefecturesAndAcrossTheBorder) {
  const core::Layer enterprises = layer("enterprises");
  EXPECT_EQ(enterprises.size(), 377U);
  std::set<std::string> prefectures;
  std::map<std::string, int> outside;
  std::size_t plantSites = 0;
  for (std::size_t i = 0; i < enterprises.size(); ++i) {
    const auto province = core::toString(enterprises.value(i, "province_code"));
    if (province.empty()) {
      prefectures.insert(core::toString(enterprises.value(i, "prefecture_code")));
    } else {
      ++outside[province];
      EXPECT_TRUE(core::toString(enterprises.value(i, "prefecture_code")).empty()) << enterprises[i].id.value();
    }
    if (core::toString(enterprises.value(i, "location_precision")).starts_with("plant site")) ++plantSites;
  }
  EXPECT_EQ(prefectures.size(), 14U);
  EXPECT_FALSE(prefectures.contains(""));
  EXPECT_EQ(outside,
            (std::map<std::string, int>{
                {"150000", 3}, {"510000", 20}, {"610000", 72}, {"630000", 15}, {"640000", 29}, {"650000", 5}}));
  EXPECT_EQ(plantSites, 305U);  // 80.9 %
  const auto ids = column(enterprises, "id");
  for (int n = 1; n <= 81; ++n) {
    char id[8];
    std::snprintf(id, sizeof id, "E%03d", n);
    EXPECT_TRUE(ids.contains(id)) << id;
  }
}

// Known errors of the hand-made catalogue, fixed from the surveyed sources (issue 14).
TEST_F(BuiltinCatalogue, KnownCorrectionsHold) {
  const core::Layer enterprises = layer("enterprises");
  std::map<std::string, std::size_t> row;
  for (std::size_t i = 0; i < enterprises.size(); ++i) row[core::toString(enterprises.value(i, "id"))] = i;
  auto text = [&](const char* id, const char* field) { return core::toString(enterprises.value(row.at(id), field)); };
  EXPECT_EQ(text("E002", "capacity"), "990");  // WRI: Datang Xigu 990 MW
  EXPECT_EQ(text("E003", "op_status"), "retired");
  EXPECT_EQ(text("E003", "end_year"), "2018");
  EXPECT_NE(text("E003", "owner").find("Datang"), std::string::npos);
  EXPECT_EQ(text("E004", "county_code"), "620111");  // Chalco Lanzhou: Honggu, not Xigu
  EXPECT_EQ(text("E008", "county_code"), "620123");
  EXPECT_EQ(text("E008", "location_precision"), "plant site, exact (GEM)");
  EXPECT_EQ(text("E029", "location_precision"), "plant site, exact (GEM)");
  EXPECT_EQ(text("E045", "source_id"), "WRI 1070584");
}

TEST_F(BuiltinCatalogue, NamesWhatTheDocumentNames) {
  const auto parks = column(layer("parks"), "name_zh");
  const auto enterprises = column(layer("enterprises"), "name_zh");
  auto anyContains = [](const std::set<std::string>& names, const std::string& part) {
    for (const auto& n : names) {
      if (n.find(part) != std::string::npos) return true;
    }
    return false;
  };
  for (const char* park : {"金昌经济技术开发区", "河西堡", "西脉瓜州", "安口"}) {
    EXPECT_TRUE(anyContains(parks, park)) << park;
  }
  for (const char* firm : {"金川", "白银有色", "西脉新材料", "有年"}) {
    EXPECT_TRUE(anyContains(enterprises, firm)) << firm;
  }
  EXPECT_EQ(layer("mining_bases").size(), 6U);
  EXPECT_EQ(layer("models").size(), 6U);
}

TEST_F(BuiltinCatalogue, MiningBaseAreasCoverTheirMembers) {
  const core::Layer bases = layer("mining_bases");
  const core::Layer members = layer("mining_base_members");
  const core::Layer areas = catalogue::miningBaseAreas(bases, members);
  ASSERT_EQ(areas.size(), 6U);
  std::vector<core::Geometry> shapes;
  std::map<std::string, std::size_t> indexOf;
  for (std::size_t i = 0; i < areas.size(); ++i) {
    EXPECT_FALSE(areas[i].geometry.isEmpty()) << core::toString(areas.value(i, "id"));
    indexOf[core::toString(areas.value(i, "id"))] = i;
    shapes.push_back(areas[i].geometry);
  }
  for (std::size_t m = 0; m < members.size(); ++m) {
    const core::Coord p = members[m].geometry.coords()[0];
    const auto base = core::toString(members.value(m, "base_id"));
    // Indexed one area at a time: areas may overlap (Lanzhou–Baiyin touches others).
    const std::vector<core::Geometry> one = {shapes[indexOf.at(base)]};
    EXPECT_TRUE(geo::PolygonIndex(one).locate(p).has_value())
        << base << " " << core::toString(members.value(m, "name_zh"));
  }
}

}  // namespace
}  // namespace circatlas
