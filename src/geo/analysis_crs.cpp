// A conformal projection fitted to the data's extent, with its scale error measured.
#include "geo/analysis_crs.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "geo/geodesic.h"
#include "geo/transformer.h"

namespace circatlas::geo {

namespace {

std::string fmt(const char* format, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, v);
  return buf;
}

}  // namespace

double FittedCrs::maxScaleError() const noexcept {
  return std::max(std::abs(maxScale - 1.0), std::abs(1.0 - minScale));
}

std::string FittedCrs::describe() const {
  return proj + "; scale " + fmt("%.4f", minScale) + "–" + fmt("%.4f", maxScale) + " (distances within " +
         fmt("%.2f", maxScaleError() * 100.0) + " %)";
}

FittedCrs conformalCrsFor(std::span<const core::LonLat> points) {
  FittedCrs out;
  if (points.empty()) {
    out.proj = std::string(kAnalysisCrs);
    out.minScale = 1.0 - kAnalysisCrsMaxScaleError;
    out.maxScale = 1.0 + kAnalysisCrsMaxScaleError;
    return out;
  }
  double west = 180, east = -180, south = 90, north = -90;
  for (const auto& p : points) {
    west = std::min(west, p.lon);
    east = std::max(east, p.lon);
    south = std::min(south, p.lat);
    north = std::max(north, p.lat);
  }
  const double lon0 = (west + east) / 2.0;
  const double lat0 = (south + north) / 2.0;
  const double span = north - south;
  if (south < 0.0 && north > 0.0) {
    out.proj = "+proj=merc +lon_0=" + fmt("%.6f", lon0) + " +lat_ts=0 +datum=WGS84 +units=m +no_defs +type=crs";
  } else {
    const double lat1 = span < 0.5 ? lat0 : south + span / 6.0;
    const double lat2 = span < 0.5 ? lat0 : north - span / 6.0;
    out.proj = "+proj=lcc +lat_0=" + fmt("%.6f", lat0) + " +lon_0=" + fmt("%.6f", lon0) +
               " +lat_1=" + fmt("%.6f", lat1) + " +lat_2=" + fmt("%.6f", lat2) +
               " +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs";
  }
  // Scale factor sampled as projected / geodesic length of a short step (1 km) at grid points.
  const Transformer t(kWgs84, out.proj);
  out.minScale = 1e9;
  out.maxScale = 0.0;
  for (int i = 0; i <= 8; ++i) {
    for (int j = 0; j <= 8; ++j) {
      const core::LonLat a{west + (east - west) * i / 8.0, south + (north - south) * j / 8.0};
      const core::LonLat b{a.lon, a.lat + (a.lat < 89.0 ? 0.009 : -0.009)};
      const core::Coord pa = t.forward(core::Coord{a.lon, a.lat});
      const core::Coord pb = t.forward(core::Coord{b.lon, b.lat});
      const double k = std::hypot(pa.x - pb.x, pa.y - pb.y) / geodesicDistanceMeters(a, b);
      out.minScale = std::min(out.minScale, k);
      out.maxScale = std::max(out.maxScale, k);
    }
  }
  return out;
}

FittedCrs metricCrsFor(std::span<const core::LonLat> points) {
  const bool gansu = std::all_of(points.begin(), points.end(), [](const core::LonLat& p) {
    return p.lat >= 31.0 && p.lat <= 44.0 && p.lon >= 92.0 && p.lon <= 111.0;
  });
  return gansu ? conformalCrsFor({}) : conformalCrsFor(points);
}

}  // namespace circatlas::geo
