// Layers keep features in schema order and name themselves in errors.
#include "core/layer.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "core/error.h"

namespace circatlas::core {
namespace {

Layer twoFieldLayer() {
  return Layer("parks", "EPSG:4326", GeometryType::Point,
               Schema({{"id", FieldType::String}, {"area_km2", FieldType::Real}}));
}

TEST(Layer, ValueByFieldName) {
  Layer layer = twoFieldLayer();
  layer.add({FeatureId(1), Geometry::point({102.19, 38.52}), {std::string("P001"), 98.5}});
  EXPECT_EQ(std::get<double>(layer.value(0, "area_km2")), 98.5);
  EXPECT_EQ(layer.extent().minX, 102.19);
}

TEST(Layer, FeatureWithWrongValueCountIsRejectedNamingLayerAndFeature) {
  Layer layer = twoFieldLayer();
  try {
    layer.add({FeatureId(12), Geometry::point({0, 0}), {std::string("P002")}});
    FAIL() << "expected ParameterError";
  } catch (const ParameterError& e) {
    EXPECT_STREQ(e.what(), "layer 'parks', feature 12: feature has 1 values, schema has 2 fields");
  }
}

// Features made elsewhere (side by side on several threads) replace the layer's; one of the wrong width is
// refused as add refuses it, and the layer keeps what it had.
TEST(Layer, AssignedFeaturesReplaceTheLayersAndAreCheckedAsAddChecksThem) {
  Layer layer = twoFieldLayer();
  layer.add({FeatureId(1), Geometry::point({0, 0}), {std::string("P001"), 1.0}});
  std::vector<Feature> made(3);
  for (std::size_t i = 0; i < made.size(); ++i) {
    made[i] = {FeatureId(static_cast<std::int64_t>(10 + i)),
               Geometry::point({1.0 * static_cast<double>(i), 2}),
               {std::string("Q") + std::to_string(i), 0.5 * static_cast<double>(i)}};
  }
  layer.assignFeatures(made);
  ASSERT_EQ(layer.size(), 3U);
  EXPECT_EQ(layer[2].id.value(), 12);
  EXPECT_EQ(std::get<core::Text>(layer.value(1, "id")), "Q1");
  made[1].values.pop_back();
  try {
    layer.assignFeatures(made);
    FAIL() << "expected ParameterError";
  } catch (const ParameterError& e) {
    EXPECT_STREQ(e.what(), "layer 'parks', feature 11: feature has 1 values, schema has 2 fields");
  }
  EXPECT_EQ(layer.size(), 3U);
  EXPECT_EQ(std::get<double>(layer.value(1, "area_km2")), 0.5);
}

// A large layer's features are freed on every core: cleared, it keeps its name, CRS and schema and takes
// features again; a copy made before is untouched, and layers of either size are destroyed (under the
// sanitizers: without a leak or a double free).
TEST(Layer, ALargeLayerClearedOnEveryCoreKeepsItsSchemaAndTakesFeaturesAgain) {
  for (const std::size_t n : {std::size_t{3}, std::size_t{1} << 17}) {
    Layer layer = twoFieldLayer();
    std::vector<Feature> made(n);
    for (std::size_t i = 0; i < n; ++i) {
      made[i] = {FeatureId(static_cast<std::int64_t>(i + 1)),
                 Geometry::point({1.0 * static_cast<double>(i % 100), 2}),
                 {std::string("a park of a long name, past the small-string buffer ") + std::to_string(i), 1.0}};
    }
    layer.assignFeatures(std::move(made));
    const Layer copy = layer;
    layer.clearFeatures();
    EXPECT_TRUE(layer.empty()) << n;
    EXPECT_EQ(layer.name(), "parks");
    EXPECT_EQ(layer.crs(), "EPSG:4326");
    EXPECT_EQ(layer.schema().size(), 2U);
    ASSERT_EQ(copy.size(), n);
    EXPECT_EQ(std::get<core::Text>(copy.value(n - 1, "id")),
              "a park of a long name, past the small-string buffer " + std::to_string(n - 1));
    layer.add({FeatureId(1), Geometry::point({0, 0}), {std::string("P001"), 1.0}});
    EXPECT_EQ(layer.size(), 1U);
  }
}

TEST(Layer, MissingFieldIsAnInputErrorNamingLayerAndField) {
  Layer layer = twoFieldLayer();
  layer.add({FeatureId(1), Geometry::point({0, 0}), {std::string("P001"), std::monostate{}}});
  try {
    (void)layer.value(0, "name_zh");
    FAIL() << "expected InputError";
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(), "layer 'parks', field 'name_zh': missing required field");
  }
}

TEST(Schema, DuplicateFieldNamesAreRejected) {
  EXPECT_THROW(Schema({{"code", FieldType::String}, {"code", FieldType::Integer}}), ParameterError);
}

TEST(Value, NullRendersEmptyAndRealsRoundTrip) {
  EXPECT_EQ(toString(Value{}), "");
  EXPECT_EQ(toString(Value{0.1}), "0.1");
  EXPECT_EQ(toString(Value{std::int64_t{620102}}), "620102");
  EXPECT_EQ(toString(Value{DateTime{2012, 5, 17, 0, 0, 0.0, std::nullopt}}), "2012-05-17");
}

}  // namespace
}  // namespace circatlas::core
