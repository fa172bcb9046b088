// Fuzzes the GCJ-02 and BD-09 conversions with their invariants: a finite WGS 84 position inside
// China converts to finite coordinates and back to within 1 m; any input (NaN, ±inf, huge values)
// returns without a crash. The trailing bytes exercise the system-name parser.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "core/error.h"
#include "geo/web_map_coords.h"

namespace {

using circatlas::core::LonLat;
using circatlas::geo::LonLatSystem;

// Metres between two nearby positions (equirectangular; exact enough below a kilometre).
double metresApart(LonLat a, LonLat b) {
  constexpr double kMetresPerDegree = 111'320.0;
  const double dx = (a.lon - b.lon) * std::cos(a.lat * 3.141592653589793 / 180.0) * kMetresPerDegree;
  const double dy = (a.lat - b.lat) * kMetresPerDegree;
  return std::hypot(dx, dy);
}

// Inside the formula's box of China with a margin: at the box edge the shift switches off, so a
// round trip across it cannot be exact (and no place in China lies there).
bool wellInsideChina(LonLat p) {
  constexpr double kMargin = 0.05;
  return p.lon >= 72.004 + kMargin && p.lon <= 137.8347 - kMargin && p.lat >= 0.8293 + kMargin &&
         p.lat <= 55.8271 - kMargin;
}

void check(LonLat wgs, LonLatSystem system) {
  const LonLat shifted = circatlas::geo::fromWgs84(wgs, system);
  const LonLat back = circatlas::geo::toWgs84(shifted, system);
  // Also the inverse of arbitrary input must return.
  (void)circatlas::geo::toWgs84(wgs, system);
  if (!std::isfinite(wgs.lon) || !std::isfinite(wgs.lat) || !wellInsideChina(wgs)) return;
  if (!std::isfinite(shifted.lon) || !std::isfinite(shifted.lat) || !std::isfinite(back.lon) ||
      !std::isfinite(back.lat)) {
    std::fprintf(stderr, "non-finite result for %.17g, %.17g\n", wgs.lon, wgs.lat);
    std::abort();
  }
  if (const double d = metresApart(wgs, back); !(d < 1.0)) {
    std::fprintf(stderr, "round trip of %.17g, %.17g through %d is %g m off\n", wgs.lon, wgs.lat,
                 static_cast<int>(system), d);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2 * sizeof(double)) return 0;
  LonLat p{};
  std::memcpy(&p.lon, data, sizeof(double));
  std::memcpy(&p.lat, data + sizeof(double), sizeof(double));
  check(p, LonLatSystem::Gcj02);
  check(p, LonLatSystem::Bd09);
  // The same bits folded into China's box, so most inputs test the round trip.
  if (std::isfinite(p.lon) && std::isfinite(p.lat)) {
    const LonLat folded{73.0 + std::fmod(std::abs(p.lon), 62.0), 3.0 + std::fmod(std::abs(p.lat), 50.0)};
    check(folded, LonLatSystem::Gcj02);
    check(folded, LonLatSystem::Bd09);
  }
  const std::string_view name(reinterpret_cast<const char*>(data) + 2 * sizeof(double), size - 2 * sizeof(double));
  try {
    (void)circatlas::geo::toString(circatlas::geo::parseLonLatSystem(name));
  } catch (const circatlas::core::ParameterError&) {
  }
  return 0;
}
