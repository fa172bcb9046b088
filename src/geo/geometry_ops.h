// Geometry operations on core::Geometry, computed by GEOS (planar, in the geometry's own CRS).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/geometry.h"
#include "core/points.h"

namespace circatlas::geo {

/// Why a geometry is invalid (GEOS's reason and location), or nullopt when it is valid.
[[nodiscard]] std::optional<std::string> invalidityReason(const core::Geometry& g);

/// Repairs g with GEOS MakeValid. Polygonal input stays polygonal: collapsed lines and points
/// produced by the repair are dropped and the result is a MultiPolygon. Throws core::InputError
/// with GEOS's message if GEOS cannot repair it.
[[nodiscard]] core::Geometry makeValid(const core::Geometry& g);

/// Planar area in the square units of the geometry's CRS (use geodesicAreaSquareMeters for
/// lon/lat data).
[[nodiscard]] double planarArea(const core::Geometry& g);

/// Intersection of two polygonal geometries, as a MultiPolygon (empty when they only touch).
[[nodiscard]] core::Geometry polygonIntersection(const core::Geometry& a, const core::Geometry& b);

/// Union of polygonal geometries, as a MultiPolygon (GEOS cascaded union).
[[nodiscard]] core::Geometry polygonUnion(std::span<const core::Geometry> polygons);

/// Convex hull of all vertices of g (a Polygon; a LineString or Point when they are collinear or one).
[[nodiscard]] core::Geometry convexHull(const core::Geometry& g);

/// Concave hull of all vertices of g (GEOS 3.11): `ratio` 1 gives the convex hull, smaller values
/// follow the points more closely (0.3 is a reasonable planning default).
[[nodiscard]] core::Geometry concaveHull(const core::Geometry& g, double ratio);

/// Buffer of g by distance (in the units of g's CRS, so project to the analysis CRS first), with
/// 8 segments per quarter circle. Polygonal result as a MultiPolygon.
[[nodiscard]] core::Geometry buffer(const core::Geometry& g, double distance);

/// True if the geometries share at least one point (touching counts).
[[nodiscard]] bool intersects(const core::Geometry& a, const core::Geometry& b);

/// Smallest planar distance between two geometries, in the units of their CRS (0 if they meet).
[[nodiscard]] double distance(const core::Geometry& a, const core::Geometry& b);

/// A point guaranteed to lie inside a polygon (or on a line), for labels and containment tests.
[[nodiscard]] core::Coord pointOnSurface(const core::Geometry& g);

/// Each point's place along a Hilbert curve (GEOS, level 16: a 65,536 × 65,536 grid) over the points'
/// bounding box: sorted by it, points near each other on the ground come near each other in the order.
/// Points must be finite.
[[nodiscard]] std::vector<std::uint32_t> hilbertCodes(std::span<const core::XY> points);

}  // namespace circatlas::geo
