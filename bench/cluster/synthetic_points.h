// Seeded synthetic enterprise locations clustered around industrial parks across Gansu, for benchmarks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/points.h"

namespace circatlas::bench {

/// `count` points in degrees (WGS 84): 80 % Gaussian around 40 park centres (sigma 2–5 km, park sizes
/// varying tenfold), 20 % uniform over lon 93–108°E, lat 33–42°N. Same seed, same points.
[[nodiscard]] std::vector<core::LonLat> makeSyntheticParkPoints(std::size_t count, std::uint32_t seed = 20240611);

/// Projects lon/lat to the analysis CRS (geo::kAnalysisCrs) in metres, on `threads` threads, each with
/// its own geo::Transformer. Throws core::CrsError if a point cannot be projected.
[[nodiscard]] std::vector<core::XY> projectToAnalysisCrs(std::span<const core::LonLat> points, unsigned threads);

}  // namespace circatlas::bench
