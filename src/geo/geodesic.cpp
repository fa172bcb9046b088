// Ellipsoidal distance and area with PROJ's geodesic.h (the algorithms of C. F. F. Karney).
#include "geo/geodesic.h"

#include <geodesic.h>

#include <cmath>

namespace circatlas::geo {

namespace {

const geod_geodesic& wgs84() {
  static const geod_geodesic g = [] {
    geod_geodesic init{};
    geod_init(&init, 6378137.0, 1.0 / 298.257223563);
    return init;
  }();
  return g;
}

double ringArea(std::span<const core::Coord> ring) {
  if (ring.size() < 3) return 0.0;
  geod_polygon poly{};
  geod_polygon_init(&poly, 0);
  // A closed ring repeats its first vertex; geod_polygon closes implicitly.
  const std::size_t n = ring.front() == ring.back() ? ring.size() - 1 : ring.size();
  for (std::size_t i = 0; i < n; ++i) geod_polygon_addpoint(&wgs84(), &poly, ring[i].y, ring[i].x);
  double area = 0.0;
  geod_polygon_compute(&wgs84(), &poly, 0, 1, &area, nullptr);
  return std::abs(area);
}

}  // namespace

double geodesicDistanceMeters(core::LonLat a, core::LonLat b) noexcept {
  double s12 = 0.0;
  geod_inverse(&wgs84(), a.lat, a.lon, b.lat, b.lon, &s12, nullptr, nullptr);
  return s12;
}

double geodesicLengthMeters(const core::Geometry& g) noexcept {
  double total = 0.0;
  for (std::size_t p = 0; p < g.pathCount(); ++p) {
    const auto path = g.path(p);
    for (std::size_t i = 1; i < path.size(); ++i) {
      total += geodesicDistanceMeters({path[i - 1].x, path[i - 1].y}, {path[i].x, path[i].y});
    }
  }
  return total;
}

double geodesicAreaSquareMeters(const core::Geometry& g) noexcept {
  if (!core::isPolygonal(g.type())) return 0.0;
  double total = 0.0;
  for (std::size_t part = 0; part < g.partCount(); ++part) {
    const auto [first, last] = g.partPaths(part);
    for (std::size_t p = first; p < last; ++p) {
      const double a = ringArea(g.path(p));
      total += p == first ? a : -a;
    }
  }
  return total;
}

}  // namespace circatlas::geo
