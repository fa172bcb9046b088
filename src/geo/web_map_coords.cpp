// The public GCJ-02 and BD-09 formulae and their iterative inverses.
#include "geo/web_map_coords.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numbers>
#include <string>

#include "core/error.h"

namespace circatlas::geo {

namespace {

constexpr double kPi = std::numbers::pi;
// GCJ-02 works on the Krasovsky 1940 ellipsoid.
constexpr double kKrasovskyA = 6378245.0;
constexpr double kKrasovskyE2 = 0.00669342162296594323;
// BD-09's angular constant: π × 3000 / 180.
constexpr double kBdPi = kPi * 3000.0 / 180.0;
constexpr double kInverseTolerance = 1e-9;  // degrees
constexpr int kInverseMaxIterations = 30;

double shiftLat(double x, double y) {
  double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(y * kPi) + 40.0 * std::sin(y / 3.0 * kPi)) * 2.0 / 3.0;
  r += (160.0 * std::sin(y / 12.0 * kPi) + 320.0 * std::sin(y * kPi / 30.0)) * 2.0 / 3.0;
  return r;
}

double shiftLon(double x, double y) {
  double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * std::sqrt(std::abs(x));
  r += (20.0 * std::sin(6.0 * x * kPi) + 20.0 * std::sin(2.0 * x * kPi)) * 2.0 / 3.0;
  r += (20.0 * std::sin(x * kPi) + 40.0 * std::sin(x / 3.0 * kPi)) * 2.0 / 3.0;
  r += (150.0 * std::sin(x / 12.0 * kPi) + 300.0 * std::sin(x / 30.0 * kPi)) * 2.0 / 3.0;
  return r;
}

core::LonLat wgs84ToGcj02(core::LonLat p) {
  if (!gcjShiftApplies(p)) return p;
  const double dLat0 = shiftLat(p.lon - 105.0, p.lat - 35.0);
  const double dLon0 = shiftLon(p.lon - 105.0, p.lat - 35.0);
  const double radLat = p.lat / 180.0 * kPi;
  const double s = std::sin(radLat);
  const double magic = 1.0 - kKrasovskyE2 * s * s;
  const double sqrtMagic = std::sqrt(magic);
  const double dLat = dLat0 * 180.0 / ((kKrasovskyA * (1.0 - kKrasovskyE2)) / (magic * sqrtMagic) * kPi);
  const double dLon = dLon0 * 180.0 / (kKrasovskyA / sqrtMagic * std::cos(radLat) * kPi);
  return {p.lon + dLon, p.lat + dLat};
}

core::LonLat gcj02ToBd09(core::LonLat p) {
  const double z = std::hypot(p.lon, p.lat) + 0.00002 * std::sin(p.lat * kBdPi);
  const double theta = std::atan2(p.lat, p.lon) + 0.000003 * std::cos(p.lon * kBdPi);
  return {z * std::cos(theta) + 0.0065, z * std::sin(theta) + 0.006};
}

// Solves forward(x) = target for x by fixed-point iteration x ← x + (target − forward(x)).
// Both shifts are smooth and small against their argument, so this converges in a few steps.
template <typename Forward>
core::LonLat invert(core::LonLat target, Forward forward) {
  core::LonLat x = target;
  for (int i = 0; i < kInverseMaxIterations; ++i) {
    const core::LonLat f = forward(x);
    const double dLon = target.lon - f.lon;
    const double dLat = target.lat - f.lat;
    x.lon += dLon;
    x.lat += dLat;
    if (std::abs(dLon) < kInverseTolerance && std::abs(dLat) < kInverseTolerance) break;
  }
  return x;
}

}  // namespace

LonLatSystem parseLonLatSystem(std::string_view name) {
  std::string key(name);
  std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) { return std::tolower(c); });
  key.erase(std::remove_if(key.begin(), key.end(), [](char c) { return c == '-' || c == '_' || c == ' '; }), key.end());
  if (key == "wgs84" || key == "epsg:4326") return LonLatSystem::Wgs84;
  if (key == "cgcs2000" || key == "epsg:4490") return LonLatSystem::Cgcs2000;
  if (key == "gcj02" || key == "amap" || key == "tencent") return LonLatSystem::Gcj02;
  if (key == "bd09" || key == "baidu") return LonLatSystem::Bd09;
  throw core::ParameterError("unknown coordinate system '" + std::string(name) +
                             "' (expected wgs84, cgcs2000, gcj02 or bd09)");
}

std::string_view toString(LonLatSystem system) noexcept {
  switch (system) {
    case LonLatSystem::Wgs84:
      return "WGS 84";
    case LonLatSystem::Cgcs2000:
      return "CGCS2000";
    case LonLatSystem::Gcj02:
      return "GCJ-02";
    case LonLatSystem::Bd09:
      return "BD-09";
  }
  return "unknown";
}

bool gcjShiftApplies(core::LonLat p) noexcept {
  return p.lon >= 72.004 && p.lon <= 137.8347 && p.lat >= 0.8293 && p.lat <= 55.8271;
}

core::LonLat fromWgs84(core::LonLat p, LonLatSystem to) noexcept {
  switch (to) {
    case LonLatSystem::Wgs84:
    case LonLatSystem::Cgcs2000:
      return p;
    case LonLatSystem::Gcj02:
      return wgs84ToGcj02(p);
    case LonLatSystem::Bd09:
      return gcj02ToBd09(wgs84ToGcj02(p));
  }
  return p;
}

core::LonLat toWgs84(core::LonLat p, LonLatSystem from) noexcept {
  if (!std::isfinite(p.lon) || !std::isfinite(p.lat)) return p;
  switch (from) {
    case LonLatSystem::Wgs84:
    case LonLatSystem::Cgcs2000:
      return p;
    case LonLatSystem::Gcj02:
      return invert(p, wgs84ToGcj02);
    case LonLatSystem::Bd09:
      return invert(p, [](core::LonLat x) { return gcj02ToBd09(wgs84ToGcj02(x)); });
  }
  return p;
}

}  // namespace circatlas::geo
