// OverlayTool on the built-in data: codes match a brute-force GEOS check; summaries add up.
#include "tools/overlay_tool.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/data_paths.h"
#include "geo/polygon_index.h"
#include "io/layer_reader.h"
#include "tools/catalogue_inputs.h"

namespace circatlas::tools {
namespace {

class OverlayBuiltin : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string basemap = core::DataPaths::fromEnvironment().basemap().string();
    counties_ = new core::Layer(io::readLayer(basemap, {.layer = "counties", .sql = std::nullopt}));
    prefectures_ = new core::Layer(io::readLayer(basemap, {.layer = "prefectures", .sql = std::nullopt}));
    // As circatlas overlay: the planning year's effective flows (declared and estimated from capacity).
    const catalogue::Catalogue registry = loadCatalogue({}, core::DataPaths::fromEnvironment());
    enterprises_ = new core::Layer(registry.enterprises);
    flows_ = new std::vector<FlowAmount>(flowAmounts(catalogueInput(registry), planningYear(registry, 0).first));
    parks_ = new core::Layer(registry.parks);
    result_ = new OverlayResult(runOverlay({*counties_, *prefectures_, *enterprises_, *flows_, parks_}));
  }
  static void TearDownTestSuite() {
    for (auto* l : {counties_, prefectures_, enterprises_, parks_}) delete l;
    delete flows_;
    delete result_;
  }
  static inline core::Layer *counties_, *prefectures_, *enterprises_, *parks_;
  static inline std::vector<FlowAmount>* flows_;
  static inline OverlayResult* result_;
};

TEST_F(OverlayBuiltin, CountyOfEveryEnterpriseEqualsBruteForceGeos) {
  const auto& e = result_->enterprises;
  for (std::size_t i = 0; i < e.size(); ++i) {
    std::string expected;
    // Brute force: each county alone, in order, no spatial index.
    for (std::size_t c = 0; c < counties_->size() && expected.empty(); ++c) {
      const std::vector<core::Geometry> one = {(*counties_)[c].geometry};
      if (geo::PolygonIndex(one).locate(e[i].geometry.coords()[0]))
        expected = core::toString(counties_->value(c, "code"));
    }
    EXPECT_EQ(core::toString(e.value(i, "overlay_county")), expected) << core::toString(e.value(i, "name_zh"));
  }
}

TEST_F(OverlayBuiltin, JinchuanGroupLiesInJinchuanDistrict) {
  const auto& e = result_->enterprises;
  bool found = false;
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (core::toString(e.value(i, "name_zh")).find("金川集团") == std::string::npos) continue;
    found = true;
    EXPECT_EQ(core::toString(e.value(i, "overlay_prefecture")), "620300");
  }
  EXPECT_TRUE(found);
}

// Without the coded enterprises (a run that writes nothing) the summaries are the same, and the enterprises
// layer keeps its fields with no row.
TEST_F(OverlayBuiltin, SummariesNeedNoCodedEnterprises) {
  OverlayInput input{*counties_, *prefectures_, *enterprises_, *flows_, parks_};
  input.codedEnterprises = false;
  const OverlayResult r = runOverlay(input);
  EXPECT_TRUE(r.enterprises.empty());
  EXPECT_EQ(r.enterprises.schema().size(), result_->enterprises.schema().size());
  for (const auto& [mine, full] : {std::pair{&r.countySummary, &result_->countySummary},
                                   std::pair{&r.prefectureSummary, &result_->prefectureSummary}}) {
    ASSERT_EQ(mine->size(), full->size());
    ASSERT_EQ(mine->schema().size(), full->schema().size());
    for (std::size_t i = 0; i < full->size(); ++i) EXPECT_EQ((*mine)[i].values, (*full)[i].values) << i;
  }
}

// A caller that needs its enterprises no more hands them over: the coded layer and the summaries are the same as
// with the copy, and the handed-over layer keeps its schema without features.
TEST_F(OverlayBuiltin, ConsumedEnterprisesGiveTheSameResultAsCopiedOnes) {
  core::Layer mine = *enterprises_;
  OverlayInput input{*counties_, *prefectures_, mine, *flows_, parks_};
  input.consumedEnterprises = &mine;
  const OverlayResult r = runOverlay(input);
  EXPECT_TRUE(mine.empty());
  EXPECT_EQ(mine.schema().size(), enterprises_->schema().size());
  for (const auto& [got, want] :
       {std::pair{&r.enterprises, &result_->enterprises}, std::pair{&r.countySummary, &result_->countySummary},
        std::pair{&r.prefectureSummary, &result_->prefectureSummary}}) {
    ASSERT_EQ(got->size(), want->size());
    for (std::size_t i = 0; i < want->size(); ++i) {
      EXPECT_EQ((*got)[i].values, (*want)[i].values) << i;
      EXPECT_EQ((*got)[i].geometry.coords().size(), (*want)[i].geometry.coords().size()) << i;
    }
  }
}

