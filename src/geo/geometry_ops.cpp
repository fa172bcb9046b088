// GEOS-backed validity, repair, area, intersection and union for core::Geometry.
#include "geo/geometry_ops.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "core/error.h"
#include "core/extent.h"
#include "core/parallel.h"
#include "geo/geos_support.h"

namespace circatlas::geo {

using detail::checked;
using detail::GeomPtr;
using detail::geosHandle;
using detail::toGeos;

std::optional<std::string> invalidityReason(const core::Geometry& g) {
  auto h = geosHandle();
  const GeomPtr geos = toGeos(g);
  const char valid = GEOSisValid_r(h, geos.get());
  if (valid == 1) return std::nullopt;
  if (valid == 2) detail::throwGeosError("checking validity");
  char* reason = GEOSisValidReason_r(h, geos.get());
  std::string out = reason ? reason : "invalid geometry";
  GEOSFree_r(h, reason);
  return out;
}

core::Geometry makeValid(const core::Geometry& g) {
  const GeomPtr geos = toGeos(g);
  const GeomPtr valid = checked(GEOSMakeValid_r(geosHandle(), geos.get()), "repairing a geometry (MakeValid)");
  if (core::isPolygonal(g.type())) return detail::polygonalParts(valid.get());
  return detail::fromGeos(valid.get());
}

double planarArea(const core::Geometry& g) {
  double area = 0.0;
  const GeomPtr geos = toGeos(g);
  if (!GEOSArea_r(geosHandle(), geos.get(), &area)) detail::throwGeosError("computing an area");
  return area;
}

core::Geometry polygonIntersection(const core::Geometry& a, const core::Geometry& b) {
  const GeomPtr ga = toGeos(a);
  const GeomPtr gb = toGeos(b);
  const GeomPtr result = checked(GEOSIntersection_r(geosHandle(), ga.get(), gb.get()), "intersecting polygons");
  return detail::polygonalParts(result.get());
}

core::Geometry polygonUnion(std::span<const core::Geometry> polygons) {
  std::vector<GeomPtr> parts;
  parts.reserve(polygons.size());
  for (const auto& p : polygons) parts.push_back(toGeos(p));
  std::vector<GEOSGeometry*> raw;
  raw.reserve(parts.size());
  for (auto& p : parts) raw.push_back(p.release());
  const GeomPtr collection = checked(
      GEOSGeom_createCollection_r(geosHandle(), GEOS_GEOMETRYCOLLECTION, raw.data(), static_cast<unsigned>(raw.size())),
      "collecting polygons");
  const GeomPtr result = checked(GEOSUnaryUnion_r(geosHandle(), collection.get()), "dissolving polygons");
  return detail::polygonalParts(result.get());
}

namespace {

// From this many vertices a hull's input is first thinned (hullCandidates): below it GEOS's own
// work is small anyway.
constexpr std::size_t kThinnedHullVertices = 256;

// The vertices of `points` that can lie on their convex hull: all but those strictly inside the octagon
// of the extreme points in eight directions (Akl and Toussaint's heuristic). The octagon's corners are
// input points, so a point inside it is inside the hull and the hull of the rest is the same. A point
// within a rounding margin of an edge is kept, so rounding never drops a hull vertex. On spread-out
// data nearly all points go, and GEOS (whose ConvexHull first sorts every distinct coordinate, 1.4 s
// for a million) gets only the few that remain.
core::Geometry hullCandidates(std::span<const core::Coord> points) {
  // Corners counter-clockwise: the extreme points in the directions 0°, 45°, …, 315°.
  constexpr std::array<std::array<double, 2>, 8> kDirections = {
      {{1, 0}, {1, 1}, {0, 1}, {-1, 1}, {-1, 0}, {-1, -1}, {0, -1}, {1, -1}}};
  std::array<core::Coord, 8> corner;
  std::array<double, 8> best;
  best.fill(-std::numeric_limits<double>::infinity());
  double scale = 0;
  for (const core::Coord& p : points) {
    for (std::size_t d = 0; d < kDirections.size(); ++d) {
      const double reach = kDirections[d][0] * p.x + kDirections[d][1] * p.y;
      if (reach > best[d]) {
        best[d] = reach;
        corner[d] = p;
      }
    }
    scale = std::max({scale, std::abs(p.x), std::abs(p.y)});
  }
  // Edges between distinct corners, each with its margin: cross products below it are rounding.
  struct Edge {
    core::Coord from;
    double dx, dy, margin;
  };
  std::vector<Edge> edges;
  for (std::size_t d = 0; d < corner.size(); ++d) {
    const core::Coord& a = corner[d];
    const core::Coord& b = corner[(d + 1) % corner.size()];
    if (a.x == b.x && a.y == b.y) continue;
    const double dx = b.x - a.x;
    const double dy = b.y - a.y;
    edges.push_back({a, dx, dy, 1e-9 * std::hypot(dx, dy) * std::max(scale, 1.0)});
  }
  core::Geometry kept(core::GeometryType::MultiPoint);
  for (const core::Coord& p : points) {
    // Strictly left of every edge, by more than the margin; with fewer than three edges nothing is.
    bool inside = edges.size() >= 3;
    for (std::size_t e = 0; inside && e < edges.size(); ++e) {
      inside = edges[e].dx * (p.y - edges[e].from.y) - edges[e].dy * (p.x - edges[e].from.x) > edges[e].margin;
    }
    if (!inside) kept.addPoint(p);
  }
  return kept;
}

}  // namespace

core::Geometry convexHull(const core::Geometry& g) {
  const bool thin = g.coords().size() >= kThinnedHullVertices;
  const GeomPtr geos = toGeos(thin ? hullCandidates(g.coords()) : g);
  const GeomPtr hull = checked(GEOSConvexHull_r(geosHandle(), geos.get()), "computing a convex hull");
  return detail::fromGeos(hull.get());
}

core::Geometry concaveHull(const core::Geometry& g, double ratio) {
  const GeomPtr geos = toGeos(g);
  const GeomPtr hull = checked(GEOSConcaveHull_r(geosHandle(), geos.get(), ratio, 0), "computing a concave hull");
  return detail::fromGeos(hull.get());
}

core::Geometry buffer(const core::Geometry& g, double distance) {
  const GeomPtr geos = toGeos(g);
  const GeomPtr result = checked(GEOSBuffer_r(geosHandle(), geos.get(), distance, 8), "buffering a geometry");
  return detail::polygonalParts(result.get());
}

bool intersects(const core::Geometry& a, const core::Geometry& b) {
  const GeomPtr ga = toGeos(a);
  const GeomPtr gb = toGeos(b);
  const char r = GEOSIntersects_r(geosHandle(), ga.get(), gb.get());
  if (r == 2) detail::throwGeosError("testing an intersection");
  return r == 1;
}

double distance(const core::Geometry& a, const core::Geometry& b) {
  const GeomPtr ga = toGeos(a);
  const GeomPtr gb = toGeos(b);
  double d = 0.0;
  if (!GEOSDistance_r(geosHandle(), ga.get(), gb.get(), &d)) detail::throwGeosError("computing a distance");
  return d;
}

core::Coord pointOnSurface(const core::Geometry& g) {
  const GeomPtr geos = toGeos(g);
  const GeomPtr point = checked(GEOSPointOnSurface_r(geosHandle(), geos.get()), "finding a point on the surface");
  double x = 0.0;
  double y = 0.0;
  if (!GEOSGeomGetX_r(geosHandle(), point.get(), &x) || !GEOSGeomGetY_r(geosHandle(), point.get(), &y)) {
    detail::throwGeosError("reading a point");
  }
  return {x, y};
}

std::vector<std::uint32_t> hilbertCodes(std::span<const core::XY> points) {
  std::vector<std::uint32_t> codes(points.size());
  if (points.empty()) return codes;
  core::Extent box;
  for (const core::XY& p : points) box.expand(core::Coord{p.x, p.y});
  // A box of no width or height (one point, points on a line) would divide by zero: widen it by one unit.
  if (box.width() == 0.0) box.maxX = box.minX + 1.0;
  if (box.height() == 0.0) box.maxY = box.minY + 1.0;
  // A GEOS point per call: on all cores, each with its own context and extent (geosHandle is per thread).
  core::parallelFor(points.size(), 0, 1 << 15, [&](unsigned, std::size_t begin, std::size_t end) {
    GEOSContextHandle_t h = detail::geosHandle();
    const detail::GeomPtr extent =
        detail::checked(GEOSGeom_createRectangle_r(h, box.minX, box.minY, box.maxX, box.maxY), "extent");
    for (std::size_t i = begin; i < end; ++i) {
      const detail::GeomPtr point =
          detail::checked(GEOSGeom_createPointFromXY_r(h, points[i].x, points[i].y), "Hilbert code");
      unsigned int code = 0;
      if (GEOSHilbertCode_r(h, point.get(), extent.get(), 16, &code) == 0) detail::throwGeosError("Hilbert code");
      codes[i] = code;
    }
  });
  return codes;
}

}  // namespace circatlas::geo
