// PartnersTool on a hand-made catalogue: receivers by industry, estimated capacities, reasons, allocation.
#include "tools/partners_tool.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace circatlas::tools {
namespace {

using core::FieldType;

core::Layer enterprises() {
  core::Layer l("enterprises", "EPSG:4326", core::GeometryType::Point,
                core::Schema({{"id", FieldType::String}, {"name_zh", FieldType::String}, {"name_en", FieldType::String},
                              {"industry_code", FieldType::String}, {"capacity", FieldType::Real},
                              {"capacity_unit", FieldType::String}}));
  auto add = [&](const char* id, const char* zh, const char* en, const char* industry, core::Value cap,
                 const char* unit, double lon) {
    l.add({core::FeatureId(static_cast<std::int64_t>(l.size() + 1)), core::Geometry::point({lon, 36.0}),
           {std::string(id), std::string(zh), std::string(en), std::string(industry), cap, std::string(unit)}});
  };
  // Along the 36th parallel: 0.1° of longitude is 9.0 km there (geodesic), × 1.3 detour = 11.7 km.
  add("P", "电厂", "Power plant", "4411", 600.0, "MW", 103.0);
  add("C", "水泥厂", "Cement works", "3011", 1000.0, "t/d clinker", 103.1);
  add("B", "砖厂", "Brick works", "3031", std::monostate{}, "", 103.3);
  return l;
}

core::Layer flows() {
  core::Layer l("flows", "", core::GeometryType::None,
                core::Schema({{"enterprise_id", FieldType::String}, {"material_code", FieldType::String},
                              {"direction", FieldType::String}, {"quantity", FieldType::Real}}));
  l.add({core::FeatureId(1), core::Geometry(), {std::string("P"), std::string("FLY_ASH"), std::string("output"), 100000.0}});
  return l;
}

core::Layer materials() {
  core::Layer l("materials", "", core::GeometryType::None,
                core::Schema({{"code", FieldType::String}, {"name_zh", FieldType::String}, {"name_en", FieldType::String},
                              {"unit", FieldType::String}, {"max_distance_km", FieldType::Real},
                              {"cost_cny_per_unit_km", FieldType::Real}, {"disposal_cost_cny_per_unit", FieldType::Real}}));
  l.add({core::FeatureId(1), core::Geometry(),
         {std::string("FLY_ASH"), std::string("粉煤灰"), std::string("Coal fly ash"), std::string("t"), 170.0, 0.5, 25.0}});
  return l;
}

core::Layer uses() {
  core::Layer l("material_uses", "", core::GeometryType::None,
                core::Schema({{"material_code", FieldType::String}, {"receiver_industry", FieldType::String},
                              {"use_zh", FieldType::String}, {"use_en", FieldType::String},
                              {"demand_factor", FieldType::Real}}));
  l.add({core::FeatureId(1), core::Geometry(),
         {std::string("FLY_ASH"), std::string("3011"), std::string("水泥混合材"), std::string("cement admixture"), 0.15}});
  l.add({core::FeatureId(2), core::Geometry(),
         {std::string("FLY_ASH"), std::string("3031"), std::string("烧结砖"), std::string("fired bricks"), std::monostate{}}});
  return l;
}

class PartnersToolTest : public ::testing::Test {
 protected:
  core::Layer e_ = enterprises(), f_ = flows(), m_ = materials(), u_ = uses();
  CatalogueInput input() const { return {e_, f_, m_, u_}; }
};

TEST_F(PartnersToolTest, ReceiversByIndustryWithEstimatedCapacityAndReasonInWords) {
  const PartnersResult r = runPartners(input(), {});
  ASSERT_EQ(r.candidates.size(), 2U);
  // Cement: 1000 t/d × 310 d × 0.15 = 46,500 t/a; covers 46.5 % of the 100,000 t supply.
  EXPECT_EQ(core::toString(r.candidates.value(0, "receiver_id")), "C");
  EXPECT_DOUBLE_EQ(std::get<double>(r.candidates.value(0, "capacity")), 46500.0);
  EXPECT_EQ(core::toString(r.candidates.value(0, "capacity_method")),
            "estimated: 1000 t/d clinker → 310000 t/a × 0.15 (cement admixture)");
  EXPECT_NEAR(std::get<double>(r.candidates.value(0, "km")), 11.7, 0.1);
  EXPECT_EQ(core::toString(r.candidates.value(0, "reason_en")),
            "Coal fly ash → Cement works (cement admixture), 12 km straight line × 1.3, 0.50 CNY/t·km, covers 46 % of "
            "supply");
  // Bricks: no capacity known, still a candidate (a registry with only industry codes still gets partners).
  EXPECT_EQ(core::toString(r.candidates.value(1, "receiver_id")), "B");
  EXPECT_TRUE(core::isNull(r.candidates.value(1, "capacity")));
}

TEST_F(PartnersToolTest, AllocationFillsOnlyKnownCapacity) {
  const PartnersResult r = runPartners(input(), {});
  ASSERT_EQ(r.optimal.size(), 1U);
  EXPECT_DOUBLE_EQ(std::get<double>(r.optimal.value(0, "quantity")), 46500.0);
  ASSERT_EQ(r.summary.size(), 1U);
  EXPECT_NEAR(std::get<double>(r.summary.value(0, "utilisation_pct")), 46.5, 1e-9);
  EXPECT_EQ(std::get<std::int64_t>(r.summary.value(0, "receivers_without_capacity")), 1);
}

TEST_F(PartnersToolTest, DeclaredInputWithoutQuantityIsEstimatedFromCapacity) {
  // The cement works says it takes fly ash but not how much; the brick works too, with no capacity.
  core::Layer declared = flows();
  declared.add({core::FeatureId(2), core::Geometry(),
                {std::string("C"), std::string("FLY_ASH"), std::string("input"), std::monostate{}}});
  declared.add({core::FeatureId(3), core::Geometry(),
                {std::string("B"), std::string("FLY_ASH"), std::string("input"), std::monostate{}}});
  const PartnersResult r = runPartners({e_, declared, m_, u_}, {});
  ASSERT_EQ(r.candidates.size(), 2U);
  EXPECT_DOUBLE_EQ(std::get<double>(r.candidates.value(0, "capacity")), 46500.0);
  EXPECT_EQ(core::toString(r.candidates.value(0, "capacity_method")),
            "estimated: 1000 t/d clinker → 310000 t/a × 0.15 (cement admixture); declared input, quantity unknown");
  EXPECT_TRUE(core::isNull(r.candidates.value(1, "capacity")));
  const std::string reason = core::toString(r.candidates.value(1, "reason_en"));
  EXPECT_EQ(reason.substr(reason.size() - 16), "capacity unknown") << reason;
  ASSERT_EQ(r.optimal.size(), 1U);
  EXPECT_DOUBLE_EQ(std::get<double>(r.optimal.value(0, "quantity")), 46500.0);
}

TEST_F(PartnersToolTest, DistanceLimitLeavesResiduesUnmatchedAndSaysWhy) {
  core::Layer tight("materials", "", core::GeometryType::None, m_.schema());
  tight.add({core::FeatureId(1), core::Geometry(),
             {std::string("FLY_ASH"), std::string("粉煤灰"), std::string("Coal fly ash"), std::string("t"), 5.0, 0.5, 25.0}});
  const PartnersResult r = runPartners({e_, f_, tight, u_}, {});
  EXPECT_EQ(r.candidates.size(), 0U);
  ASSERT_EQ(r.unmatched.size(), 1U);
  EXPECT_EQ(core::toString(r.unmatched.value(0, "reason")), "no receiver of FLY_ASH within 5 km");
}

TEST_F(PartnersToolTest, UnknownEnterpriseOrMaterialIsAParameterError) {
  PartnersParams p;
  p.enterpriseId = "NOPE";
  EXPECT_THROW((void)runPartners(input(), p), core::ParameterError);
  PartnersParams q;
  q.materialCode = "UNOBTAINIUM";
  EXPECT_THROW((void)runPartners(input(), q), core::ParameterError);
}

TEST_F(PartnersToolTest, SameInputSameOutput) {
  const auto a = runPartners(input(), {});
  const auto b = runPartners(input(), {});
  ASSERT_EQ(a.candidates.size(), b.candidates.size());
  for (std::size_t i = 0; i < a.candidates.size(); ++i) EXPECT_EQ(a.candidates[i].values, b.candidates[i].values);
}

}  // namespace
}  // namespace circatlas::tools
