// PartnersTool on a hand-made catalogue: receivers by industry, estimated capacities, reasons, allocation.
#include "tools/partners_tool.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "geo/geodesic.h"

namespace circatlas::tools {
namespace {

using core::FieldType;

core::Layer enterprises() {
  core::Layer l("enterprises", "EPSG:4326", core::GeometryType::Point,
                core::Schema({{"id", FieldType::String},
                              {"name_zh", FieldType::String},
                              {"name_en", FieldType::String},
                              {"industry_code", FieldType::String},
                              {"capacity", FieldType::Real},
                              {"capacity_unit", FieldType::String}}));
  auto add = [&](const char* id, const char* zh, const char* en, const char* industry, core::Value cap,
                 const char* unit, double lon) {
    l.add({core::FeatureId(static_cast<std::int64_t>(l.size() + 1)),
           core::Geometry::point({lon, 36.0}),
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
                core::Schema({{"enterprise_id", FieldType::String},
                              {"material_code", FieldType::String},
                              {"direction", FieldType::String},
                              {"quantity", FieldType::Real}}));
  l.add({core::FeatureId(1),
         core::Geometry(),
         {std::string("P"), std::string("FLY_ASH"), std::string("output"), 100000.0}});
  return l;
}

core::Layer materials() {
  core::Layer l("materials", "", core::GeometryType::None,
                core::Schema({{"code", FieldType::String},
                              {"name_zh", FieldType::String},
                              {"name_en", FieldType::String},
                              {"unit", FieldType::String},
                              {"max_distance_km", FieldType::Real},
                              {"cost_cny_per_unit_km", FieldType::Real},
                              {"disposal_cost_cny_per_unit", FieldType::Real}}));
  l.add({core::FeatureId(1),
         core::Geometry(),
         {std::string("FLY_ASH"), std::string("粉煤灰"), std::string("Coal fly ash"), std::string("t"), 170.0, 0.5,
          25.0}});
  return l;
}

core::Layer uses() {
  core::Layer l("material_uses", "", core::GeometryType::None,
                core::Schema({{"material_code", FieldType::String},
                              {"receiver_industry", FieldType::String},
                              {"use_zh", FieldType::String},
                              {"use_en", FieldType::String},
                              {"demand_factor", FieldType::Real}}));
  l.add({core::FeatureId(1),
         core::Geometry(),
         {std::string("FLY_ASH"), std::string("3011"), std::string("水泥混合材"), std::string("cement admixture"),
          0.15}});
  l.add({core::FeatureId(2),
         core::Geometry(),
         {std::string("FLY_ASH"), std::string("3031"), std::string("烧结砖"), std::string("fired bricks"),
          std::monostate{}}});
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
            "supply; net 19 CNY/t (no replaced value + 25 disposal avoided − 6 transport); score: CNY/yr for 46500 "
            "t/yr taken (the receiver's capacity) × net 19.14");
  // By hand: geodesic 9.016368 km (PROJ geod) × 1.3 = 11.72128 km × 0.5 = 5.86064 CNY/t transport;
  // net 25 − 5.86064 = 19.13936 CNY/t × 46,500 t/yr = 889,980.2 CNY/yr.
  EXPECT_EQ(core::toString(r.candidates.value(0, "score_unit")), "CNY/yr");
  EXPECT_NEAR(std::get<double>(r.candidates.value(0, "score")), 889980.2, 0.5);
  // Bricks: no capacity known, still a candidate (a registry with only industry codes still gets partners).
  EXPECT_EQ(core::toString(r.candidates.value(1, "receiver_id")), "B");
  EXPECT_TRUE(core::isNull(r.candidates.value(1, "capacity")));
  // Its score says what it assumes: half the supply, and the inferred-use weight. By hand: geodesic
  // 27.049096 km × 1.3 × 0.5 = 17.58191 CNY/t; net 7.41809 × 50,000 t/yr × 0.8 = 296,723.6 CNY/yr.
  EXPECT_EQ(core::toString(r.candidates.value(1, "score_unit")), "CNY/yr");
  EXPECT_NEAR(std::get<double>(r.candidates.value(1, "score")), 296723.6, 0.5);
  const std::string reason = core::toString(r.candidates.value(1, "reason_en"));
  EXPECT_EQ(reason.substr(reason.find("; score: ")),
            "; score: CNY/yr for an assumed 50000 t/yr taken (50 % of the supply; the receiver's capacity is "
            "unknown and its record gives no size, so use and distance rank it) × net 7.42 × 0.8 inferred use")
      << reason;
  const std::string zh = core::toString(r.candidates.value(1, "reason_zh"));
  EXPECT_NE(zh.find("；评分：元/年，假定接收 50000 t/年（供给的 50%；接收方能力未知，记录无规模，按用途和距离排序）× "
                    "净收益 7.42 × 0.8（推断用途）"),
            std::string::npos)
      << zh;
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
  declared.add({core::FeatureId(2),
                core::Geometry(),
                {std::string("C"), std::string("FLY_ASH"), std::string("input"), std::monostate{}}});
  declared.add({core::FeatureId(3),
                core::Geometry(),
                {std::string("B"), std::string("FLY_ASH"), std::string("input"), std::monostate{}}});
  const PartnersResult r = runPartners({e_, declared, m_, u_}, {});
  ASSERT_EQ(r.candidates.size(), 2U);
  EXPECT_DOUBLE_EQ(std::get<double>(r.candidates.value(0, "capacity")), 46500.0);
  EXPECT_EQ(core::toString(r.candidates.value(0, "capacity_method")),
            "estimated: 1000 t/d clinker → 310000 t/a × 0.15 (cement admixture); declared input, quantity unknown");
  EXPECT_TRUE(core::isNull(r.candidates.value(1, "capacity")));
  const std::string reason = core::toString(r.candidates.value(1, "reason_en"));
  EXPECT_NE(reason.find("capacity unknown"), std::string::npos) << reason;
  ASSERT_EQ(r.optimal.size(), 1U);
  EXPECT_DOUBLE_EQ(std::get<double>(r.optimal.value(0, "quantity")), 46500.0);
}

TEST_F(PartnersToolTest, DistanceLimitLeavesResiduesUnmatchedAndSaysWhy) {
  core::Layer tight("materials", "", core::GeometryType::None, m_.schema());
  tight.add(
      {core::FeatureId(1),
       core::Geometry(),
       {std::string("FLY_ASH"), std::string("粉煤灰"), std::string("Coal fly ash"), std::string("t"), 5.0, 0.5, 25.0}});
  const PartnersResult r = runPartners({e_, f_, tight, u_}, {});
  EXPECT_EQ(r.candidates.size(), 0U);
  ASSERT_EQ(r.unmatched.size(), 1U);
  EXPECT_EQ(core::toString(r.unmatched.value(0, "reason")),
            "no receiver of FLY_ASH within 5 km; nearest: Cement works (C) at 9 km straight line, 12 km by road "
            "(straight line × 1.3)");
  EXPECT_EQ(core::toString(r.unmatched.value(0, "nearest_receiver_id")), "C");
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

// What `circatlas partners` asks for: the same listed candidates and unmatched residues, no
// allocation; with a sink, the same rows handed over one by one and none kept in the result.
TEST_F(PartnersToolTest, CandidatesOnlyListsTheSameRowsWithoutAllocatingAndASinkTakesThem) {
  PartnersParams one;
  one.topK = 1;
  const auto full = runPartners(input(), one);
  ASSERT_EQ(full.candidates.size(), 1U);
  ASSERT_FALSE(full.optimal.empty());
  PartnersParams listOnly = one;
  listOnly.candidatesOnly = true;
  const auto only = runPartners(input(), listOnly);
  EXPECT_TRUE(only.optimal.empty());
  EXPECT_TRUE(only.greedy.empty());
  EXPECT_TRUE(only.summary.empty());
  EXPECT_TRUE(only.flows.empty());
  ASSERT_EQ(only.candidates.size(), full.candidates.size());
  EXPECT_EQ(only.candidates[0].values, full.candidates[0].values);
  EXPECT_EQ(only.unmatched.size(), full.unmatched.size());
  std::vector<core::Feature> sunk;
  listOnly.candidateSink = [&](const core::Schema& schema, const core::Feature& row) {
    EXPECT_EQ(schema.size(), full.candidates.schema().size());
    sunk.push_back(row);
  };
  const auto streamed = runPartners(input(), listOnly);
  EXPECT_TRUE(streamed.candidates.empty());
  ASSERT_EQ(sunk.size(), 1U);
  EXPECT_EQ(sunk[0].id, full.candidates[0].id);
  EXPECT_EQ(sunk[0].values, full.candidates[0].values);
}

// ---- Profiles, status, quantities unknown, geodesic distances, cross-border ----

// A table of text columns (empty text = null) with optional points, for compact fixtures.
core::Layer table(const char* name, const std::vector<std::string>& fields,
                  const std::vector<std::vector<std::string>>& rows, const std::vector<core::LonLat>& points = {}) {
  std::vector<core::FieldDef> defs;
  for (const auto& f : fields) {
    const bool real = f == "capacity" || f == "quantity" || f == "factor" || f == "factor_low" || f == "factor_high" ||
                      f == "max_distance_km" || f == "cost_cny_per_unit_km" || f == "disposal_cost_cny_per_unit" ||
                      f == "start_year" || f == "end_year";
    defs.push_back({f, real ? FieldType::Real : FieldType::String});
  }
  core::Layer l(name, points.empty() ? "" : "EPSG:4326",
                points.empty() ? core::GeometryType::None : core::GeometryType::Point, core::Schema(defs));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::vector<core::Value> values;
    for (std::size_t j = 0; j < fields.size(); ++j) {
      const std::string& v = rows[i][j];
      if (v.empty()) values.emplace_back();
      else if (defs[j].type == FieldType::Real) values.emplace_back(std::stod(v));
      else values.emplace_back(v);
    }
    l.add({core::FeatureId(static_cast<std::int64_t>(i + 1)),
           points.empty() ? core::Geometry() : core::Geometry::point({points[i].lon, points[i].lat}), values});
  }
  return l;
}

const std::vector<std::string> kEnterpriseFields = {"id",         "name_zh",  "name_en",       "industry_code",
                                                    "fuel",       "capacity", "capacity_unit", "op_status",
                                                    "start_year", "end_year", "province_code"};

core::Layer flyAshOnly() {
  return table(
      "materials",
      {"code", "name_zh", "name_en", "unit", "max_distance_km", "cost_cny_per_unit_km", "disposal_cost_cny_per_unit"},
      {{"FLY_ASH", "粉煤灰", "Coal fly ash", "t", "170", "0.5", "25"}});
}

core::Layer noUses() { return table("material_uses", {"material_code", "receiver_industry", "use_zh", "use_en"}, {}); }

core::Layer profiles() {
  return table("industry_profiles",
               {"industry", "fuel", "material_code", "role", "capacity_unit", "factor", "factor_low", "factor_high",
                "method", "source"},
               {{"4411", "coal;unknown", "FLY_ASH", "output", "MW", "294.7392", "100", "500", "MW x factor", "test"},
                {"3011", "", "FLY_ASH", "input", "Mt/a cement", "0.15", "0.05", "0.2", "cement x share", "test"},
                {"3031", "", "FLY_ASH", "input", "", "", "", "", "present", "test"}});
}

core::Layer noFlows() {
  return table("flows", {"enterprise_id", "material_code", "direction", "quantity", "basis"}, {});
}

TEST(PartnersProfiles, CapacityTimesFactorEstimatesSupplyAndUptakeAndInferredReceiversRankBelow) {
  // Power plant 600 MW (no declared flows), cement 1 Mt/a, brick works without capacity; 0.1° apart at 36°N.
  const core::Layer e = table("enterprises", kEnterpriseFields,
                              {{"P", "电厂", "Power", "4411", "coal", "600", "MW", "operating", "", "", ""},
                               {"C", "水泥", "Cement", "3011", "", "1", "Mt/a cement", "operating", "", "", ""},
                               {"B", "砖", "Bricks", "3031", "", "", "", "", "", "", ""}},
                              {{103.0, 36.0}, {103.1, 36.0}, {103.05, 36.0}});
  const core::Layer f = noFlows(), m = flyAshOnly(), u = noUses(), pr = profiles();
  const PartnersResult r = runPartners({e, f, m, u, &pr}, {});
  ASSERT_EQ(r.candidates.size(), 2U);
  // 600 MW × 294.7392 t/MW = 176,843.52 t estimated; cement 1,000,000 t × 0.15 = 150,000 t.
  EXPECT_NEAR(std::get<double>(r.candidates.value(0, "supply")), 176843.52, 1e-6);
  EXPECT_EQ(core::toString(r.candidates.value(0, "supply_basis")), "estimated");
  EXPECT_EQ(core::toString(r.candidates.value(0, "receiver_id")), "C");  // farther, but known and larger share
  EXPECT_DOUBLE_EQ(std::get<double>(r.candidates.value(0, "capacity")), 150000.0);
  EXPECT_EQ(core::toString(r.candidates.value(1, "receiver_id")), "B");
  EXPECT_EQ(core::toString(r.candidates.value(1, "receiver_basis")), "inferred");
  EXPECT_TRUE(core::isNull(r.candidates.value(1, "capacity")));
  ASSERT_EQ(r.optimal.size(), 1U);
  EXPECT_DOUBLE_EQ(std::get<double>(r.optimal.value(0, "quantity")), 150000.0);
  // Every flow is listed with its basis and method.
  ASSERT_EQ(r.flows.size(), 3U);
  EXPECT_NE(core::toString(r.flows.value(0, "method")).find("600 MW × 294.739"), std::string::npos)
      << core::toString(r.flows.value(0, "method"));
}

TEST(PartnersProfiles, IndustryCodeOnlyGivesCandidatesOfUnknownQuantityNeverAllocated) {
  const core::Layer e = table("enterprises", kEnterpriseFields,
                              {{"P", "电厂", "Power", "4411", "", "", "", "", "", "", ""},
                               {"C", "水泥", "Cement", "3011", "", "", "", "", "", "", ""}},
                              {{103.0, 36.0}, {103.1, 36.0}});
  const core::Layer f = noFlows(), m = flyAshOnly(), u = noUses(), pr = profiles();
  const PartnersResult r = runPartners({e, f, m, u, &pr}, {});
  ASSERT_EQ(r.candidates.size(), 1U);
  EXPECT_TRUE(core::isNull(r.candidates.value(0, "supply")));
  EXPECT_EQ(core::toString(r.candidates.value(0, "supply_basis")), "inferred");
  EXPECT_NE(core::toString(r.candidates.value(0, "assumed")).find("supply quantity unknown"), std::string::npos);
  // No yearly value is claimed: the score is per tonne of supply and says it only ranks.
  EXPECT_EQ(core::toString(r.candidates.value(0, "score_unit")), "CNY/t");
  const std::string reason = core::toString(r.candidates.value(0, "reason_en"));
  EXPECT_NE(reason.find("; score: ranking figure in CNY per t of supply, not a yearly value (supply quantity "
                        "unknown): net "),
            std::string::npos)
      << reason;
  EXPECT_EQ(r.optimal.size(), 0U);
  ASSERT_EQ(r.summary.size(), 1U);
  EXPECT_EQ(std::get<std::int64_t>(r.summary.value(0, "supplies_without_quantity")), 1);
}

TEST(PartnersProfiles, UnmatchedSupplyOfUnknownQuantityIsListedWithTheNearestReceiver) {
  const core::Layer e = table("enterprises", kEnterpriseFields,
                              {{"P", "电厂", "Power", "4411", "", "", "", "", "", "", ""},
                               {"C", "水泥", "Cement", "3011", "", "", "", "", "", "", ""}},
                              {{100.0, 36.0}, {103.0, 36.0}});  // about 270 km apart
  const core::Layer f = noFlows(), m = flyAshOnly(), u = noUses(), pr = profiles();
  const PartnersResult r = runPartners({e, f, m, u, &pr}, {});
  EXPECT_EQ(r.candidates.size(), 0U);
  ASSERT_EQ(r.unmatched.size(), 1U);
  EXPECT_TRUE(core::isNull(r.unmatched.value(0, "quantity")));
  EXPECT_EQ(core::toString(r.unmatched.value(0, "nearest_receiver_id")), "C");
  EXPECT_NEAR(std::get<double>(r.unmatched.value(0, "nearest_km")), 270.1, 0.5);
}

TEST(PartnersProfiles, UnmatchedPipeSupplyGivesTheNearestReceiverAsStraightLineAndPipeLength) {
  // Steam by pipe (straight line × 1.2), at most 10 km; the only user is 0.3° east at 36°N.
  const core::Layer e = table("enterprises", kEnterpriseFields,
                              {{"P", "热电", "CHP", "4412", "", "", "", "", "", "", ""},
                               {"R", "炼厂", "Refinery", "2511", "", "", "", "", "", "", ""}},
                              {{103.0, 36.0}, {103.3, 36.0}});
  const core::Layer f = table("flows", {"enterprise_id", "material_code", "direction", "quantity", "basis"},
                              {{"P", "STEAM", "output", "100000", "reported"}});
  const core::Layer m = table(
      "materials",
      {"code", "name_zh", "name_en", "unit", "max_distance_km", "cost_cny_per_unit_km", "disposal_cost_cny_per_unit"},
      {{"STEAM", "蒸汽", "Process steam", "t", "10", "3", "0"}});
  const core::Layer u = table("material_uses", {"material_code", "receiver_industry", "use_zh", "use_en"},
                              {{"STEAM", "2511", "炼油工艺蒸汽", "process steam in refining"}});
  const core::Layer pr = table("exchange_parameters", {"parameter", "material_code", "value", "unit", "basis"},
                               {{"pipe_route_factor", "", "1.2", "", "test"},
                                {"transport", "STEAM", "pipe", "", "test"},
                                {"replaced_value", "STEAM", "150", "CNY/t", "test"}});
  CatalogueInput input{e, f, m, u};
  input.parameters = &pr;
  const PartnersResult r = runPartners(input, {});
  EXPECT_EQ(r.candidates.size(), 0U);
  ASSERT_EQ(r.unmatched.size(), 1U);
  // By hand: geodesic 27.049096 km (PROJ geod) → "27"; × 1.2 = 32.459 km of pipe → "32".
  EXPECT_EQ(core::toString(r.unmatched.value(0, "reason")),
            "no receiver of STEAM within 10 km; nearest: Refinery (R) at 27 km straight line, 32 km of pipe "
            "(straight line × 1.2)");
  EXPECT_NEAR(std::get<double>(r.unmatched.value(0, "nearest_km")), 27.049096, 1e-4);
}

TEST(PartnersStatus, RetiredAndPlannedFacilitiesNeitherProduceNorAbsorb) {
  const core::Layer e =
      table("enterprises", kEnterpriseFields,
            {{"P", "电厂", "Power", "4411", "coal", "600", "MW", "retired", "", "", ""},
             {"Q", "电厂2", "Power 2", "4411", "coal", "300", "MW", "operating", "", "2018", ""},
             {"C", "水泥", "Cement", "3011", "", "1", "Mt/a cement", "under_construction", "", "", ""},
             {"D", "水泥2", "Cement 2", "3011", "", "1", "Mt/a cement", "operating", "2030", "", ""}},
            {{103.0, 36.0}, {103.05, 36.0}, {103.1, 36.0}, {103.15, 36.0}});
  const core::Layer f = noFlows(), m = flyAshOnly(), u = noUses(), pr = profiles();
  PartnersParams p;
  p.year = 2024;
  const PartnersResult r = runPartners({e, f, m, u, &pr}, p);
  EXPECT_EQ(r.candidates.size(), 0U);
  EXPECT_EQ(r.flows.size(), 0U);
  ASSERT_EQ(r.inactive.size(), 4U);
  EXPECT_EQ(core::toString(r.inactive.value(0, "reason")), "retired");
  EXPECT_EQ(core::toString(r.inactive.value(1, "reason")), "closed by 2024 (end 2018)");
  // In 2012 the plant closed in 2018 was running; the retired one without an end year is not.
  p.year = 2012;
  const PartnersResult then = runPartners({e, f, m, u, &pr}, p);
  ASSERT_EQ(then.flows.size(), 1U);
  EXPECT_EQ(core::toString(then.flows.value(0, "enterprise_id")), "Q");
}

TEST(PartnersDistances, StraightLinesAreGeodesicsFarFromGansu) {
  // At 55°N a Gansu conic stretches 168 km by 5.4 %; the geodesic must not be stretched.
  const core::LonLat a{10.0, 55.0};
  const core::LonLat b{12.64, 55.0};
  const core::Layer e = table("enterprises", kEnterpriseFields,
                              {{"P", "Power", "Power", "4411", "", "", "", "", "", "", ""},
                               {"C", "Cement", "Cement", "3011", "", "", "", "", "", "", ""}},
                              {a, b});
  const core::Layer f = noFlows(), m = flyAshOnly(), u = noUses(), pr = profiles();
  PartnersParams p;
  p.detourFactor = 1.0;
  const PartnersResult r = runPartners({e, f, m, u, &pr}, p);
  ASSERT_EQ(r.candidates.size(), 1U);
  const double truth = geo::geodesicDistanceMeters(a, b) / 1000.0;
  EXPECT_NEAR(truth, 168.5, 0.5);
  EXPECT_NEAR(std::get<double>(r.candidates.value(0, "straight_km")), truth, 1e-9);
  EXPECT_NEAR(std::get<double>(r.candidates.value(0, "km")), truth, 1e-9);
}

TEST(PartnersCrossBorder, HomeSummaryCountsHomeResiduesAndWhatCrossesTheBorder) {
  const core::Layer e = table("enterprises", kEnterpriseFields,
                              {{"P", "电厂", "Power", "4411", "coal", "600", "MW", "", "", "", ""},
                               {"C", "水泥", "Cement", "3011", "", "1", "Mt/a cement", "", "", "", "640000"},
                               {"Q", "宁夏电厂", "Ningxia power", "4411", "coal", "100", "MW", "", "", "", "640000"}},
                              {{105.0, 36.0}, {105.1, 36.0}, {105.2, 36.0}});
  const core::Layer f = noFlows(), m = flyAshOnly(), u = noUses(), pr = profiles();
  PartnersParams gansu;  // the records say nothing of P's province: the caller names the home one
  gansu.homeProvince = "620000";
  const PartnersResult r = runPartners({e, f, m, u, &pr}, gansu);
  ASSERT_EQ(r.summary.size(), 1U);
  const double home = 600 * 294.7392;
  EXPECT_NEAR(std::get<double>(r.summary.value(0, "home_supplied")), home, 1e-6);
  const double homeMatched = std::get<double>(r.summary.value(0, "home_matched"));
  EXPECT_NEAR(std::get<double>(r.summary.value(0, "exported")), homeMatched, 1e-9);  // the only receiver is across
  EXPECT_NEAR(std::get<double>(r.summary.value(0, "home_utilisation_pct")), 100.0 * homeMatched / home, 1e-9);
  EXPECT_DOUBLE_EQ(std::get<double>(r.summary.value(0, "imported")), 0.0);
}

// Outside Gansu the home province comes from the registry: the one most records give. Only a
// receiver in another province is said to lie outside it; with no codes at all, none is.
TEST(PartnersCrossBorder, HomeProvinceComesFromTheRegistryNotGansu) {
  const auto reasons = [](const PartnersResult& r) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < r.candidates.size(); ++i)
      out.push_back(core::toString(r.candidates.value(i, "reason_en")));
    return out;
  };
  const core::Layer f = noFlows(), m = flyAshOnly(), u = noUses(), pr = profiles();
  // Guangdong: a power station and a cement works in 440000, a cement works across the border in Guangxi.
  const core::Layer guangdong =
      table("enterprises", kEnterpriseFields,
            {{"P", "电厂", "Power", "4411", "coal", "600", "MW", "", "", "", "440000"},
             {"C", "水泥", "Cement", "3011", "", "1", "Mt/a cement", "", "", "", "440000"},
             {"G", "广西水泥", "Guangxi cement", "3011", "", "1", "Mt/a cement", "", "", "", "450000"}},
            {{111.9, 23.4}, {111.8, 23.4}, {111.4, 23.5}});
  const PartnersResult r = runPartners({guangdong, f, m, u, &pr}, {});
  EXPECT_EQ(r.homeProvince, "440000");
  EXPECT_NE(r.parameters.find("home_province=440000"), std::string::npos);
  ASSERT_EQ(r.candidates.size(), 2U);
  for (std::size_t i = 0; i < r.candidates.size(); ++i) {
    const bool across = core::toString(r.candidates.value(i, "receiver_id")) == "G";
    EXPECT_EQ(reasons(r)[i].find("receiver outside the province (450000)") != std::string::npos, across)
        << reasons(r)[i];
    EXPECT_EQ(reasons(r)[i].find("outside the province") != std::string::npos, across) << reasons(r)[i];
  }
  ASSERT_EQ(r.summary.size(), 1U);
  EXPECT_GT(std::get<double>(r.summary.value(0, "home_supplied")), 0.0);

