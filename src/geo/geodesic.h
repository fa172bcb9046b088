// Distances, lengths and areas on the WGS 84 ellipsoid (PROJ's geodesic routines, Karney 2013).
#pragma once

#include <span>

#include "core/geometry.h"
#include "core/points.h"

namespace circatlas::geo {

/// Shortest distance on the WGS 84 ellipsoid between two points, in metres.
[[nodiscard]] double geodesicDistanceMeters(core::LonLat a, core::LonLat b) noexcept;

/// Length in metres of a geometry given in WGS 84 lon/lat: the sum over its paths (for polygons,
/// the ring perimeters). Zero for points.
[[nodiscard]] double geodesicLengthMeters(const core::Geometry& lonLatGeometry) noexcept;

/// Area in square metres of a (multi)polygon given in WGS 84 lon/lat: exterior rings minus holes,
/// independent of ring orientation. Zero for points and lines.
[[nodiscard]] double geodesicAreaSquareMeters(const core::Geometry& lonLatGeometry) noexcept;

}  // namespace circatlas::geo
