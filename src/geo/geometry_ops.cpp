// GEOS-backed validity, repair, area, intersection and union for core::Geometry.
#include "geo/geometry_ops.h"

#include <vector>

#include "core/error.h"
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

core::Geometry convexHull(const core::Geometry& g) {
  const GeomPtr geos = toGeos(g);
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

}  // namespace circatlas::geo
