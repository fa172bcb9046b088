// Kernel density of weighted points on a regular grid (quartic kernel), for residue-tonnage hotspot maps.
#pragma once

#include <span>
#include <vector>

#include "core/points.h"

namespace circatlas::analysis::hotspot {

/// A north-up grid in metres of the analysis CRS: cell (row 0, col 0) is the north-west corner.
struct Grid {
  double west = 0.0;
  double north = 0.0;
  double cellMeters = 1000.0;
  std::size_t columns = 0;
  std::size_t rows = 0;
  std::vector<double> values;  ///< row-major, rows × columns
};

struct DensityParams {
  double bandwidthMeters = 20000.0;  ///< kernel radius; nothing beyond it contributes
  double cellMeters = 2000.0;
};

/// Density surface: Σ w_i K(d / h) / h² over points within the bandwidth h of each cell centre,
/// with the quartic (biweight) kernel K(u) = 3/π (1 − u²)² for u < 1, which integrates to 1, so
/// the surface integrates to Σ w (units of weight per m²; × 1e6 for per km²). The grid covers the
/// points' extent grown by one bandwidth. Throws core::ParameterError for non-positive or
/// non-finite parameters, a grid over 100 million cells, or weights/points of different length.
[[nodiscard]] Grid kernelDensity(std::span<const core::XY> points, std::span<const double> weights,
                                 const DensityParams& params);

}  // namespace circatlas::analysis::hotspot