// The counties a command found for the enterprises already (cli::loadBoundaries, tools::enterpriseUnits) give
// the same coded layer and summaries as locating them here; a list of another length is refused.
TEST_F(OverlayBuiltin, CountiesGivenByTheCallerGiveTheSameResult) {
  const catalogue::Catalogue registry = loadCatalogue({}, core::DataPaths::fromEnvironment());
  const auto units = enterpriseUnits(registry, *counties_);
  ASSERT_EQ(units.size(), enterprises_->size());
  OverlayInput input{*counties_, *prefectures_, *enterprises_, *flows_, parks_};
  input.enterpriseCounties = &units;
  const OverlayResult r = runOverlay(input);
  for (const auto& [got, want] :
       {std::pair{&r.enterprises, &result_->enterprises}, std::pair{&r.countySummary, &result_->countySummary},
        std::pair{&r.prefectureSummary, &result_->prefectureSummary}}) {
    ASSERT_EQ(got->size(), want->size());
    for (std::size_t i = 0; i < want->size(); ++i) EXPECT_EQ((*got)[i].values, (*want)[i].values) << i;
  }
  // They are used as given, not located again: none in a county counts nothing.
  const std::vector<std::optional<std::size_t>> none(units.size());
  input.enterpriseCounties = &none;
  input.parks = nullptr;
  EXPECT_TRUE(countsNothing(runOverlay(input).countySummary));
  EXPECT_FALSE(countsNothing(r.countySummary));
  const std::vector<std::optional<std::size_t>> short_(units.begin(), units.end() - 1);
  input.enterpriseCounties = &short_;
  EXPECT_THROW((void)runOverlay(input), std::logic_error);
}

// A flow whose enterprise row is not a row of the enterprises given is the caller's mistake: refused, not read
// past the layer's end.
TEST_F(OverlayBuiltin, AFlowOfARowBeyondTheEnterprisesIsRefused) {
  std::vector<FlowAmount> flows = *flows_;
  ASSERT_FALSE(flows.empty());
  flows.back().enterpriseRow = enterprises_->size();
  EXPECT_THROW((void)runOverlay({*counties_, *prefectures_, *enterprises_, flows, parks_}), std::logic_error);
}

// A registry loaded with room for the codes (as circatlas overlay --out loads it) gives its features to the
// coded layer where they are: every feature's values keep their memory, and the layer is the same.
TEST_F(OverlayBuiltin, RegistryLoadedWithRoomKeepsItsValuesInPlace) {
  CatalogueRequest request;
  request.enterpriseRoom = kOverlayCodeFields;
  catalogue::Catalogue registry = loadCatalogue(request, core::DataPaths::fromEnvironment());
  ASSERT_GT(registry.enterprises.size(), 0U);
  std::vector<const core::Value*> before;
  for (const auto& f : registry.enterprises.features()) {
    ASSERT_GE(f.values.capacity(), f.values.size() + kOverlayCodeFields);
    before.push_back(f.values.data());
  }
  OverlayInput input{*counties_, *prefectures_, registry.enterprises, *flows_, parks_};
  input.consumedEnterprises = &registry.enterprises;
  const OverlayResult r = runOverlay(input);
  EXPECT_TRUE(registry.enterprises.empty());
  ASSERT_EQ(r.enterprises.size(), before.size());
  for (std::size_t i = 0; i < before.size(); ++i) {
    EXPECT_EQ(r.enterprises[i].values.data(), before[i]) << i;
    EXPECT_EQ(r.enterprises[i].values, result_->enterprises[i].values) << i;
  }
  // Without room a feature's values have just its own fields.
  EXPECT_EQ(loadCatalogue({}, core::DataPaths::fromEnvironment()).enterprises[0].values.capacity(),
            result_->enterprises.schema().size() - kOverlayCodeFields);
}

