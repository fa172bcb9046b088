// HotspotsTool's reading of the flows: which flows count as a site's output of the material, and how
// they add up, checked by hand on a few enterprises in three counties.
#include "tools/hotspots_tool.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.h"
#include "core/geometry.h"
#include "core/layer.h"

namespace circatlas::tools {
namespace {

using core::FieldType;
using core::Value;

Value s(const char* text) { return std::string(text); }

// Three 0.5° squares side by side along 37°N, in Gansu: codes A, B, C.
core::Layer threeCounties() {
  core::Layer out("counties", "EPSG:4326", core::GeometryType::Polygon,
                  core::Schema({{"code", FieldType::String},
                                {"name_zh", FieldType::String},
                                {"name_en", FieldType::String},
                                {"prefecture_code", FieldType::String}}));
  const char* codes[] = {"A", "B", "C"};
  for (int i = 0; i < 3; ++i) {
    const double west = 100.0 + 0.5 * i;
    const std::vector<std::vector<core::Coord>> ring = {
        {{west, 37.0}, {west + 0.5, 37.0}, {west + 0.5, 37.5}, {west, 37.5}, {west, 37.0}}};
    out.add({core::FeatureId(i + 1), core::Geometry::polygon(ring), {s(codes[i]), s(codes[i]), s(codes[i]), s("P")}});
  }
  return out;
}

core::Layer enterprises() {
  core::Layer out("enterprises", "EPSG:4326", core::GeometryType::Point, core::Schema({{"id", FieldType::String}}));
  const auto add = [&](const char* id, core::Geometry g) {
    out.add({core::FeatureId(static_cast<std::int64_t>(out.size()) + 1), std::move(g), {s(id)}});
  };
  add("E1", core::Geometry::point({100.25, 37.25}));  // county A
  add("E2", core::Geometry::point({100.75, 37.25}));  // county B
  add("E3", core::Geometry::point({101.25, 37.25}));  // county C
  add("E4", core::Geometry::point({101.30, 37.30}));  // county C
  add("E5", core::Geometry());                        // no location
  return out;
}

core::Layer flows(const std::vector<std::vector<Value>>& rows) {
  core::Layer out("flows", "", core::GeometryType::None,
                  core::Schema({{"enterprise_id", FieldType::String},
                                {"material_code", FieldType::String},
                                {"direction", FieldType::String},
                                {"quantity", FieldType::Real}}));
  for (const auto& r : rows) out.add({core::FeatureId(static_cast<std::int64_t>(out.size()) + 1), {}, r});
  return out;
}

double countyOutput(const HotspotsResult& r, const std::string& code) {
  for (std::size_t i = 0; i < r.counties.size(); ++i) {
    if (core::toString(r.counties.value(i, "code")) == code) return std::get<double>(r.counties.value(i, "output"));
  }
  ADD_FAILURE() << "no county " << code;
  return -1;
}

// E1's two outputs add up; an input, another material, a flow without quantity, a site without
// location and an id no enterprise has add nothing.
TEST(HotspotsTool, OutputsOfTheMaterialAddUpPerSite) {
  const core::Layer f = flows({
      {s("E1"), s("FLY_ASH"), s("output"), Value(100.0)},
      {s("E2"), s("FLY_ASH"), s("input"), Value(1000.0)},
      {s("E1"), s("FLY_ASH"), s("output"), Value(50.0)},
      {s("E3"), s("COAL_GANGUE"), s("output"), Value(500.0)},
      {s("E4"), s("FLY_ASH"), s("output"), Value()},
      {s("E5"), s("FLY_ASH"), s("output"), Value(30.0)},
      {s("X9"), s("FLY_ASH"), s("output"), Value(70.0)},
      {s("E4"), s("FLY_ASH"), s("output"), Value(7.0)},
  });
  HotspotsParams params;
  params.permutations = 9;
  const HotspotsResult r = runHotspots(enterprises(), f, threeCounties(), params);
  EXPECT_EQ(r.outputSites, 2U);  // E1 and E4
  EXPECT_EQ(r.sitesInCounties, 2U);
  ASSERT_TRUE(r.giStar);
  EXPECT_DOUBLE_EQ(countyOutput(r, "A"), 150.0);
  EXPECT_DOUBLE_EQ(countyOutput(r, "B"), 0.0);
  EXPECT_DOUBLE_EQ(countyOutput(r, "C"), 7.0);
}

TEST(HotspotsTool, NothingToMapWithoutAQuantifiedOutputAtALocatedSite) {
  const core::Layer f = flows({
      {s("E2"), s("FLY_ASH"), s("input"), Value(1000.0)},
      {s("E4"), s("FLY_ASH"), s("output"), Value()},
      {s("E5"), s("FLY_ASH"), s("output"), Value(30.0)},
  });
  EXPECT_FALSE(hasOutputToMap(enterprises(), f, "FLY_ASH"));
  const core::Layer one = flows({{s("E2"), s("FLY_ASH"), s("output"), Value(1.0)}});
  EXPECT_TRUE(hasOutputToMap(enterprises(), one, "FLY_ASH"));
  EXPECT_FALSE(hasOutputToMap(enterprises(), one, "STEEL_SLAG"));
}

// A flows table without a column the sums need is refused naming the layer and the field; an empty one has
// nothing to map, whatever its columns.
TEST(HotspotsTool, AFlowsTableWithoutItsColumnsIsNamed) {
  core::Layer f("flows", "", core::GeometryType::None,
                core::Schema({{"enterprise_id", FieldType::String}, {"material_code", FieldType::String}}));
  EXPECT_FALSE(hasOutputToMap(enterprises(), f, "FLY_ASH"));
  f.add({core::FeatureId(1), {}, {s("E1"), s("FLY_ASH")}});
  try {
    (void)hasOutputToMap(enterprises(), f, "FLY_ASH");
    FAIL() << "no error";
  } catch (const core::InputError& e) {
    EXPECT_NE(std::string(e.what()).find("flows"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("direction"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace circatlas::tools
