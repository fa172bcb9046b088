// HotspotsTool: where production of a residue is concentrated — a density surface and county Gi* scores.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/layer.h"
#include "core/progress.h"
#include "tools/analysis_specs.h"

namespace circatlas::tools {

struct HotspotsParams {
  std::string material{spec::hotspots::material.text};                       ///< residue whose output flows are mapped
  double bandwidthMeters = spec::hotspots::bandwidth.number;                 ///< kernel radius
  double cellMeters = spec::hotspots::cell.number;                           ///< density grid cell
  int permutations = static_cast<int>(spec::hotspots::permutations.number);  ///< for the Gi* pseudo p-values
  std::uint64_t seed = static_cast<std::uint64_t>(spec::hotspots::seed.number);
};

struct HotspotsResult {
  /// Density of the material's yearly output, in units per km² per year, on a grid in
  /// `densityCrs` (geo::metricCrsFor the sites: kAnalysisCrs in Gansu, a fitted conformal
  /// projection elsewhere): (west, north) is the grid's outer corner, row-major values.
  double west = 0, north = 0, cellMeters = 0;
  std::size_t columns = 0, rows = 0;
  std::vector<double> density;
  std::string densityCrs;
  /// County polygons with: code, name_zh, name_en, output (units/yr), gi_z, gi_p, hotspot
  /// ("hot spot 99 %", "hot spot 95 %", "cold spot 95 %", …, "not significant").
  core::Layer counties{"hotspots", "", core::GeometryType::None, core::Schema()};
  std::size_t outputSites = 0;      ///< sites with a quantified output of the material (the density's points)
  std::size_t sitesInCounties = 0;  ///< of those, the ones in a county
  /// False when there is no Gi* (`counties` empty): fewer than three counties, or none holding a
  /// site (every z-score would be 0). The density surface is computed all the same.
  bool giStar = false;
  std::string parameters;
};

/// True when `flows` give a quantified output of `material` at a located enterprise: what
/// runHotspots needs to map (it throws core::ParameterError otherwise).
[[nodiscard]] bool hasOutputToMap(const core::Layer& enterprises, const core::Layer& flows,
                                  const std::string& material);

/// Output flows of `material` (quantified ones) at their enterprises' points, projected once to
/// geo::metricCrsFor(the points) for the density (outside Gansu the parameters name that CRS); summed per county (by
/// location) for Gi* with queen contiguity (counties that share a boundary point are neighbours), unless
/// fewer than three counties are given or none holds a site (HotspotsResult::giStar). Throws
/// core::ParameterError when the material has no quantified output flow, or for invalid parameters; core::Cancelled
/// when the optional progress asks to stop.
[[nodiscard]] HotspotsResult runHotspots(const core::Layer& enterprises, const core::Layer& flows,
                                         const core::Layer& counties, const HotspotsParams& params,
                                         core::Progress* progress = nullptr);

}  // namespace circatlas::tools
