// Point types that keep degrees and metres apart, and the generic coordinate of a layer.
#pragma once

namespace circatlas::core {

/// A coordinate in whatever CRS its layer declares (x = easting or longitude).
struct Coord {
  double x = 0.0;
  double y = 0.0;
  friend constexpr bool operator==(const Coord&, const Coord&) = default;
};

/// Geographic coordinates in degrees on WGS 84 (or a datum within a metre of it, such as CGCS2000).
struct LonLat {
  double lon = 0.0;
  double lat = 0.0;
  friend constexpr bool operator==(const LonLat&, const LonLat&) = default;
};

/// Projected coordinates in metres in the analysis CRS (see geo/analysis_crs.h).
struct XY {
  double x = 0.0;
  double y = 0.0;
  friend constexpr bool operator==(const XY&, const XY&) = default;
};

}  // namespace circatlas::core