  // Denmark, no province codes: no home province, no receiver "outside" it.
  const core::Layer denmark =
      table("enterprises", kEnterpriseFields,
            {{"P", "Nordjylland", "Nordjylland power station", "4411", "coal", "600", "MW", "", "", "", ""},
             {"C", "Aalborg", "Aalborg Portland", "3011", "", "1", "Mt/a cement", "", "", "", ""}},
            {{10.05, 57.06}, {9.93, 57.04}});
  const PartnersResult d = runPartners({denmark, f, m, u, &pr}, {});
  EXPECT_EQ(d.homeProvince, "");
  EXPECT_NE(d.parameters.find("home_province=none"), std::string::npos);
  ASSERT_EQ(d.candidates.size(), 1U);
  EXPECT_EQ(reasons(d)[0].find("outside"), std::string::npos) << reasons(d)[0];
}

// Receivers of unknown intake whose records give a size (capacity in a unit with no demand factor)
// are taken to absorb in proportion to it: the largest the assumed half of the supply, a quarter
// as large a quarter of that. One without a size keeps the assumed half, so distance orders it.
TEST(PartnersSize, UnknownIntakeIsRankedBySizeWhereTheRecordGivesOne) {
  const std::vector<std::string> fields = {"id", "name_zh", "name_en", "industry_code", "capacity", "capacity_unit"};
  const core::Layer e = table("enterprises", fields,
                              {{"P", "电厂", "Power", "4411", "", ""},
                               {"S", "小砖厂", "Small brick works", "3031", "30", "million bricks/a"},
                               {"L", "大砖厂", "Large brick works", "3031", "120", "million bricks/a"},
                               {"N", "砖厂", "Brick works of unknown size", "3031", "", ""}},
                              {{103.0, 36.0}, {103.1, 36.0}, {103.15, 36.0}, {103.05, 36.0}});
  const core::Layer f = table("flows", {"enterprise_id", "material_code", "direction", "quantity", "basis"},
                              {{"P", "FLY_ASH", "output", "100000", "reported"}});
  const core::Layer m = flyAshOnly();
  const core::Layer u = table("material_uses", {"material_code", "receiver_industry", "use_zh", "use_en"},
                              {{"FLY_ASH", "3031", "烧结砖", "fired bricks"}});
  const PartnersResult r = runPartners({e, f, m, u}, {});
  ASSERT_EQ(r.candidates.size(), 3U);
  const auto id = [&](std::size_t i) { return core::toString(r.candidates.value(i, "receiver_id")); };
  // N (4.5 km) and L (13.5 km) are both taken to absorb 50 000 t; S (9 km) a quarter of that.
  EXPECT_EQ(id(0), "N");
  EXPECT_EQ(id(1), "L");
  EXPECT_EQ(id(2), "S");
  const std::string small = core::toString(r.candidates.value(2, "reason_en"));
  EXPECT_NE(small.find("for an assumed 12500 t/yr taken (50 % of the supply × 0.25 for its size (30 million bricks/a "
                       "against 120 million bricks/a, the largest receiver of FLY_ASH so measured)"),
            std::string::npos)
      << small;
  const double km = std::get<double>(r.candidates.value(2, "km"));
  EXPECT_NEAR(std::get<double>(r.candidates.value(2, "score")), (25.0 - 0.5 * km) * 12500.0 * 0.8,
              1e-6);  // inferred use
  EXPECT_NE(core::toString(r.candidates.value(0, "reason_en")).find("its record gives no size"), std::string::npos);
  EXPECT_NE(core::toString(r.candidates.value(2, "assumed")).find("× 0.25 (its size 30 million bricks/a"),
            std::string::npos);
}

}  // namespace
}  // namespace circatlas::tools
