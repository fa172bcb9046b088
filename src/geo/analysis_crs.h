// The single metric CRS in which circatlas measures distances, clusters and buffers in Gansu.
#pragma once

#include <string_view>

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

}  // namespace circatlas::geo