// Tonnes go to the county of the flow's enterprise, found by flowAmounts by its id whether the ids are text
// or integers (a registry whose id column is numeric); an id given twice counts for its last site; a flow of
// an unknown enterprise or without quantity adds nothing. Sums by hand.
TEST_F(OverlayBuiltin, TonnesFollowTheEnterpriseIdsWhateverTheirType) {
  // Two of the built-in sites in different counties.
  std::vector<std::size_t> picked;
  for (std::size_t i = 0; i < result_->enterprises.size() && picked.size() < 2; ++i) {
    const std::string county = core::toString(result_->enterprises.value(i, "overlay_county"));
    if (!county.empty() &&
        (picked.empty() || county != core::toString(result_->enterprises.value(picked[0], "overlay_county"))))
      picked.push_back(i);
  }
  ASSERT_EQ(picked.size(), 2U);
  const auto countyOf = [&](std::size_t k) {
    return core::toString(result_->enterprises.value(picked[k], "overlay_county"));
  };
  for (const bool numeric : {false, true}) {
    SCOPED_TRACE(numeric ? "integer ids" : "text ids");
    const auto id = [&](std::int64_t n) { return numeric ? core::Value(n) : core::Value(std::to_string(n)); };
    const core::FieldType idType = numeric ? core::FieldType::Integer : core::FieldType::String;
    core::Layer sites("enterprises", enterprises_->crs(), core::GeometryType::Point,
                      core::Schema({{"id", idType}, {"industry_code", core::FieldType::String}}));
    // Site 1 is given twice: first in the second county, then in the first (the one that counts).
    sites.add({core::FeatureId(1), (*enterprises_)[picked[1]].geometry, {id(1), std::string("4411")}});
    sites.add({core::FeatureId(2), (*enterprises_)[picked[0]].geometry, {id(1), std::string("4411")}});
    sites.add({core::FeatureId(3), (*enterprises_)[picked[1]].geometry, {id(2), std::string("3011")}});
    core::Layer flows("flows", "", core::GeometryType::None,
                      core::Schema({{"enterprise_id", idType},
                                    {"material_code", core::FieldType::String},
                                    {"direction", core::FieldType::String},
                                    {"quantity", core::FieldType::Real}}));
    const auto flow = [&](std::int64_t who, const char* material, const char* direction, core::Value q) {
      flows.add({core::FeatureId(static_cast<std::int64_t>(flows.size() + 1)),
                 {},
                 {id(who), std::string(material), std::string(direction), std::move(q)}});
    };
    flow(1, "FLY_ASH", "output", 10.0);
    flow(2, "FLY_ASH", "input", 5.0);
    flow(1, "FLY_ASH", "output", 2.5);
    flow(1, "SLAG", "output", core::Value());  // no quantity
    flow(3, "FLY_ASH", "output", 100.0);       // no such enterprise
    const auto amounts = flowAmounts(sites, {0, 1, 2}, flows, nullptr);
    const OverlayResult r = runOverlay({*counties_, *prefectures_, sites, amounts});
    const core::Layer& s = r.countySummary;
    ASSERT_TRUE(s.schema().indexOf("out_FLY_ASH"));
    ASSERT_TRUE(s.schema().indexOf("in_FLY_ASH"));
    EXPECT_FALSE(s.schema().indexOf("out_SLAG"));
    double outTotal = 0, inTotal = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const std::string code = core::toString(s.value(i, "code"));
      const double out = std::get<double>(s.value(i, "out_FLY_ASH"));
      const double in = std::get<double>(s.value(i, "in_FLY_ASH"));
      outTotal += out;
      inTotal += in;
      if (code == countyOf(0)) {
        EXPECT_EQ(out, 12.5);
      }
      if (code == countyOf(1)) {
        EXPECT_EQ(in, 5.0);
      }
    }
    EXPECT_EQ(outTotal, 12.5);
    EXPECT_EQ(inTotal, 5.0);
  }
}

TEST_F(OverlayBuiltin, SummariesAddUpAcrossLevels) {
  auto total = [](const core::Layer& l, const char* field) {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < l.size(); ++i) sum += std::get<std::int64_t>(l.value(i, field));
    return sum;
  };
  EXPECT_EQ(total(result_->countySummary, "enterprises"), total(result_->prefectureSummary, "enterprises"));
  // Every enterprise in Gansu falls in one county; the cross-border partners (province_code set) in none.
  std::int64_t inGansu = 0;
  for (std::size_t i = 0; i < enterprises_->size(); ++i) {
    if (core::toString(enterprises_->value(i, "province_code")).empty()) ++inGansu;
  }
  EXPECT_EQ(inGansu, 233);
  EXPECT_EQ(total(result_->countySummary, "enterprises"), inGansu);
  EXPECT_EQ(total(result_->countySummary, "parks"), static_cast<std::int64_t>(parks_->size()));
  EXPECT_EQ(result_->countySummary.size(), 87U);
  EXPECT_EQ(result_->prefectureSummary.size(), 14U);
  // Fly ash produced, summed over prefectures, equals the quantified output flows of Gansu's
  // enterprises (facilities across the border are partners, outside every prefecture).
  std::set<std::string> gansu;
  for (std::size_t i = 0; i < enterprises_->size(); ++i) {
    if (core::toString(enterprises_->value(i, "province_code")).empty())
      gansu.insert(core::toString(enterprises_->value(i, "id")));
  }
  double flows = 0;
  for (const FlowAmount& f : *flows_) {
    if (f.material == "FLY_ASH" && f.output &&
        gansu.contains(core::toString(enterprises_->value(f.enterpriseRow, "id"))))
      flows += f.quantity;
  }
  double summed = 0;
  for (std::size_t i = 0; i < result_->prefectureSummary.size(); ++i) {
    summed += std::get<double>(result_->prefectureSummary.value(i, "out_FLY_ASH"));
  }
  EXPECT_GT(flows, 0);
  EXPECT_DOUBLE_EQ(summed, flows);
}

}  // namespace
}  // namespace circatlas::tools
