// Per-prefecture allocation summaries: supply, matched and received tonnes land in the right polygon.
#include "tools/allocation_regions.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace circatlas::tools {
namespace {

using core::FieldType;
using core::Value;

core::Layer squares() {
  // P1 = [100, 101] × [36, 37], P2 = [101, 102] × [36, 37].
  core::Layer l(
      "prefectures", "EPSG:4326", core::GeometryType::Polygon,
      core::Schema({{"code", FieldType::String}, {"name_zh", FieldType::String}, {"name_en", FieldType::String}}));
  for (int k = 0; k < 2; ++k) {
    const double w = 100.0 + k;
    const std::vector<std::vector<core::Coord>> rings = {{{w, 36}, {w + 1, 36}, {w + 1, 37}, {w, 37}, {w, 36}}};
    l.add({core::FeatureId(k + 1),
           core::Geometry::polygon(rings),
           {std::string(k == 0 ? "620100" : "620200"), std::string(k == 0 ? "甲" : "乙"),
            std::string(k == 0 ? "P1" : "P2")}});
  }
  return l;
}

core::Layer enterprises() {
  core::Layer l("enterprises", "EPSG:4326", core::GeometryType::Point, core::Schema({{"id", FieldType::String}}));
  l.add({core::FeatureId(1), core::Geometry::point({100.5, 36.5}), {std::string("A")}});  // in P1
  l.add({core::FeatureId(2), core::Geometry::point({101.5, 36.5}), {std::string("B")}});  // in P2
  l.add({core::FeatureId(3), core::Geometry::point({105.0, 36.5}), {std::string("C")}});  // outside both
  return l;
}

// The flows the partner search used (PartnersResult::flows), as it reports them.
core::Layer flows() {
  core::Layer l("facility_flows", "", core::GeometryType::None,
                core::Schema({{"enterprise_id", FieldType::String},
                              {"material", FieldType::String},
                              {"direction", FieldType::String},
                              {"quantity", FieldType::Real}}));
  auto add = [&](int id, const char* e, const char* m, const char* d, Value q) {
    l.add({core::FeatureId(id), core::Geometry(), {std::string(e), std::string(m), std::string(d), q}});
  };
  add(1, "A", "FLY_ASH", "output", 100.0);
  add(2, "A", "WASTE_HEAT", "output", 5000.0);  // MWh: not added to tonnes
  add(3, "B", "FLY_ASH", "input", 80.0);        // demand, not supply
  add(4, "C", "FLY_ASH", "output", 40.0);       // outside every prefecture
  add(5, "B", "SLAG", "output", Value());       // unquantified: not supply
  return l;
}

core::Layer materials() {
  core::Layer l("materials", "", core::GeometryType::None,
                core::Schema({{"code", FieldType::String}, {"unit", FieldType::String}}));
  l.add({core::FeatureId(1), core::Geometry(), {std::string("FLY_ASH"), std::string("t")}});
  l.add({core::FeatureId(2), core::Geometry(), {std::string("WASTE_HEAT"), std::string("MWh")}});
  l.add({core::FeatureId(3), core::Geometry(), {std::string("SLAG"), std::string("t")}});
  return l;
}

core::Layer links(double tonnes, double km, double cny) {
  core::Layer l("links", "EPSG:4326", core::GeometryType::LineString,
                core::Schema({{"supplier_id", FieldType::String},
                              {"receiver_id", FieldType::String},
                              {"unit", FieldType::String},
                              {"quantity", FieldType::Real},
                              {"km", FieldType::Real},
                              {"transport_cny", FieldType::Real}}));
  l.add(
      {core::FeatureId(1), core::Geometry(), {std::string("A"), std::string("B"), std::string("t"), tonnes, km, cny}});
  l.add({core::FeatureId(2),
         core::Geometry(),
         {std::string("A"), std::string("B"), std::string("MWh"), 1000.0, 1.0, 1.0}});  // other unit: ignored
  return l;
}

core::Layer empty() { return core::Layer("x", "", core::GeometryType::None, core::Schema()); }

TEST(AllocationByPrefecture, SumsSupplyMatchAndReceiptsWhereTheEnterprisesLie) {
  const core::Layer e = enterprises(), m = materials(), uses = empty();
  const PartnersResult result{
      empty(), links(60.0, 10.0, 30.0), links(50.0, 12.0, 36.0), empty(), empty(), empty(), flows(), "", ""};
  const core::Layer out = allocationByPrefecture({e, empty(), m, uses}, result, squares());
  ASSERT_EQ(out.size(), 2U);
  EXPECT_DOUBLE_EQ(std::get<double>(out.value(0, "supplied_t")), 100.0);
  EXPECT_DOUBLE_EQ(std::get<double>(out.value(0, "matched_t")), 60.0);
  EXPECT_DOUBLE_EQ(std::get<double>(out.value(0, "matched_greedy_t")), 50.0);
  EXPECT_DOUBLE_EQ(std::get<double>(out.value(0, "utilisation_pct")), 60.0);
  EXPECT_DOUBLE_EQ(std::get<double>(out.value(0, "t_km")), 600.0);
  EXPECT_DOUBLE_EQ(std::get<double>(out.value(0, "transport_cny")), 30.0);
  EXPECT_DOUBLE_EQ(std::get<double>(out.value(0, "received_t")), 0.0);
  // P2 supplies nothing in tonnes (its slag is unquantified) but receives A's fly ash.
  EXPECT_DOUBLE_EQ(std::get<double>(out.value(1, "supplied_t")), 0.0);
  EXPECT_TRUE(core::isNull(out.value(1, "utilisation_pct")));
  EXPECT_DOUBLE_EQ(std::get<double>(out.value(1, "received_t")), 60.0);
  EXPECT_EQ(out.geometryType(), core::GeometryType::MultiPolygon);
}

TEST(AllocationByPrefecture, NamesTheMissingField) {
  const core::Layer e = enterprises(), uses = empty();
  const core::Layer m("materials", "", core::GeometryType::None, core::Schema({{"code", FieldType::String}}));
  const PartnersResult result{empty(), empty(), empty(), empty(), empty(), empty(), flows(), "", ""};
  try {
    (void)allocationByPrefecture({e, empty(), m, uses}, result, squares());
    FAIL() << "expected an InputError";
  } catch (const core::InputError& error) {
    EXPECT_NE(std::string(error.what()).find("unit"), std::string::npos) << error.what();
    EXPECT_NE(std::string(error.what()).find("materials"), std::string::npos) << error.what();
  }
}

// The summary rows a utilisation figure covers, by hand: fly ash 80 of 100 t, gangue 10 of 50 t, heat in MWh
// (never added to tonnes), gypsum of category bulk_solid with no home supply.
TEST(UtilisationFigures, HomeUtilisationSumsTheCoveredMaterialsInTonnes) {
  core::Layer summary("summary", "", core::GeometryType::None,
                      core::Schema({{"material", FieldType::String},
                                    {"unit", FieldType::String},
                                    {"home_supplied", FieldType::Real},
                                    {"home_matched", FieldType::Real}}));
  auto row = [&](const char* m, const char* unit, double supplied, double matched) {
    summary.add({core::FeatureId(summary.size() + 1),
                 core::Geometry(),
                 {std::string(m), std::string(unit), supplied, matched}});
  };
  row("FLY_ASH", "t", 100, 80);
  row("COAL_GANGUE", "t", 50, 10);
  row("WASTE_HEAT", "MWh", 1000, 1000);
  row("FGD_GYPSUM", "t", 0, 0);
  core::Layer materials("materials", "", core::GeometryType::None,
                        core::Schema({{"code", FieldType::String}, {"category", FieldType::String}}));
  int id = 0;
  for (const auto& [code, category] : std::vector<std::pair<std::string, std::string>>{{"FLY_ASH", "bulk_solid"},
                                                                                       {"COAL_GANGUE", "bulk_solid"},
                                                                                       {"WASTE_HEAT", "energy"},
                                                                                       {"FGD_GYPSUM", "bulk_solid"}}) {
    materials.add({core::FeatureId(++id), core::Geometry(), {code, category}});
  }
  EXPECT_DOUBLE_EQ(*homeUtilisationPct({"fly ash", "", {"FLY_ASH"}, {}, 78}, summary, materials), 80.0);
  EXPECT_DOUBLE_EQ(*homeUtilisationPct({"both", "", {"FLY_ASH", "COAL_GANGUE"}, {}, 100}, summary, materials),
                   100.0 * 90 / 150);
  EXPECT_DOUBLE_EQ(*homeUtilisationPct({"bulk", "", {}, "bulk_solid", 55}, summary, materials), 100.0 * 90 / 150);
  EXPECT_DOUBLE_EQ(*homeUtilisationPct({"all", "", {}, {}, 66}, summary, materials), 100.0 * 90 / 150)
      << "MWh is not added to tonnes";
  EXPECT_FALSE(homeUtilisationPct({"gypsum", "", {"FGD_GYPSUM"}, {}, 70}, summary, materials).has_value())
      << "no home supply: nothing to compare";
  EXPECT_THROW((void)homeUtilisationPct({"x", "", {}, {}, 1}, materials, materials), core::InputError);
  EXPECT_FALSE(homeUtilisationPct({"bulk", "", {}, "bulk_solid", 55}, summary, summary).has_value())
      << "materials without categories: the figure cannot be placed";
}

// The two documents `circatlas allocate` prints: the programme's 2015 targets are there with its 66 %.
TEST(UtilisationFigures, TheProgrammes2015TargetsAreListed) {
  bool found = false;
  for (const auto& b : utilisationBenchmarks()) {
    if (b.source != "甘工信发[2012]350号") continue;
    found = true;
    ASSERT_EQ(b.figures.size(), 2u);
    EXPECT_DOUBLE_EQ(b.figures[0].pct, 66.0);
    EXPECT_DOUBLE_EQ(b.figures[1].pct, 100.0);
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace circatlas::tools
