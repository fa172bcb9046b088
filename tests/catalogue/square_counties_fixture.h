// Two made-up square "counties" of one prefecture, shared by the validator's tests and its fuzz target.
#pragma once

#include <string>
#include <vector>

#include "core/geometry.h"
#include "core/layer.h"

namespace circatlas::test {

/// 620102 城关区 on 103–104°E and 620103 七里河区 on 104–105°E, both 36–37°N, prefecture 620100:
/// enough to check codes and point-in-county logic by eye.
inline core::Layer squareCounties() {
  core::Layer layer("counties", "EPSG:4326", core::GeometryType::Polygon,
                    core::Schema({{"code", core::FieldType::String},
                                  {"name_zh", core::FieldType::String},
                                  {"prefecture_code", core::FieldType::String}}));
  auto square = [](double west) {
    const std::vector<std::vector<core::Coord>> rings = {
        {{west, 36}, {west + 1, 36}, {west + 1, 37}, {west, 37}, {west, 36}}};
    return core::Geometry::polygon(rings);
  };
  layer.add({core::FeatureId(1), square(103), {std::string("620102"), std::string("城关区"), std::string("620100")}});
  layer.add({core::FeatureId(2), square(104), {std::string("620103"), std::string("七里河区"), std::string("620100")}});
  return layer;
}

}  // namespace circatlas::test
