// The single metric CRS in which circatlas measures distances, clusters and buffers in Gansu.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/points.h"

namespace circatlas::geo {

/// WGS 84 geographic coordinates with longitude first (the order every circatlas API uses).
inline constexpr std::string_view kWgs84 = "EPSG:4326";

/// Lambert conformal conic for Gansu on the WGS 84 ellipsoid, in metres.
///
/// Why conformal: the analyses measure distances in every direction (DBSCAN eps, buffers,
/// nearest neighbours), so the scale must be the same in all directions at a point; an
/// equal-area conic would stretch north–south distances against east–west ones. Areas are
/// computed geodesically instead (geo/geodesic.h), never in this CRS.
/// Why these parameters: Gansu spans 32.6–42.8°N; standard parallels at 34.2°N and 41.2°N (about
/// one-seventh in from each end, nudged so the errors at the middle and at both ends balance)
/// keep the scale factor within 0.9981–1.0023, i.e. distances are off by at most 0.23 % anywhere
/// in the province (measured in tests/geo/analysis_crs_test.cpp).
/// The central meridian 101°E is the province's mid-longitude; with a conic the scale does not
/// depend on longitude, so the long NW–SE shape of Gansu costs nothing.
inline constexpr std::string_view kAnalysisCrs =
    "+proj=lcc +lat_0=37.5 +lon_0=101 +lat_1=34.2 +lat_2=41.2 +x_0=0 +y_0=0 +datum=WGS84 +units=m "
    "+no_defs +type=crs";

/// The largest relative distance error of kAnalysisCrs inside Gansu (0.23 %), for callers that
/// state the accuracy of metric results.
inline constexpr double kAnalysisCrsMaxScaleError = 0.0023;

/// A conformal projection chosen for the data's own extent, so a registry in Denmark or Guangdong
/// is measured as well as one in Gansu.
struct FittedCrs {
  std::string proj;       ///< PROJ definition (Lambert conformal conic, or Mercator across the equator)
  double minScale = 1.0;  ///< smallest scale factor over the extent (sampled)
  double maxScale = 1.0;  ///< largest scale factor over the extent (sampled)
  /// The largest relative distance error inside the extent: max(|maxScale − 1|, |1 − minScale|).
  [[nodiscard]] double maxScaleError() const noexcept;
  /// "LCC 34.2/41.2°N, lon 101°E; scale 0.9981–1.0023 (distances within 0.23 %)" for outputs.
  [[nodiscard]] std::string describe() const;
};

/// The conformal projection for points (WGS 84 lon/lat): a Lambert conformal conic centred on the
/// points' extent with standard parallels one sixth in from its southern and northern edges
/// (one tangent parallel when the extent is under half a degree tall), or a Mercator with true
/// scale at the equator when the extent crosses it. The scale range is sampled on a 9 × 9 grid
/// over the extent with PROJ and the geodesic. No points: kAnalysisCrs (Gansu).
[[nodiscard]] FittedCrs conformalCrsFor(std::span<const core::LonLat> points);

/// kAnalysisCrs when every point lies in Gansu or the ring of about 150 km around it that the
/// built-in facilities reach (31–44°N, 92–111°E; a conic's scale depends on latitude only, and
/// kAnalysisCrs's is within 0.49 % there, PROJ `proj -S` at 31°N: 1.00483), so that results in
/// Gansu stay as they were; conformalCrsFor(points) otherwise (a registry elsewhere, or reaching
/// beyond that ring). No points: kAnalysisCrs.
[[nodiscard]] FittedCrs metricCrsFor(std::span<const core::LonLat> points);

}  // namespace circatlas::geo
