// One feature of a layer: id, geometry and attribute values in schema order.
#pragma once

#include <vector>

#include "core/geometry.h"
#include "core/ids.h"
#include "core/value.h"

namespace circatlas::core {

/// A feature. `values` has one entry per schema field, in schema order; null where missing.
struct Feature {
  FeatureId id;
  Geometry geometry;
  std::vector<Value> values;
};

}  // namespace circatlas::core
