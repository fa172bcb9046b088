// WhatIfTool: a proposed receiver near a stranded residue raises the matched quantity by what it takes.
#include "tools/whatif_tool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "core/error.h"
#include "core/progress.h"

namespace circatlas::tools {
namespace {

using core::FieldType;

struct Fixture {
  core::Layer enterprises{"enterprises", "EPSG:4326", core::GeometryType::Point,
                          core::Schema({{"id", FieldType::String},
                                        {"name_zh", FieldType::String},
                                        {"name_en", FieldType::String},
                                        {"industry_code", FieldType::String}})};
  core::Layer flows{"flows", "", core::GeometryType::None,
                    core::Schema({{"enterprise_id", FieldType::String},
                                  {"material_code", FieldType::String},
                                  {"direction", FieldType::String},
                                  {"quantity", FieldType::Real}})};
  core::Layer materials{"materials", "", core::GeometryType::None,
                        core::Schema({{"code", FieldType::String},
                                      {"name_zh", FieldType::String},
                                      {"name_en", FieldType::String},
                                      {"unit", FieldType::String},
                                      {"max_distance_km", FieldType::Real},
                                      {"cost_cny_per_unit_km", FieldType::Real}})};
  core::Layer uses{"material_uses", "", core::GeometryType::None,
                   core::Schema({{"material_code", FieldType::String},
                                 {"receiver_industry", FieldType::String},
                                 {"use_zh", FieldType::String},
                                 {"use_en", FieldType::String}})};
  core::Layer projects{"projects", "EPSG:4326", core::GeometryType::Point,
                       core::Schema({{"id", FieldType::String},
                                     {"name_zh", FieldType::String},
                                     {"name_en", FieldType::String},
                                     {"status", FieldType::String}})};
  core::Layer projectFlows{"project_flows", "", core::GeometryType::None,
                           core::Schema({{"project_id", FieldType::String},
                                         {"material_code", FieldType::String},
                                         {"direction", FieldType::String},
                                         {"quantity", FieldType::Real}})};

