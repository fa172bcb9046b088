// Input checks shared by the cluster kernels.
#include "analysis/cluster/point_checks.h"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

#include "core/error.h"

namespace circatlas::analysis::cluster {

void checkPoints(std::span<const core::XY> points, const char* what) {
  if (points.size() >= static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max())) {
    throw core::ParameterError(std::string(what) + " handles fewer than 2^31 points, got " +
                               std::to_string(points.size()));
  }
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (!std::isfinite(points[i].x) || !std::isfinite(points[i].y)) {
      throw core::InputError("point " + std::to_string(i) + " has a non-finite coordinate (x = " +
                             std::to_string(points[i].x) + ", y = " + std::to_string(points[i].y) + ")");
    }
  }
}

}  // namespace circatlas::analysis::cluster