  Fixture() {
    // A copper smelter with 500 kt of slag and no user within 50 km; a project 10 km away takes 300 kt.
    enterprises.add({core::FeatureId(1),
                     core::Geometry::point({102.20, 38.50}),
                     {std::string("S"), std::string("冶炼厂"), std::string("Smelter"), std::string("3211")}});
    flows.add({core::FeatureId(1),
               core::Geometry(),
               {std::string("S"), std::string("NONFERROUS_SLAG"), std::string("output"), 500000.0}});
    materials.add({core::FeatureId(1),
                   core::Geometry(),
                   {std::string("NONFERROUS_SLAG"), std::string("有色冶炼渣"), std::string("Non-ferrous slag"),
                    std::string("t"), 50.0, 0.5}});
    projects.add(
        {core::FeatureId(1),
         core::Geometry::point({102.30, 38.50}),
         {std::string("J1"), std::string("铜渣再选"), std::string("Slag re-flotation"), std::string("proposed")}});
    projectFlows.add({core::FeatureId(1),
                      core::Geometry(),
                      {std::string("J1"), std::string("NONFERROUS_SLAG"), std::string("input"), 300000.0}});
  }
  CatalogueInput input() const { return {enterprises, flows, materials, uses}; }
};

TEST(WhatIfTool, ProjectThatTakesAStrandedResidueRaisesMatchedByItsCapacity) {
  const Fixture f;
  const WhatIfResult r = runWhatIf(f.input(), f.projects, f.projectFlows, {});
  ASSERT_EQ(r.table.size(), 1U);
  EXPECT_DOUBLE_EQ(std::get<double>(r.table.value(0, "matched_without")), 0.0);
  EXPECT_DOUBLE_EQ(std::get<double>(r.table.value(0, "matched_with")), 300000.0);
  EXPECT_DOUBLE_EQ(std::get<double>(r.table.value(0, "matched_change")), 300000.0);
  EXPECT_NEAR(std::get<double>(r.table.value(0, "utilisation_with_pct")), 60.0, 1e-9);
  // 0.1° of longitude at 38.5°N is 8.7 km; × 1.3 × 0.5 CNY/t·km × 300 kt ≈ 1.70 M CNY.
  EXPECT_NEAR(std::get<double>(r.table.value(0, "transport_cny_with")) / 1e6, 1.70, 0.02);
}

TEST(WhatIfTool, ProjectsThatCannotChangeAnythingSayWhyInWords) {
  Fixture f;
  // J2 names no flow; J3 has flows but no location.
  f.projects.add(
      {core::FeatureId(2),
       core::Geometry::point({102.25, 38.50}),
       {std::string("J2"), std::string("示范镇"), std::string("Demonstration town"), std::string("proposed")}});
  f.projects.add({core::FeatureId(3),
                  core::Geometry(),
                  {std::string("J3"), std::string("未定位"), std::string("Not located"), std::string("proposed")}});
  f.projectFlows.add({core::FeatureId(2),
                      core::Geometry(),
                      {std::string("J3"), std::string("NONFERROUS_SLAG"), std::string("input"), 1000.0}});
  const WhatIfResult r = runWhatIf(f.input(), f.projects, f.projectFlows, {});
  ASSERT_EQ(r.table.size(), 3U);
  auto why = [&](const std::string& id) {
    for (std::size_t i = 0; i < r.table.size(); ++i) {
      if (core::toString(r.table.value(i, "project_id")) != id) continue;
      EXPECT_DOUBLE_EQ(std::get<double>(r.table.value(i, "matched_change")), 0.0) << id;
      return core::toString(r.table.value(i, "why"));
    }
    return std::string("(no row)");
  };
  EXPECT_NE(why("J2").find("names no material it takes or puts out and no capacity"), std::string::npos) << why("J2");
  EXPECT_NE(why("J3").find("has no location"), std::string::npos) << why("J3");
  // Every reason in Chinese too (why_zh), as partners gives reason_zh beside reason_en.
  for (std::size_t i = 0; i < r.table.size(); ++i) {
    const std::string zh = core::toString(r.table.value(i, "why_zh"));
    EXPECT_FALSE(zh.empty()) << core::toString(r.table.value(i, "project_id"));
    EXPECT_NE(zh, core::toString(r.table.value(i, "why")));
  }
}

TEST(WhatIfTool, UnknownProjectIsAParameterError) {
  const Fixture f;
  WhatIfParams p;
  p.projectIds = {"J404"};
  EXPECT_THROW((void)runWhatIf(f.input(), f.projects, f.projectFlows, p), core::ParameterError);
}

// Records what the tool reports; asks to stop once `stopAfter` reports have arrived.
class RecordingProgress final : public core::Progress {
 public:
  explicit RecordingProgress(std::size_t stopAfter) : stopAfter_(stopAfter) {}
  void report(double fraction, std::string_view) override { fractions.push_back(fraction); }
  [[nodiscard]] bool cancelled() const override { return fractions.size() >= stopAfter_; }
  std::vector<double> fractions;

 private:
  std::size_t stopAfter_;
};

TEST(WhatIfTool, ReportsRisingProgressToTheEndAndStopsWhenCancelled) {
  const Fixture f;
  RecordingProgress all(1000);
  (void)runWhatIf(f.input(), f.projects, f.projectFlows, {}, &all);
  ASSERT_GE(all.fractions.size(), 3U);
  EXPECT_TRUE(std::is_sorted(all.fractions.begin(), all.fractions.end()));
  EXPECT_DOUBLE_EQ(all.fractions.back(), 1.0);

  RecordingProgress stopAtOnce(1);
  EXPECT_THROW((void)runWhatIf(f.input(), f.projects, f.projectFlows, {}, &stopAtOnce), core::Cancelled);
  EXPECT_EQ(stopAtOnce.fractions.size(), 1U);
}

TEST(PartnersTool, StopsAtItsFirstCheckWhenCancelled) {
  const Fixture f;
  RecordingProgress stopAtOnce(0);
  EXPECT_THROW((void)runPartners(f.input(), {}, &stopAtOnce), core::Cancelled);
  EXPECT_TRUE(stopAtOnce.fractions.empty());
}

}  // namespace
}  // namespace circatlas::tools
